import { sql } from "kysely";
import type { Db } from "../../db/types.js";
import { toCount, updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";

export interface OrgUnitRow {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  path: string;
  retiredAt: string | null;
  version: number;
}

const orgUnitColumns = ["id", "parent_id", "name", "kind", "path", "retired_at", "version"] as const;

function toOrgUnitRow(r: {
  id: string;
  parent_id: string | null;
  name: string;
  kind: string;
  path: string;
  retired_at: string | null;
  version: number;
}): OrgUnitRow {
  return {
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    kind: r.kind,
    path: r.path,
    retiredAt: r.retired_at,
    version: r.version,
  };
}

export async function findOrgUnitsOfAgency(db: Db, agencyId: string): Promise<OrgUnitRow[]> {
  const rows = await db
    .selectFrom("org_units")
    .select(orgUnitColumns)
    .where("agency_id", "=", agencyId)
    .orderBy("path")
    .execute();
  return rows.map(toOrgUnitRow);
}

export async function findOrgUnitById(db: Db, agencyId: string, id: string): Promise<OrgUnitRow | undefined> {
  const row = await db
    .selectFrom("org_units")
    .select(orgUnitColumns)
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toOrgUnitRow(row);
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
  return { id, parentId: unit.parentId, name: unit.name, kind: unit.kind, path, retiredAt: null, version: 1 };
}

/** Returns false when `expectedVersion` is stale. */
export async function renameOrgUnit(db: Db, agencyId: string, id: string, name: string, expectedVersion: number) {
  const result = await db
    .updateTable("org_units")
    .set((eb) => ({ name, updated_at: nowUtc(), version: eb("version", "+", 1) }))
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return updatedOneRow(result);
}

/**
 * Moves a unit and its whole subtree under a new parent: the unit's parent changes and every
 * path in the subtree swaps its old prefix for the new one. Returns false on a stale version.
 */
export async function moveOrgUnitSubtree(
  db: Db,
  agencyId: string,
  unit: { id: string; path: string },
  newParent: { id: string; path: string },
  expectedVersion: number,
) {
  const moved = await db
    .updateTable("org_units")
    .set((eb) => ({ parent_id: newParent.id, updated_at: nowUtc(), version: eb("version", "+", 1) }))
    .where("agency_id", "=", agencyId)
    .where("id", "=", unit.id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  if (!updatedOneRow(moved)) return false;
  const newPath = `${newParent.path}${unit.id}/`;
  await db
    .updateTable("org_units")
    .set({
      path: sql<string>`${newPath} || substr(path, ${unit.path.length + 1})`,
    })
    .where("agency_id", "=", agencyId)
    .where("path", "like", `${unit.path}%`)
    .execute();
  return true;
}

export async function setOrgUnitRetired(
  db: Db,
  agencyId: string,
  id: string,
  retiredAt: string | null,
  expectedVersion: number,
) {
  const result = await db
    .updateTable("org_units")
    .set((eb) => ({ retired_at: retiredAt, updated_at: nowUtc(), version: eb("version", "+", 1) }))
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return updatedOneRow(result);
}

/** Active people anywhere in the subtree whose root has this path. */
export async function countActivePeopleInSubtree(db: Db, agencyId: string, path: string, todayUtcDate: string) {
  const row = await db
    .selectFrom("people")
    .innerJoin("org_units", (j) =>
      j.onRef("org_units.id", "=", "people.org_unit_id").on("org_units.agency_id", "=", agencyId),
    )
    .select((eb) => eb.fn.countAll().as("n"))
    .where("people.agency_id", "=", agencyId)
    .where("org_units.path", "like", `${path}%`)
    .where((eb) => eb.or([eb("people.end_date", "is", null), eb("people.end_date", ">", todayUtcDate)]))
    .executeTakeFirstOrThrow();
  return toCount(row.n);
}

export async function countActiveChildUnits(db: Db, agencyId: string, parentId: string) {
  const row = await db
    .selectFrom("org_units")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("agency_id", "=", agencyId)
    .where("parent_id", "=", parentId)
    .where("retired_at", "is", null)
    .executeTakeFirstOrThrow();
  return toCount(row.n);
}

export async function findActiveSiblingNamed(db: Db, agencyId: string, parentId: string, name: string) {
  return db
    .selectFrom("org_units")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("parent_id", "=", parentId)
    .where("retired_at", "is", null)
    .where((eb) => eb(eb.fn("lower", ["name"]), "=", name.toLowerCase()))
    .executeTakeFirst();
}
