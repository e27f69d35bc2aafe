import { randomUUID } from "node:crypto";
import type { Db } from "../../src/db/types.js";
import { findModelInUse } from "../../src/features/model/model.service.js";

/** The month the authorization cases set and clear focuses for. */
export const FOCUS_MONTH = "2030-01";

async function agencyOfUnit(db: Db, orgUnitId: string) {
  const row = await db.selectFrom("org_units").select("agency_id").where("id", "=", orgUnitId).executeTakeFirst();
  return row?.agency_id ?? null;
}

/** A valid focus for the unit: the first element of its agency's model in use (made up for unknown units). */
export async function focusBody(db: Db, orgUnitId: string) {
  const agencyId = await agencyOfUnit(db, orgUnitId);
  const model = agencyId ? await findModelInUse(db, agencyId) : null;
  return { itemId: model?.content.elements[0]?.id ?? randomUUID(), note: "" };
}

/** The unit's focuses, so a write that sets or clears one shows as a change to the unit. */
export async function focusesOfUnit(db: Db, orgUnitId: string) {
  return db.selectFrom("model_focuses").selectAll().where("org_unit_id", "=", orgUnitId).orderBy("id").execute();
}

export async function clearFocusesOfUnit(db: Db, orgUnitId: string) {
  await db.deleteFrom("model_focuses").where("org_unit_id", "=", orgUnitId).execute();
}

/** A focus at version 1 for the unit and month, whatever earlier cases left. */
export async function resetFocus(db: Db, orgUnitId: string) {
  await clearFocusesOfUnit(db, orgUnitId);
  const agencyId = await agencyOfUnit(db, orgUnitId);
  const model = agencyId ? await findModelInUse(db, agencyId) : null;
  const element = model?.content.elements[0];
  if (!agencyId || !model || !element) return;
  const now = new Date().toISOString();
  await db
    .insertInto("model_focuses")
    .values({
      id: randomUUID(),
      agency_id: agencyId,
      org_unit_id: orgUnitId,
      month: FOCUS_MONTH,
      model_id: model.modelId,
      version_number: model.versionNumber,
      item_kind: "element",
      item_id: element.id,
      note: "",
      set_by_user_id: randomUUID(),
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
}
