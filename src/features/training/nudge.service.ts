import type { Db } from "../../db/types.js";
import { fieldError, forbidden, notFound } from "../../server/errors.js";
import { type Actor, authorize } from "../access/policy.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import { findPersonOfAgency } from "../people/person.service.js";
import { findLatestOpenNudge, findNudgeById, insertNudge, markNudgeDismissed, type NudgeRow } from "./nudge.repo.js";
import type { NudgeInput, OpenNudge } from "./nudge.schema.js";
import { findEnrollmentsOfPeople, findSessionById } from "./session.repo.js";
import { findNextFittingSession } from "./session.service.js";
import { trainingStatusOf } from "./staff-status.js";

const NUDGE = "The nudge";

function toNudge({ sessionId: _session, ...row }: NudgeRow) {
  return row;
}

/**
 * A supervisor or manager asks someone in their line to sign up for training. There is no
 * e-mail: the person sees it on their home page until they enroll or dismiss it.
 */
export async function nudgeToTraining(db: Db, actor: Actor, personId: string, input: NudgeInput) {
  return db.transaction().execute(async (trx) => {
    const person = await findPersonOfAgency(trx, actor.agencyId, personId);
    if (!person) throw notFound("The person");
    authorize(actor, "training.nudge", {
      agencyId: actor.agencyId,
      orgUnitPath: person.orgUnitPath,
      personId: person.id,
    });
    if (!actor.personId || person.id === actor.personId) throw forbidden("Nudges are for the staff in your line.");
    if (input.sessionId) {
      const session = await findSessionById(trx, actor.agencyId, input.sessionId);
      if (!session || session.startsAt <= new Date().toISOString()) {
        throw fieldError("sessionId", "Choose a session that is still to come.");
      }
    }
    const id = await insertNudge(trx, actor.agencyId, {
      personId: person.id,
      nudgedByPersonId: actor.personId,
      sessionId: input.sessionId,
      message: input.message,
    });
    const after = toNudge((await findNudgeById(trx, actor.agencyId, id)) as NudgeRow);
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "training_nudge",
      entityId: id,
      summary: `Asked ${person.givenName} ${person.familyName} to sign up for training`,
      after,
    });
    return after;
  });
}

/**
 * The nudge a person's home page shows: their latest one not dismissed, while they are still
 * neither trained nor scheduled, with the suggested session if it is still to come and has
 * room, otherwise the next session with room meant for their job.
 */
export async function findOpenNudgeForHome(db: Db, actor: Actor): Promise<OpenNudge | null> {
  if (!actor.personId) return null;
  const nudge = await findLatestOpenNudge(db, actor.agencyId, actor.personId);
  if (!nudge) return null;
  const now = new Date().toISOString();
  const enrollments = await findEnrollmentsOfPeople(db, actor.agencyId, [actor.personId]);
  if (trainingStatusOf(enrollments, now).status !== "missing") return null;
  const suggested = nudge.sessionId ? await findSessionById(db, actor.agencyId, nudge.sessionId) : undefined;
  const person = await findPersonOfAgency(db, actor.agencyId, actor.personId);
  const session =
    suggested && suggested.startsAt > now && suggested.enrolledCount < suggested.capacity
      ? suggested
      : person
        ? await findNextFittingSession(db, actor.agencyId, person.jobRole, now)
        : null;
  return {
    ...toNudge(nudge),
    suggestedSession: session ? { id: session.id, title: session.title, startsAt: session.startsAt } : null,
  };
}

/** The nudged person puts the nudge away; only they can. */
export async function dismissNudge(db: Db, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const nudge = await findNudgeById(trx, actor.agencyId, id);
    if (!nudge) throw notFound(NUDGE);
    if (nudge.personId !== actor.personId) throw forbidden("Only the person nudged can dismiss it.");
    await markNudgeDismissed(trx, actor.agencyId, id);
    const after = toNudge((await findNudgeById(trx, actor.agencyId, id)) as NudgeRow);
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "training_nudge",
      entityId: id,
      summary: "Dismissed a nudge to sign up for training",
      before: toNudge(nudge),
      after,
    });
    return after;
  });
}
