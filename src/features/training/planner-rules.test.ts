import { describe, expect, it } from "vitest";
import { proposeSchedule, type UnitToSchedule } from "./auto-planner.js";
import {
  checkCohortSize,
  checkLeadersFirst,
  checkPlannedCohorts,
  checkTrainerCapacity,
  DEFAULT_COHORT_BOUNDS,
  splitIntoCohorts,
} from "./planner-rules.js";

const PERIODS = ["May '12", "July '12", "Sep '12"];

describe("leaders first", () => {
  it("passes when the leaders train in an earlier period", () => {
    expect(checkLeadersFirst([{ name: "Unit 1", periodIndex: 1, leadersPeriodIndex: 0 }], PERIODS)).toEqual([]);
  });

  it("fails when the leaders train in the same period as their staff", () => {
    const [finding] = checkLeadersFirst([{ name: "Unit 1", periodIndex: 1, leadersPeriodIndex: 1 }], PERIODS);
    expect(finding).toMatchObject({ rule: "leaders_first", severity: "problem", periodIndex: 1 });
    expect(finding?.message).toContain("only train in July '12");
  });

  it("fails when the leaders train later or have no period at all", () => {
    const findings = checkLeadersFirst(
      [
        { name: "Unit 1", periodIndex: 0, leadersPeriodIndex: 2 },
        { name: "Unit 2", periodIndex: 2, leadersPeriodIndex: null },
      ],
      PERIODS,
    );
    expect(findings.map((f) => f.periodIndex)).toEqual([0, 2]);
    expect(findings[1]?.message).toContain("Plan their training before Sep '12");
  });
});

describe("cohort size", () => {
  it("splits people into the fewest even cohorts of at most the maximum", () => {
    expect(splitIntoCohorts(0, DEFAULT_COHORT_BOUNDS)).toEqual([]);
    expect(splitIntoCohorts(20, DEFAULT_COHORT_BOUNDS)).toEqual([20]);
    expect(splitIntoCohorts(21, DEFAULT_COHORT_BOUNDS)).toEqual([11, 10]);
    expect(splitIntoCohorts(47, DEFAULT_COHORT_BOUNDS)).toEqual([16, 16, 15]);
  });

  it("accepts 10 to 20, warns above 20 up to 35, and refuses fewer than 10 or more than 35", () => {
    expect(checkCohortSize(10, DEFAULT_COHORT_BOUNDS, "A")).toBeNull();
    expect(checkCohortSize(20, DEFAULT_COHORT_BOUNDS, "A")).toBeNull();
    expect(checkCohortSize(9, DEFAULT_COHORT_BOUNDS, "A")?.severity).toBe("problem");
    expect(checkCohortSize(21, DEFAULT_COHORT_BOUNDS, "A")?.severity).toBe("warning");
    expect(checkCohortSize(35, DEFAULT_COHORT_BOUNDS, "A")?.severity).toBe("warning");
    expect(checkCohortSize(36, DEFAULT_COHORT_BOUNDS, "A")?.severity).toBe("problem");
  });

  it("uses a plan's own bounds", () => {
    const bounds = { min: 4, max: 8, limit: 12 };
    expect(checkCohortSize(5, bounds, "A")).toBeNull();
    expect(checkCohortSize(13, bounds, "A")?.message).toContain("more than the 12 allowed");
  });

  it("flags a period whose staff are too few for one cohort, and no period without staff", () => {
    const findings = checkPlannedCohorts([0, 25, 6], DEFAULT_COHORT_BOUNDS, PERIODS);
    expect(findings).toEqual([expect.objectContaining({ periodIndex: 2, severity: "problem" })]);
    expect(findings[0]?.message).toContain("Sep '12 has 6 people");
  });
});

describe("trainer capacity", () => {
  it("passes when no period needs more sessions than the trainers deliver", () => {
    expect(checkTrainerCapacity([3, 4], 4, PERIODS)).toEqual([]);
  });

  it("fails for each period that needs more", () => {
    const findings = checkTrainerCapacity([5, 4, 7], 4, PERIODS);
    expect(findings.map((f) => [f.periodIndex, f.rule])).toEqual([
      [0, "trainer_capacity"],
      [2, "trainer_capacity"],
    ]);
    expect(findings[0]?.message).toContain("needs 5 sessions, but the trainers can deliver 4");
  });
});

describe("auto-planner", () => {
  const unit = (id: string, regionLabel: string, staff: number | null, volunteer = false): UnitToSchedule => ({
    id,
    regionLabel,
    staff,
    volunteer,
  });
  const options = { periodCount: 4, bounds: DEFAULT_COHORT_BOUNDS, sessionsPerPeriod: 1, volunteersFirst: false };

  it("keeps the first period for leaders and fills later periods within trainer capacity, regions taking turns", () => {
    const units = [unit("a1", "A", 8), unit("a2", "A", 8), unit("b1", "B", 8), unit("b2", "B", 8)];
    const proposal = proposeSchedule(units, options);
    expect(proposal.placements).toEqual([
      { id: "a1", periodIndex: 1, leadersPeriodIndex: 0 },
      { id: "b1", periodIndex: 1, leadersPeriodIndex: 0 },
      { id: "a2", periodIndex: 2, leadersPeriodIndex: 0 },
      { id: "b2", periodIndex: 2, leadersPeriodIndex: 0 },
    ]);
    expect(proposal.unscheduled).toEqual([]);
  });

  it("puts volunteer units first when asked", () => {
    const units = [unit("a1", "A", 15), unit("a2", "A", 15, true)];
    const first = proposeSchedule(units, { ...options, volunteersFirst: true }).placements[0];
    expect(first).toEqual({ id: "a2", periodIndex: 1, leadersPeriodIndex: 0 });
    expect(proposeSchedule(units, options).placements[0]?.id).toBe("a1");
  });

  it("reports units that fit in no period instead of dropping them", () => {
    const units = [unit("a1", "A", 18), unit("a2", "A", 18), unit("a3", "A", 18), unit("a4", "A", 18)];
    const proposal = proposeSchedule(units, options);
    expect(proposal.placements.map((p) => p.id)).toEqual(["a1", "a2", "a3"]);
    expect(proposal.unscheduled).toEqual(["a4"]);
  });

  it("assumes the average known unit size for units not linked yet", () => {
    const proposal = proposeSchedule([unit("a1", "A", 6), unit("a2", "A", 10), unit("b1", "B", null)], options);
    expect(proposal.assumedUnitSize).toBe(8);
    // 6 + 8 assumed fit one cohort of 20; adding the 10 of a2 would need a second session.
    expect(proposal.placements.map((p) => [p.id, p.periodIndex])).toEqual([
      ["a1", 1],
      ["b1", 1],
      ["a2", 2],
    ]);
  });
});
