import type { Db } from "../../db/types.js";
import { toCount } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";

export interface OrgUnitRow {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  path: string;
  retiredAt: string | null;
}

export async function findOrgUnitsOfAgency(db: Db, agencyId: string): Promise<OrgUnitRow[]> {
  const rows = await db
    .selectFrom("org_units")
    .select(["id", "parent_id", "name", "kind", "path", "retired_at"])
    .where("agency_id", "=", agencyId)
    .orderBy("path")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    kind: r.kind,
    path: r.path,
    retiredAt: r.retired_at,
  }));
}

export async function findOrgUnitById(db: Db, agencyId: string, id: string): Promise<OrgUnitRow | undefined> {
  const r = await db
    .selectFrom("org_units")
    .select(["id", "parent_id", "name", "kind", "path", "retired_at"])
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
  return r && { id: r.id, parentId: r.parent_id, name: r.name, kind: r.kind, path: r.path, retiredAt: r.retired_at };
}

/** Active people (no end date, or one still in the future) per org unit. */
export async function countActivePeoplePerOrgUnit(db: Db, agencyId: string, todayUtcDate: string) {
  const rows = await db
    .selectFrom("people")
    .select(["org_unit_id", (eb) => eb.fn.countAll().as("n")])
    .where("agency_id", "=", agencyId)
    .where((eb) => eb.or([eb("end_date", "is", null), eb("end_date", ">", todayUtcDate)]))
    .groupBy("org_unit_id")
    .execute();
  return new Map(rows.map((r) => [r.org_unit_id, toCount(r.n)]));
}

export async function insertOrgUnit(
  db: Db,
  unit: { agencyId: string; parentPath: string | null; parentId: string | null; name: string; kind: string },
): Promise<OrgUnitRow> {
  const id = newId();
  const path = `${unit.parentPath ?? "/"}${id}/`;
  const now = nowUtc();
  await db
    .insertInto("org_units")
    .values({
      id,
      agency_id: unit.agencyId,
      parent_id: unit.parentId,
      name: unit.name,
      kind: unit.kind,
      path,
      retired_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return { id, parentId: unit.parentId, name: unit.name, kind: unit.kind, path, retiredAt: null };
}
