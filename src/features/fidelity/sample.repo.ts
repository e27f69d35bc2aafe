import type { Db } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";

/**
 * Staff who can be observed in a unit (and the units under it) during a period: practice and
 * supervisory staff employed at some point in the period. Read-only from the people tables, as the
 * teams repository reads member names.
 */
export async function findObservableStaff(
  db: Db,
  agencyId: string,
  unitPath: string,
  period: { start: string; end: string },
) {
  const rows = await db
    .selectFrom("people as p")
    .innerJoin("org_units as u", (j) => j.onRef("u.id", "=", "p.org_unit_id").onRef("u.agency_id", "=", "p.agency_id"))
    .select(["p.id", "p.given_name", "p.family_name"])
    .where("p.agency_id", "=", agencyId)
    .where("u.path", "like", `${unitPath}%`)
    .where("p.level", "in", ["practice", "supervisory"])
    .where((eb) => eb.or([eb("p.hire_date", "is", null), eb("p.hire_date", "<=", period.end)]))
    .where((eb) => eb.or([eb("p.end_date", "is", null), eb("p.end_date", ">=", period.start)]))
    .execute();
  return rows.map((r) => ({ id: r.id, name: `${r.given_name} ${r.family_name}` }));
}

export interface SampleRow {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  periodStart: string;
  periodEnd: string;
  seed: string;
  size: number;
  personIds: string[];
  createdAt: string;
}

export async function insertSample(
  db: Db,
  agencyId: string,
  sample: Omit<SampleRow, "id" | "createdAt" | "orgUnitName">,
  userId: string,
) {
  const id = newId();
  await db
    .insertInto("fidelity_samples")
    .values({
      id,
      agency_id: agencyId,
      org_unit_id: sample.orgUnitId,
      period_start: sample.periodStart,
      period_end: sample.periodEnd,
      seed: sample.seed,
      sample_size: sample.size,
      person_ids_json: JSON.stringify(sample.personIds),
      created_by_user_id: userId,
      created_at: nowUtc(),
    })
    .execute();
  return id;
}

export async function findSampleById(db: Db, agencyId: string, id: string): Promise<SampleRow | undefined> {
  const row = await db
    .selectFrom("fidelity_samples as s")
    .innerJoin("org_units as u", (j) => j.onRef("u.id", "=", "s.org_unit_id").onRef("u.agency_id", "=", "s.agency_id"))
    .select([
      "s.id",
      "s.org_unit_id",
      "u.name as org_unit_name",
      "s.period_start",
      "s.period_end",
      "s.seed",
      "s.sample_size",
      "s.person_ids_json",
      "s.created_at",
    ])
    .where("s.agency_id", "=", agencyId)
    .where("s.id", "=", id)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      orgUnitId: row.org_unit_id,
      orgUnitName: row.org_unit_name,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      seed: row.seed,
      size: row.sample_size,
      personIds: JSON.parse(row.person_ids_json) as string[],
      createdAt: row.created_at,
    }
  );
}
