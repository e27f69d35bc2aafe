/**
 * The rules a rollout plan is checked against, each explained in words a coordinator can act
 * on. Pure functions over plain numbers, so each rule has unit tests for its failing case.
 *
 * - Leaders first: a unit's supervisor, manager and executives train in an earlier period than
 *   the unit's staff, so they can coach the staff as soon as the staff are trained.
 * - Cohort size: each training cohort stays within the plan's bounds (by default 10 to 20
 *   people; up to 35 is allowed but warned about; more is a problem).
 * - Trainer capacity: a period never needs more sessions than the trainers can deliver.
 */

export type RuleName = "leaders_first" | "cohort_size" | "trainer_capacity";

export interface RuleFinding {
  rule: RuleName;
  /** A problem breaks the rule; a warning is allowed but worth a second look. */
  severity: "problem" | "warning";
  periodIndex: number | null;
  message: string;
}

export interface CohortBounds {
  /** Smallest cohort worth a session. */
  min: number;
  /** Largest cohort the agency aims for. */
  max: number;
  /** Largest cohort allowed at all. */
  limit: number;
}

export const DEFAULT_COHORT_BOUNDS: CohortBounds = { min: 10, max: 20, limit: 35 };
export const DEFAULT_SESSIONS_PER_PERIOD = 6;

export interface UnitForLeadersRule {
  name: string;
  periodIndex: number;
  leadersPeriodIndex: number | null;
}

export function checkLeadersFirst(units: UnitForLeadersRule[], periodLabels: string[]): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const unit of units) {
    const when = periodLabels[unit.periodIndex] ?? `period ${unit.periodIndex + 1}`;
    if (unit.leadersPeriodIndex === null) {
      findings.push({
        rule: "leaders_first",
        severity: "problem",
        periodIndex: unit.periodIndex,
        message: `${unit.name} trains in ${when}, but no period is planned for its supervisor, manager and executives. Plan their training before ${when}.`,
      });
    } else if (unit.leadersPeriodIndex >= unit.periodIndex) {
      const leadersWhen = periodLabels[unit.leadersPeriodIndex] ?? `period ${unit.leadersPeriodIndex + 1}`;
      findings.push({
        rule: "leaders_first",
        severity: "problem",
        periodIndex: unit.periodIndex,
        message: `${unit.name} trains in ${when}, but its supervisor, manager and executives only train in ${leadersWhen}. Leaders need to train in an earlier period so they can coach their staff.`,
      });
    }
  }
  return findings;
}

/**
 * How `people` split into the fewest cohorts of at most `bounds.max`, sizes as even as
 * possible (largest first). Nobody to train → no cohorts.
 */
export function splitIntoCohorts(people: number, bounds: CohortBounds): number[] {
  if (people <= 0) return [];
  const count = Math.ceil(people / bounds.max);
  const base = Math.floor(people / count);
  const larger = people % count;
  return Array.from({ length: count }, (_, i) => (i < larger ? base + 1 : base));
}

/** One cohort's size against the bounds: null when it is fine. */
export function checkCohortSize(
  size: number,
  bounds: CohortBounds,
  where: string,
): Omit<RuleFinding, "periodIndex"> | null {
  if (size < bounds.min) {
    return {
      rule: "cohort_size",
      severity: "problem",
      message: `${where} has ${size} ${size === 1 ? "person" : "people"}, fewer than the ${bounds.min} a cohort needs. Combine it with another group.`,
    };
  }
  if (size > bounds.limit) {
    return {
      rule: "cohort_size",
      severity: "problem",
      message: `${where} has ${size} people, more than the ${bounds.limit} allowed. Split it into smaller cohorts.`,
    };
  }
  if (size > bounds.max) {
    return {
      rule: "cohort_size",
      severity: "warning",
      message: `${where} has ${size} people: allowed, but above the ${bounds.max} that keeps a cohort small enough to practice together.`,
    };
  }
  return null;
}

/** The staff trained in each period, split into cohorts, checked against the bounds. */
export function checkPlannedCohorts(
  peoplePerPeriod: number[],
  bounds: CohortBounds,
  periodLabels: string[],
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  peoplePerPeriod.forEach((people, periodIndex) => {
    const cohorts = splitIntoCohorts(people, bounds);
    const smallest = cohorts[cohorts.length - 1];
    if (smallest === undefined) return;
    const finding = checkCohortSize(
      smallest,
      bounds,
      `The smallest cohort of ${periodLabels[periodIndex] ?? "a period"}`,
    );
    if (finding) findings.push({ ...finding, periodIndex });
  });
  return findings;
}

/** Sessions each period needs against what the trainers can deliver. */
export function checkTrainerCapacity(
  sessionsPerPeriod: number[],
  capacity: number,
  periodLabels: string[],
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  sessionsPerPeriod.forEach((sessions, periodIndex) => {
    if (sessions <= capacity) return;
    findings.push({
      rule: "trainer_capacity",
      severity: "problem",
      periodIndex,
      message: `${periodLabels[periodIndex] ?? "A period"} needs ${sessions} sessions, but the trainers can deliver ${capacity}. Move some units to a later period or add trainers.`,
    });
  });
  return findings;
}
