import { DateTime } from "luxon";
import type { Db } from "../../src/db/types.js";
import { insertPlannedUnits, insertRolloutPlan } from "../../src/features/training/rollout-plan.repo.js";
import type { World } from "./world.js";

/** The first day of the month `monthsFromNow` months away (negative: in the past). */
export function monthStart(monthsFromNow: number): string {
  return DateTime.utc().plus({ months: monthsFromNow }).startOf("month").toISODate() as string;
}

/**
 * A rollout plan where Units N1 and N2 trained three months ago (their period ended when the next
 * began) and Unit S1 trains next month.
 * With the coaching records of tests/support/coaching.ts, N1 has a coachee and N2 only an invitation.
 */
export async function buildFollowUpPlan(db: Db, world: World): Promise<string> {
  const agencyId = world.agency.id;
  const id = await insertRolloutPlan(db, agencyId, {
    name: "Follow-up rollout",
    periods: [
      { label: "Three months ago", startDate: monthStart(-3) },
      { label: "Two months ago", startDate: monthStart(-2) },
      { label: "Next month", startDate: monthStart(1) },
    ],
    regions: ["North", "South"],
    cohortMin: 1,
    cohortMax: 20,
    cohortLimit: 35,
    sessionsPerPeriod: 6,
  });
  const unit = (unitLabel: string, orgUnitId: string, periodIndex: number, position: number) => ({
    regionLabel: unitLabel.startsWith("S") ? "South" : "North",
    unitLabel,
    periodIndex,
    leadersPeriodIndex: null,
    position,
    orgUnitId,
    volunteer: false,
  });
  await insertPlannedUnits(db, agencyId, id, [
    unit("N1", world.units.unitN1.id, 0, 0),
    unit("N2", world.units.unitN2.id, 0, 1),
    unit("S1", world.units.unitS1.id, 2, 2),
  ]);
  return id;
}
