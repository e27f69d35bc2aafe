import type { Db } from "../../db/types.js";
import type { RolloutPeriod } from "./rollout-plan.schema.js";

/** Attended-or-not enrollments of these people with their session's end, for the trained rule. */
export async function findSessionEndsOfPeople(db: Db, agencyId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom("training_enrollments as e")
    .innerJoin("training_sessions as s", (j) =>
      j.onRef("s.id", "=", "e.session_id").onRef("s.agency_id", "=", "e.agency_id"),
    )
    .select(["e.person_id", "e.attendance", "s.ends_at"])
    .where("e.agency_id", "=", agencyId)
    .where("e.person_id", "in", personIds)
    .execute();
  return rows.map((r) => ({ personId: r.person_id, attendance: r.attendance, endsAt: r.ends_at }));
}

/** The agency's most recently created rollout plan: its periods and its units linked to org units. */
export async function findLatestRolloutSchedule(db: Db, agencyId: string) {
  const plan = await db
    .selectFrom("training_rollout_plans")
    .select(["id", "name", "periods_json"])
    .where("agency_id", "=", agencyId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!plan) return null;
  const units = await db
    .selectFrom("training_planned_units")
    .select(["org_unit_id", "period_index"])
    .where("agency_id", "=", agencyId)
    .where("plan_id", "=", plan.id)
    .where("org_unit_id", "is not", null)
    .execute();
  return {
    planId: plan.id,
    name: plan.name,
    periods: JSON.parse(plan.periods_json) as RolloutPeriod[],
    units: units.map((u) => ({ orgUnitId: u.org_unit_id ?? "", periodIndex: u.period_index })),
  };
}

/** The people placed in these org units who still work there on `today`, for the unit-trained rule. */
export async function findCurrentStaffOfUnits(db: Db, agencyId: string, orgUnitIds: string[], today: string) {
  if (orgUnitIds.length === 0) return [];
  const rows = await db
    .selectFrom("people")
    .select(["id", "org_unit_id"])
    .where("agency_id", "=", agencyId)
    .where("org_unit_id", "in", orgUnitIds)
    .where((eb) => eb.or([eb("end_date", "is", null), eb("end_date", ">", today)]))
    .execute();
  return rows.map((r) => ({ personId: r.id, orgUnitId: r.org_unit_id as string }));
}
