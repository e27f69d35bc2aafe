import type { Db } from "../../db/types.js";
import { notFound, staleVersion } from "../../server/errors.js";
import { type Actor, authorize } from "../access/policy.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import { findAgencyById, updateAgencySettings } from "./agency.repo.js";
import type { Agency, AgencySettingsUpdate } from "./agency.schema.js";

export async function getOwnAgency(db: Db, actor: Actor): Promise<Agency> {
  authorize(actor, "agency.read", { agencyId: actor.agencyId });
  const agency = await findAgencyById(db, actor.agencyId);
  if (!agency) throw notFound("The agency");
  return agency;
}

export async function changeAgencySettings(db: Db, actor: Actor, update: AgencySettingsUpdate): Promise<Agency> {
  authorize(actor, "agency.configure", { agencyId: actor.agencyId });
  return db.transaction().execute(async (trx) => {
    const before = await findAgencyById(trx, actor.agencyId);
    if (!before) throw notFound("The agency");
    if (!(await updateAgencySettings(trx, actor.agencyId, update))) throw staleVersion(before);
    const after = (await findAgencyById(trx, actor.agencyId)) as Agency;
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "agency",
      entityId: actor.agencyId,
      summary: `Changed agency settings of ${after.name}`,
      before,
      after,
    });
    return after;
  });
}

/** The agency's settings, for use before there is an actor (e.g. while signing in). */
export async function findAgencySettings(db: Db, agencyId: string): Promise<Agency | undefined> {
  return findAgencyById(db, agencyId);
}
