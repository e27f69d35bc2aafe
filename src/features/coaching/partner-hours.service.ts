import type { Db } from "../../db/types.js";
import { notFound } from "../../server/errors.js";
import { type Actor, authorize } from "../access/policy.js";
import { toHours, toMinutes } from "../partners/partner.schema.js";
import { findActiveAgreementOn, logHoursOnAgreementInForce } from "../partners/partner.service.js";
import { here, inTransaction } from "./coaching-access.js";
import {
  findPartnerSession,
  findPartnerSessionsWaiting,
  insertPartnerCoachingHoursLink,
  lockSessionForHours,
  type PartnerCoachingSessionRow,
} from "./partner-hours.repo.js";
import type {
  LogPartnerCoachingInput,
  PartnerCoachingOutcome,
  PartnerCoachingSession,
} from "./partner-hours.schema.js";

/** More than a month's sessions of every partner coach; the rest show once these are logged. */
const WAITING_LIMIT = 200;

/**
 * Paying a partner coach needs both: the coaching supervisor (or an administrator) reads the
 * coaching log beyond their own engagements, and may log partners' hours. Those who log hours
 * for training alone do not learn who is being coached.
 */
function authorizeHours(actor: Actor) {
  authorize(actor, "partnerHours.log", here(actor));
  authorize(actor, "coaching.read", here(actor));
}

/** Logged sessions of partner coaches whose hours are not in the compensation log yet. */
export async function listPartnerCoachingHoursToLog(
  db: Db,
  actor: Actor,
): Promise<{ items: PartnerCoachingSession[] }> {
  authorizeHours(actor);
  const rows = await findPartnerSessionsWaiting(db, actor.agencyId, WAITING_LIMIT);
  const items: PartnerCoachingSession[] = [];
  for (const row of rows) {
    const agreement = await findActiveAgreementOn(db, actor.agencyId, row.partnerPersonId, row.sessionDate);
    items.push({
      sessionId: row.sessionId,
      engagementId: row.engagementId,
      sessionDate: row.sessionDate,
      durationMinutes: row.durationMinutes,
      hours: toHours(row.durationMinutes),
      coachName: row.coachName,
      partnerPersonId: row.partnerPersonId,
      coacheeName: row.coacheeName,
      hasAgreement: agreement !== null,
    });
  }
  return { items };
}

/**
 * Logs the hours of one partner coach's session, as coaching, on the agreement the partner
 * works under on the session's date, through the partners domain. Once: the link row remembers
 * it. No agreement that day, or a budget the hours would pass, is reported rather than refused,
 * so logging the rest goes on; the session keeps waiting until it can be logged.
 */
async function logSessionHours(
  trx: Db,
  actor: Actor,
  row: PartnerCoachingSessionRow,
  input: LogPartnerCoachingInput,
): Promise<PartnerCoachingOutcome> {
  const base = { sessionId: row.sessionId, coachName: row.coachName, sessionDate: row.sessionDate };
  await lockSessionForHours(trx, actor.agencyId, row.sessionId);
  const current = (await findPartnerSession(trx, actor.agencyId, row.sessionId)) as PartnerCoachingSessionRow;
  if (current.loggedMinutes !== null) {
    const hours = toHours(current.loggedMinutes);
    return { ...base, outcome: "already_logged", hours, message: `Already logged: ${hours} h.` };
  }
  const logged = await logHoursOnAgreementInForce(trx, actor, row.partnerPersonId, {
    activity: "coaching",
    workDate: row.sessionDate,
    hours: toHours(row.durationMinutes),
    // Partner pay is read by more people than coaching is: the entry does not say whom they coached.
    note: "Coaching session from the coaching log",
    source: { type: "coaching_session", id: row.sessionId },
    overBudgetConfirmed: input.overBudgetConfirmed,
  });
  if (logged.outcome === "no_agreement") {
    return { ...base, outcome: "not_logged", hours: null, message: "No active agreement — hours not logged." };
  }
  if (logged.outcome === "refused") {
    const reason = logged.error.extra.fieldErrors?.[0];
    return {
      ...base,
      outcome: reason?.field === "overBudgetConfirmed" ? "over_budget" : "not_logged",
      hours: null,
      message: `Hours not logged: ${reason?.message ?? logged.error.message}`,
    };
  }
  const { entry } = logged;
  await insertPartnerCoachingHoursLink(trx, actor.agencyId, {
    sessionId: row.sessionId,
    partnerHoursId: entry.id,
    minutes: toMinutes(entry.hours),
  });
  return { ...base, outcome: "logged", hours: entry.hours, message: `${entry.hours} h logged.` };
}

/** Logs one session's hours. A session that is not a partner coach's logged session is 404. */
export async function logPartnerCoachingSession(
  db: Db,
  actor: Actor,
  sessionId: string,
  input: LogPartnerCoachingInput,
): Promise<PartnerCoachingOutcome> {
  return inTransaction(db, async (trx) => {
    const row = await findPartnerSession(trx, actor.agencyId, sessionId);
    if (!row) throw notFound("The partner coach's session");
    authorizeHours(actor);
    return logSessionHours(trx, actor, row, input);
  });
}

/**
 * Logs every waiting session, each in its own transaction: one the agreement cannot take stays
 * waiting without holding back the others. Over-budget hours are never confirmed in bulk.
 */
export async function logAllPartnerCoachingHours(
  db: Db,
  actor: Actor,
): Promise<{ outcomes: PartnerCoachingOutcome[] }> {
  authorizeHours(actor);
  const rows = await findPartnerSessionsWaiting(db, actor.agencyId, WAITING_LIMIT);
  const outcomes: PartnerCoachingOutcome[] = [];
  for (const row of rows) {
    outcomes.push(
      await db.transaction().execute((trx) => logSessionHours(trx, actor, row, { overBudgetConfirmed: false })),
    );
  }
  return { outcomes };
}
