import type { Db } from "../../db/types.js";
import { AppError, fieldError, forbidden, notFound } from "../../server/errors.js";
import { type Actor, authorize, canAct } from "../access/policy.js";
import type { AuditAction } from "../audit/audit.repo.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import { findModelInUse, findPublishedModel, type PublishedModel } from "../model/model.service.js";
import type { EngagementRelation } from "./coaching.schema.js";
import { type EngagementRow, findEngagementById } from "./engagement.repo.js";

/**
 * Who may see and do what in coaching, record by record. The route has already checked the
 * action (`coaching.participate` and friends); these decide whether this actor is a party.
 */

export const here = (actor: Actor) => ({ agencyId: actor.agencyId });
/** Taking part in coaching is always the actor's own doing; who else a record concerns is checked after. */
export const asSelf = (actor: Actor) => ({ agencyId: actor.agencyId, personId: actor.personId });

export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

export function audit(
  db: Db,
  actor: Actor,
  event: { action: AuditAction; entityType: string; entityId: string; summary: string },
  states: { before?: unknown; after?: unknown } = {},
) {
  return recordAuditEvent(db, { agencyId: actor.agencyId, actorUserId: actor.userId, ...event, ...states });
}

/**
 * The coach and the coachee are parties; the coachee's direct supervisor sees that coaching
 * happens (and summaries if the agreement shares them); the coaching supervisor and
 * administrators oversee the program without reading what is confidential. Anyone else: none.
 */
export function relationTo(actor: Actor, engagement: EngagementRow): EngagementRelation | null {
  if (actor.personId !== null && engagement.coachPersonId === actor.personId) return "coach";
  if (actor.personId !== null && engagement.coacheePersonId === actor.personId) return "coachee";
  if (actor.personId !== null && engagement.coacheeSupervisorId === actor.personId) return "supervisor";
  if (canAct(actor, "coaching.read")) return "oversight";
  return null;
}

export const isParty = (relation: EngagementRelation | null) => relation === "coach" || relation === "coachee";

/**
 * Whether the reader keeps the engagement's coaching log (opens sessions, autosaves drafts, logs
 * them). That is the coach — unless the coach is a community or Tribal partner with no staff
 * record, who has no account to keep it with; then the coachee keeps it, so the sessions (and
 * the partner's hours) are still recorded.
 */
export function keepsLog(relation: EngagementRelation | null, engagement: EngagementRow): boolean {
  return relation === (engagement.coachPersonId === null ? "coachee" : "coach");
}

/**
 * Loads an engagement the actor relates to in one of the `allowed` ways. Another agency's
 * engagement, or an unknown id, is 404; an engagement of the actor's own agency they have
 * no part in is 403.
 */
export async function loadEngagementFor(
  db: Db,
  actor: Actor,
  id: string,
  allowed: readonly EngagementRelation[],
): Promise<{ engagement: EngagementRow; relation: EngagementRelation }> {
  const engagement = await findEngagementById(db, actor.agencyId, id);
  if (!engagement) throw notFound("The coaching engagement");
  authorize(actor, "coaching.participate", asSelf(actor), "The coaching engagement");
  const relation = relationTo(actor, engagement);
  if (!relation || !allowed.includes(relation)) throw forbidden();
  return { engagement, relation };
}

export function refuseWhenClosed(engagement: EngagementRow) {
  if (engagement.status === "closed") {
    throw new AppError("CONFLICT", "This engagement is closed; start a new request to coach again.", {
      current: { status: engagement.status },
    });
  }
}

/** Element and behavior ids of a published model, each behavior mapped to its element. */
export function itemsOf(model: PublishedModel) {
  const elementOfBehavior = new Map<string, string>();
  const ids = new Set<string>();
  for (const element of model.content.elements) {
    ids.add(element.id);
    for (const behavior of element.behaviors) {
      ids.add(behavior.id);
      elementOfBehavior.set(behavior.id, element.id);
    }
  }
  for (const commitment of model.content.leadership) {
    for (const behavior of commitment.behaviors) ids.add(behavior.id);
  }
  return { ids, elementOfBehavior };
}

/**
 * The model version that item ids refer to: the model in use when new ids are chosen. Returns
 * null when no ids are given; refuses ids the model does not have.
 */
export async function modelForItems(
  db: Db,
  agencyId: string,
  itemIds: readonly string[],
  field: string,
  pinned?: { modelId: string | null; versionNumber: number | null },
) {
  if (itemIds.length === 0)
    return pinned?.modelId && pinned.versionNumber
      ? { modelId: pinned.modelId, versionNumber: pinned.versionNumber }
      : null;
  const model =
    pinned?.modelId && pinned.versionNumber
      ? await findPublishedModel(db, agencyId, pinned.modelId, pinned.versionNumber)
      : await findModelInUse(db, agencyId);
  if (!model) throw fieldError(field, "Publish a practice model first: goals and strengths name its behaviors.");
  const { ids } = itemsOf(model);
  const unknown = itemIds.findIndex((id) => !ids.has(id));
  if (unknown >= 0) throw fieldError(`${field}.${unknown}`, "That behavior is not in the practice model in use.");
  return { modelId: model.modelId, versionNumber: model.versionNumber };
}
