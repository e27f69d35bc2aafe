import { describe, expect, it } from "vitest";
import { unitsNeedingCoachingFollowUp } from "./training-follow-up.js";

const TODAY = "2026-03-20";

describe("units needing coaching after training", () => {
  it("flags a unit trained more than 14 days ago with no coaching", () => {
    const flags = unitsNeedingCoachingFollowUp(
      [{ orgUnitId: "north", trainingEndedOn: "2026-02-28", earliestCoachingStartOn: null }],
      TODAY,
      14,
    );
    expect(flags).toEqual([{ orgUnitId: "north", trainingEndedOn: "2026-02-28", daysSinceTraining: 20 }]);
  });

  it("waits at exactly the threshold and flags the day after", () => {
    const unit = { orgUnitId: "north", trainingEndedOn: "2026-03-06", earliestCoachingStartOn: null };
    expect(unitsNeedingCoachingFollowUp([unit], "2026-03-20", 14)).toEqual([]);
    expect(unitsNeedingCoachingFollowUp([unit], "2026-03-21", 14)).toEqual([
      { orgUnitId: "north", trainingEndedOn: "2026-03-06", daysSinceTraining: 15 },
    ]);
  });

  it("does not flag a unit where someone has coaching started or agreed", () => {
    const flags = unitsNeedingCoachingFollowUp(
      [{ orgUnitId: "north", trainingEndedOn: "2026-01-31", earliestCoachingStartOn: "2026-02-10" }],
      TODAY,
      14,
    );
    expect(flags).toEqual([]);
  });

  it("does not flag a unit that has not been trained yet", () => {
    const flags = unitsNeedingCoachingFollowUp(
      [{ orgUnitId: "north", trainingEndedOn: null, earliestCoachingStartOn: null }],
      TODAY,
      14,
    );
    expect(flags).toEqual([]);
  });

  it("uses the agency's own threshold and lists the longest waiting first", () => {
    const flags = unitsNeedingCoachingFollowUp(
      [
        { orgUnitId: "east", trainingEndedOn: "2026-03-10", earliestCoachingStartOn: null },
        { orgUnitId: "west", trainingEndedOn: "2026-02-01", earliestCoachingStartOn: null },
        { orgUnitId: "south", trainingEndedOn: "2026-03-18", earliestCoachingStartOn: null },
      ],
      TODAY,
      7,
    );
    expect(flags.map((f) => [f.orgUnitId, f.daysSinceTraining])).toEqual([
      ["west", 47],
      ["east", 10],
    ]);
  });
});
