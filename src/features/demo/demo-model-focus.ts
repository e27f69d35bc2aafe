import { DateTime } from "luxon";
import type { Db } from "../../db/types.js";
import { findAgencySettings } from "../agencies/agency.service.js";
import { findModelInUse } from "../model/model.service.js";
import { insertFocus } from "../model-focus/model-focus.repo.js";

/**
 * The regional manager of the demo's first region has chosen this month's practice focus for
 * the whole region, so staff there see one on their home pages from the first sign-in.
 */
export async function seedDemoModelFocus(
  db: Db,
  agencyId: string,
  place: { regionUnitId: string; setByUserId: string },
): Promise<void> {
  const model = await findModelInUse(db, agencyId);
  const element = model?.content.elements[0];
  const behavior = element?.behaviors[1] ?? element?.behaviors[0];
  if (!model || !behavior) return;
  const timeZone = (await findAgencySettings(db, agencyId))?.timeZone ?? "UTC";
  await insertFocus(db, agencyId, place.regionUnitId, DateTime.now().setZone(timeZone).toFormat("yyyy-MM"), {
    modelId: model.modelId,
    versionNumber: model.versionNumber,
    itemKind: "behavior",
    itemId: behavior.id,
    note: "Try it in every first visit this month, and bring one story to your unit meeting.",
    userId: place.setByUserId,
  });
}
