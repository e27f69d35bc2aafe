import type { Db } from "../../db/types.js";
import { updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import type { RolloutPeriod } from "./rollout-plan.schema.js";

export interface PlanSettings {
  cohortMin: number;
  cohortMax: number;
  cohortLimit: number;
  sessionsPerPeriod: number;
}

export interface RolloutPlanRow extends PlanSettings {
  id: string;
  name: string;
  periods: RolloutPeriod[];
  regions: string[];
  updatedAt: string;
  version: number;
}

export interface PlannedUnitRow {
  id: string;
  regionLabel: string;
  unitLabel: string;
  periodIndex: number | null;
  leadersPeriodIndex: number | null;
  position: number;
  orgUnitId: string | null;
  volunteer: boolean;
}

function plansQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("training_rollout_plans")
    .select([
      "id",
      "name",
      "periods_json",
      "regions_json",
      "cohort_min",
      "cohort_max",
      "cohort_limit",
      "sessions_per_period",
      "updated_at",
      "version",
    ])
    .where("agency_id", "=", agencyId);
}

type PlanSelection = Awaited<ReturnType<ReturnType<typeof plansQuery>["executeTakeFirstOrThrow"]>>;

function toPlanRow(r: PlanSelection): RolloutPlanRow {
  return {
    id: r.id,
    name: r.name,
    periods: JSON.parse(r.periods_json) as RolloutPeriod[],
    regions: JSON.parse(r.regions_json) as string[],
    cohortMin: r.cohort_min,
    cohortMax: r.cohort_max,
    cohortLimit: r.cohort_limit,
    sessionsPerPeriod: r.sessions_per_period,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export async function findRolloutPlans(db: Db, agencyId: string) {
  const rows = await plansQuery(db, agencyId).orderBy("name").orderBy("id").execute();
  return rows.map(toPlanRow);
}

export async function findRolloutPlanById(db: Db, agencyId: string, id: string) {
  const row = await plansQuery(db, agencyId).where("id", "=", id).executeTakeFirst();
  return row && toPlanRow(row);
}

export interface PlanFields extends PlanSettings {
  name: string;
  periods: RolloutPeriod[];
  regions: string[];
}

export async function insertRolloutPlan(db: Db, agencyId: string, plan: PlanFields) {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("training_rollout_plans")
    .values({
      id,
      agency_id: agencyId,
      name: plan.name,
      periods_json: JSON.stringify(plan.periods),
      regions_json: JSON.stringify(plan.regions),
      cohort_min: plan.cohortMin,
      cohort_max: plan.cohortMax,
      cohort_limit: plan.cohortLimit,
      sessions_per_period: plan.sessionsPerPeriod,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

export async function updateRolloutPlan(db: Db, agencyId: string, id: string, plan: PlanFields, version: number) {
  const result = await db
    .updateTable("training_rollout_plans")
    .set({
      name: plan.name,
      periods_json: JSON.stringify(plan.periods),
      regions_json: JSON.stringify(plan.regions),
      cohort_min: plan.cohortMin,
      cohort_max: plan.cohortMax,
      cohort_limit: plan.cohortLimit,
      sessions_per_period: plan.sessionsPerPeriod,
      updated_at: nowUtc(),
      version: version + 1,
    })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

/** A change to the plan's units changes the plan: its version moves so open editors see it. */
export async function bumpRolloutPlanVersion(db: Db, agencyId: string, id: string, version: number) {
  const result = await db
    .updateTable("training_rollout_plans")
    .set({ version: version + 1, updated_at: nowUtc() })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

export async function findPlannedUnits(db: Db, agencyId: string, planId: string): Promise<PlannedUnitRow[]> {
  const rows = await db
    .selectFrom("training_planned_units")
    .select([
      "id",
      "region_label",
      "unit_label",
      "period_index",
      "leaders_period_index",
      "position",
      "org_unit_id",
      "volunteer",
    ])
    .where("agency_id", "=", agencyId)
    .where("plan_id", "=", planId)
    .orderBy("position")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    regionLabel: r.region_label,
    unitLabel: r.unit_label,
    periodIndex: r.period_index,
    leadersPeriodIndex: r.leaders_period_index,
    position: r.position,
    orgUnitId: r.org_unit_id,
    volunteer: r.volunteer === 1,
  }));
}

/** Units of every plan of the agency, for the plan list's counts. */
export async function findPlannedUnitCounts(db: Db, agencyId: string) {
  const rows = await db
    .selectFrom("training_planned_units")
    .select(["plan_id", "org_unit_id"])
    .where("agency_id", "=", agencyId)
    .execute();
  const counts = new Map<string, { units: number; linked: number }>();
  for (const row of rows) {
    const count = counts.get(row.plan_id) ?? { units: 0, linked: 0 };
    count.units++;
    if (row.org_unit_id) count.linked++;
    counts.set(row.plan_id, count);
  }
  return counts;
}

export async function insertPlannedUnits(
  db: Db,
  agencyId: string,
  planId: string,
  units: Omit<PlannedUnitRow, "id">[],
) {
  if (units.length === 0) return;
  const now = nowUtc();
  await db
    .insertInto("training_planned_units")
    .values(
      units.map((u) => ({
        id: newId(),
        agency_id: agencyId,
        plan_id: planId,
        region_label: u.regionLabel,
        unit_label: u.unitLabel,
        period_index: u.periodIndex,
        leaders_period_index: u.leadersPeriodIndex,
        position: u.position,
        org_unit_id: u.orgUnitId,
        volunteer: u.volunteer ? 1 : 0,
        created_at: now,
      })),
    )
    .execute();
}

export async function updatePlannedUnit(db: Db, agencyId: string, planId: string, unit: PlannedUnitRow) {
  await db
    .updateTable("training_planned_units")
    .set({
      region_label: unit.regionLabel,
      period_index: unit.periodIndex,
      leaders_period_index: unit.leadersPeriodIndex,
      position: unit.position,
      org_unit_id: unit.orgUnitId,
      volunteer: unit.volunteer ? 1 : 0,
    })
    .where("agency_id", "=", agencyId)
    .where("plan_id", "=", planId)
    .where("id", "=", unit.id)
    .execute();
}

export async function deletePlannedUnits(db: Db, agencyId: string, planId: string, ids: string[]) {
  if (ids.length === 0) return;
  await db
    .deleteFrom("training_planned_units")
    .where("agency_id", "=", agencyId)
    .where("plan_id", "=", planId)
    .where("id", "in", ids)
    .execute();
}
