import { describe, expect, it } from "vitest";
import { isTrainedOn, trainedFromAttendance, trainedFromRollout, unitTrainingEndsOn } from "./trained-since.js";

describe("when someone counts as trained", () => {
  it("starts the day after the first session they attended, fully or in part", () => {
    expect(
      trainedFromAttendance([
        { attendance: "absent", endsAt: "2026-01-05T21:00:00.000Z" },
        { attendance: "partial", endsAt: "2026-02-28T21:00:00.000Z" },
        { attendance: "present", endsAt: "2026-03-10T21:00:00.000Z" },
      ]),
    ).toBe("2026-03-01");
  });

  it("has no date for someone who never attended", () => {
    expect(trainedFromAttendance([{ attendance: null, endsAt: "2026-01-05T21:00:00.000Z" }])).toBeNull();
    expect(trainedFromAttendance([])).toBeNull();
  });

  it("runs a unit's training until the next period starts, the last period to the end of its month", () => {
    const periods = [
      { label: "Jan '26", startDate: "2026-01-01" },
      { label: "Mar '26", startDate: "2026-03-01" },
      { label: "Spring", startDate: null },
      { label: "Feb '28", startDate: "2028-02-10" },
    ];
    expect(unitTrainingEndsOn(periods, 0)).toBe("2026-02-28");
    expect(trainedFromRollout(periods, 0)).toBe("2026-03-01");
    // The period after it names no date, so neither does its end.
    expect(unitTrainingEndsOn(periods, 1)).toBeNull();
    expect(trainedFromRollout(periods, 1)).toBeNull();
    expect(unitTrainingEndsOn(periods, 2)).toBeNull();
    // The last period, starting mid-month in a leap year, ends with its month.
    expect(unitTrainingEndsOn(periods, 3)).toBe("2028-02-29");
    expect(trainedFromRollout(periods, 3)).toBe("2028-03-01");
    expect(trainedFromRollout(periods, 4)).toBeNull();
    expect(trainedFromRollout(periods, null)).toBeNull();
  });

  it("counts an event on or after the first trained day", () => {
    expect(isTrainedOn("2026-03-01", "2026-03-01")).toBe(true);
    expect(isTrainedOn("2026-03-01", "2026-02-28")).toBe(false);
    expect(isTrainedOn(null, "2030-01-01")).toBe(false);
  });
});
