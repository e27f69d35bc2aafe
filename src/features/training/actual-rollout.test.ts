import { describe, expect, it } from "vitest";
import { actualCumulativeUnits } from "./rollout-summary.js";
import { unitTrainedFromAttendance } from "./trained-since.js";

describe("when a unit counts as actually trained", () => {
  it("is the day by which half its current staff have attended", () => {
    // Four staff: the second trained day in order is when half of them are trained.
    expect(unitTrainedFromAttendance(["2026-03-05", null, "2026-02-10", "2026-04-01"])).toBe("2026-03-05");
    // Three staff: two are needed (half, rounded up).
    expect(unitTrainedFromAttendance(["2026-03-05", null, null])).toBeNull();
    expect(unitTrainedFromAttendance(["2026-03-05", null, "2026-01-20"])).toBe("2026-03-05");
  });

  it("has no date for a unit with nobody placed in it", () => {
    expect(unitTrainedFromAttendance([])).toBeNull();
  });
});

describe("units actually trained after each period", () => {
  const periods = [{ startDate: "2026-01-01" }, { startDate: "2026-03-01" }, { startDate: "2026-05-01" }];

  it("counts units trained before each period's end, and up to today in the running period", () => {
    const trained = ["2026-01-15", "2026-02-28", "2026-03-01", "2026-04-10", null];
    expect(actualCumulativeUnits(periods, trained, "2026-04-01")).toEqual([2, 3, null]);
    expect(actualCumulativeUnits(periods, trained, "2026-05-02")).toEqual([2, 4, 4]);
  });

  it("has no number for a period without a known start", () => {
    expect(
      actualCumulativeUnits([{ startDate: null }, { startDate: "2026-03-01" }], ["2026-01-02"], "2026-06-01"),
    ).toEqual([null, 1]);
  });
});
