import { describe, expect, it } from "vitest";
import { isTrainedOn, trainedFromAttendance, trainedFromRollout } from "./trained-since.js";

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

  it("starts a unit's training at the next period's start, and not at all for an open-ended or unscheduled one", () => {
    const periods = [
      { label: "Jan '26", startDate: "2026-01-01" },
      { label: "Spring", startDate: null },
      { label: "May '26", startDate: "2026-05-01" },
    ];
    expect(trainedFromRollout(periods, 1)).toBe("2026-05-01");
    expect(trainedFromRollout(periods, 0)).toBeNull();
    expect(trainedFromRollout(periods, 2)).toBeNull();
    expect(trainedFromRollout(periods, null)).toBeNull();
  });

  it("counts an event on or after the first trained day", () => {
    expect(isTrainedOn("2026-03-01", "2026-03-01")).toBe(true);
    expect(isTrainedOn("2026-03-01", "2026-02-28")).toBe(false);
    expect(isTrainedOn(null, "2030-01-01")).toBe(false);
  });
});
