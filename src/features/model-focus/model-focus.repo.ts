import type { Db } from "../../db/types.js";
import { toCount, updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";

export interface FocusRow {
  id: string;
  orgUnitId: string;
  month: string;
  modelId: string;
  versionNumber: number;
  itemKind: "element" | "behavior";
  itemId: string;
  note: string;
  version: number;
  updatedAt: string;
}

const columns = [
  "id",
  "org_unit_id",
  "month",
  "model_id",
  "version_number",
  "item_kind",
  "item_id",
  "note",
  "version",
  "updated_at",
] as const;

function toRow(r: {
  id: string;
  org_unit_id: string;
  month: string;
  model_id: string;
  version_number: number;
  item_kind: string;
  item_id: string;
  note: string;
  version: number;
  updated_at: string;
}): FocusRow {
  return {
    id: r.id,
    orgUnitId: r.org_unit_id,
    month: r.month,
    modelId: r.model_id,
    versionNumber: r.version_number,
    itemKind: r.item_kind === "element" ? "element" : "behavior",
    itemId: r.item_id,
    note: r.note,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export async function findFocus(db: Db, agencyId: string, orgUnitId: string, month: string) {
  const row = await db
    .selectFrom("model_focuses")
    .select(columns)
    .where("agency_id", "=", agencyId)
    .where("org_unit_id", "=", orgUnitId)
    .where("month", "=", month)
    .executeTakeFirst();
  return row && toRow(row);
}

export async function findFocusesOfUnits(db: Db, agencyId: string, orgUnitIds: string[], month: string) {
  if (orgUnitIds.length === 0) return [];
  const rows = await db
    .selectFrom("model_focuses")
    .select(columns)
    .where("agency_id", "=", agencyId)
    .where("org_unit_id", "in", orgUnitIds)
    .where("month", "=", month)
    .execute();
  return rows.map(toRow);
}

export interface FocusWrite {
  modelId: string;
  versionNumber: number;
  itemKind: "element" | "behavior";
  itemId: string;
  note: string;
  userId: string;
}

export async function insertFocus(db: Db, agencyId: string, orgUnitId: string, month: string, input: FocusWrite) {
  const now = nowUtc();
  await db
    .insertInto("model_focuses")
    .values({
      id: newId(),
      agency_id: agencyId,
      org_unit_id: orgUnitId,
      month,
      model_id: input.modelId,
      version_number: input.versionNumber,
      item_kind: input.itemKind,
      item_id: input.itemId,
      note: input.note,
      set_by_user_id: input.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
}

export async function updateFocus(db: Db, agencyId: string, id: string, input: FocusWrite, expectedVersion: number) {
  const result = await db
    .updateTable("model_focuses")
    .set((eb) => ({
      model_id: input.modelId,
      version_number: input.versionNumber,
      item_kind: input.itemKind,
      item_id: input.itemId,
      note: input.note,
      set_by_user_id: input.userId,
      updated_at: nowUtc(),
      version: eb("version", "+", 1),
    }))
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return updatedOneRow(result);
}

export async function deleteFocus(db: Db, agencyId: string, id: string, expectedVersion: number) {
  const result = await db
    .deleteFrom("model_focuses")
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return result.numDeletedRows === 1n;
}

export async function countFocusesReferencing(db: Db, agencyId: string, modelId: string, itemIds: string[]) {
  if (itemIds.length === 0) return 0;
  const row = await db
    .selectFrom("model_focuses")
    .select((eb) => eb.fn.countAll().as("count"))
    .where("agency_id", "=", agencyId)
    .where("model_id", "=", modelId)
    .where("item_id", "in", itemIds)
    .executeTakeFirst();
  return toCount(row?.count);
}
