import type { Db } from "../../db/types.js";
import { AppError, fieldError, forbidden, notFound, staleVersion } from "../../server/errors.js";
import { type Actor, authorize, scopeFor } from "../access/policy.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import { isPersonOfAgency } from "../people/person.service.js";
import {
  type DeliveryCheckRow,
  findDeliveryCheckById,
  findDeliveryCheckOfSession,
  findDeliveryChecks,
  findTrainerNamesOfSessions,
  insertDeliveryCheck,
  updateObserver,
  updateRatings,
} from "./delivery-check.repo.js";
import type {
  AssignObserverInput,
  DeliveryCheck,
  DeliveryCheckInput,
  DeliveryCheckSummary,
} from "./delivery-check.schema.js";
import {
  checklistErrors,
  DELIVERY_CHECKLIST,
  DELIVERY_RATING_LABELS,
  DELIVERY_RATINGS,
  DELIVERY_SECTION_LABELS,
  sectionScores,
} from "./delivery-checklist.js";
import { findSessionById, findTrainersOfSession } from "./session.repo.js";

const here = (actor: Actor) => ({ agencyId: actor.agencyId });
const CHECK = "The delivery check";

/** The shipped checklist, for the recording form. */
export function getDeliveryChecklist() {
  return {
    ratings: DELIVERY_RATINGS.map((value) => ({ value, label: DELIVERY_RATING_LABELS[value] })),
    items: DELIVERY_CHECKLIST.map((i) => ({ ...i, sectionLabel: DELIVERY_SECTION_LABELS[i.section] })),
  };
}

function summaryOf(actor: Actor, row: DeliveryCheckRow, trainerNames: string[]): DeliveryCheckSummary {
  return {
    id: row.id,
    sessionId: row.sessionId,
    sessionTitle: row.sessionTitle,
    sessionStartsAt: row.sessionStartsAt,
    observerPersonId: row.observerPersonId,
    observerName: row.observerName,
    trainerNames,
    recordedAt: row.recordedAt,
    scores: row.ratings ? sectionScores(row.ratings) : [],
    canRecord: row.observerPersonId === actor.personId,
  };
}

async function detailOf(db: Db, actor: Actor, row: DeliveryCheckRow): Promise<DeliveryCheck> {
  const names = await findTrainerNamesOfSessions(db, actor.agencyId, [row.sessionId]);
  return {
    ...summaryOf(actor, row, names.get(row.sessionId) ?? []),
    ratings: row.ratings ?? [],
    comment: row.comment,
    version: row.version,
  };
}

/**
 * Coordinators read every check; anyone else the checks they observe and those of sessions
 * they train, which is how trainers get feedback on their own training practice.
 */
async function authorizeRead(db: Db, actor: Actor, row: DeliveryCheckRow) {
  const scope = scopeFor(actor, "trainingDelivery.read");
  if (scope === "agency") return;
  if (!scope || !actor.personId) throw forbidden();
  if (row.observerPersonId === actor.personId) return;
  const trainers = await findTrainersOfSession(db, actor.agencyId, row.sessionId);
  if (!trainers.some((t) => t.personId === actor.personId)) throw forbidden();
}

export async function listDeliveryChecks(db: Db, actor: Actor) {
  const scope = scopeFor(actor, "trainingDelivery.read");
  if (!scope) throw forbidden();
  const rows = await findDeliveryChecks(db, actor.agencyId, scope === "agency" ? null : (actor.personId ?? ""));
  const names = await findTrainerNamesOfSessions(
    db,
    actor.agencyId,
    rows.map((r) => r.sessionId),
  );
  return { items: rows.map((r) => summaryOf(actor, r, names.get(r.sessionId) ?? [])) };
}

async function loadCheck(db: Db, actor: Actor, id: string) {
  const row = await findDeliveryCheckById(db, actor.agencyId, id);
  if (!row) throw notFound(CHECK);
  return row;
}

export async function getDeliveryCheck(db: Db, actor: Actor, id: string) {
  const row = await loadCheck(db, actor, id);
  await authorizeRead(db, actor, row);
  return detailOf(db, actor, row);
}

/**
 * The coordinator names who observes a session: any staff member, themself included. Until the
 * checklist is recorded the observer can be changed; afterwards the ratings are the observer's.
 */
export async function assignDeliveryObserver(db: Db, actor: Actor, sessionId: string, input: AssignObserverInput) {
  return db.transaction().execute(async (trx) => {
    const session = await findSessionById(trx, actor.agencyId, sessionId);
    if (!session) throw notFound("The training session");
    authorize(actor, "trainingDelivery.assign", here(actor), "The training session");
    if (!(await isPersonOfAgency(trx, actor.agencyId, input.observerPersonId))) {
      throw fieldError("observerPersonId", "That person does not exist.");
    }
    const existing = await findDeliveryCheckOfSession(trx, actor.agencyId, sessionId);
    let id: string;
    if (!existing) {
      id = await insertDeliveryCheck(trx, actor.agencyId, sessionId, input.observerPersonId);
    } else {
      if (existing.recordedAt) {
        throw fieldError("observerPersonId", "The observer has already recorded this check.");
      }
      if (!(await updateObserver(trx, actor.agencyId, existing.id, input.observerPersonId, existing.version))) {
        throw staleVersion(await detailOf(trx, actor, existing));
      }
      id = existing.id;
    }
    const after = await detailOf(
      trx,
      actor,
      (await findDeliveryCheckById(trx, actor.agencyId, id)) as DeliveryCheckRow,
    );
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: existing ? "update" : "create",
      entityType: "training_delivery_check",
      entityId: id,
      summary: `Asked ${after.observerName} to observe the delivery of ${after.sessionTitle}`,
      ...(existing ? { before: await detailOf(trx, actor, existing) } : {}),
      after,
    });
    return after;
  });
}

/** The assigned observer records (or corrects) the checklist: every item rated once. */
export async function recordDeliveryCheck(db: Db, actor: Actor, id: string, input: DeliveryCheckInput) {
  return db.transaction().execute(async (trx) => {
    const row = await loadCheck(trx, actor, id);
    authorize(actor, "trainingDelivery.record", { agencyId: actor.agencyId, personId: row.observerPersonId }, CHECK);
    const errors = checklistErrors(input.ratings);
    if (errors.length > 0) throw new AppError("VALIDATION", "Some fields need attention.", { fieldErrors: errors });
    const before = await detailOf(trx, actor, row);
    if (!(await updateRatings(trx, actor.agencyId, id, input, input.version))) throw staleVersion(before);
    const after = await detailOf(
      trx,
      actor,
      (await findDeliveryCheckById(trx, actor.agencyId, id)) as DeliveryCheckRow,
    );
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "training_delivery_check",
      entityId: id,
      summary: `Recorded the delivery check of ${after.sessionTitle}: ${after.scores.map((s) => `${s.label} ${s.metPercent}% met`).join(", ")}`,
      before,
      after,
    });
    return after;
  });
}
