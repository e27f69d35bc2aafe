import { DateTime } from "luxon";
import type { Db } from "../../db/types.js";
import { fieldError, forbidden, notFound, staleVersion } from "../../server/errors.js";
import { type Actor, authorize } from "../access/policy.js";
import { findAgencySettings } from "../agencies/agency.service.js";
import type { CalendarEvent } from "../calendar/calendar-events.js";
import { findCoachIdsOfPerson } from "./coach.repo.js";
import {
  type ActionItemStatusInput,
  type CoachCalendar,
  type CoachCalendarQuery,
  type EngagementFollowUp,
  type EngagementRelation,
  SESSION_FORMAT_LABELS,
  type Session,
  type SessionInput,
  type SessionStart,
} from "./coaching.schema.js";
import {
  asSelf,
  audit,
  inTransaction,
  isParty,
  keepsLog,
  loadEngagementFor,
  modelForItems,
  refuseWhenClosed,
} from "./coaching-access.js";
import { type EngagementRow, findOpenEngagementsOfParty } from "./engagement.repo.js";
import {
  findBarriersOfSession,
  findCalendarSessions,
  findFollowUpOfEngagement,
  findSessionById,
  insertSession,
  replaceBarriersOfSession,
  type SessionRow,
  updateActionItemsOfSession,
  updateSession,
} from "./session.repo.js";

/** Stands in for a private note wherever a copy could be read by someone else (the audit trail). */
export const PRIVATE_NOTE_MARKER = "(private note: kept out of the audit trail)";

async function describeSession(
  db: Db,
  agencyId: string,
  row: SessionRow,
  relation: EngagementRelation,
  engagement: EngagementRow,
): Promise<Session> {
  const party = isParty(relation);
  const sharesSummary = party || (relation === "supervisor" && engagement.shareSummariesWithSupervisor);
  return {
    id: row.id,
    engagementId: row.engagementId,
    relation,
    keepsLog: keepsLog(relation, engagement),
    status: row.status,
    sessionDate: row.sessionDate,
    startTime: row.startTime,
    durationMinutes: row.durationMinutes,
    format: row.format,
    location: row.location,
    participants: row.participants,
    focusItemIds: row.focusItemIds,
    stepsCovered: row.stepsCovered,
    reflectionEasy: party ? row.reflectionEasy : null,
    reflectionHard: party ? row.reflectionHard : null,
    reflectionConfident: party ? row.reflectionConfident : null,
    privateNotes: party ? row.privateNotes : null,
    hasPrivateNotes: row.privateNotes.length > 0,
    sharedSummary: sharesSummary ? row.sharedSummary : null,
    actionItems: party ? row.actionItems : null,
    barriers: party ? await findBarriersOfSession(db, agencyId, row.id) : null,
    version: row.version,
  };
}

/** What the audit trail keeps of a session: everything but the parties' own words. */
function auditCopy(session: Session) {
  const mask = (text: string | null) => (text ? PRIVATE_NOTE_MARKER : "");
  return {
    ...session,
    privateNotes: mask(session.privateNotes),
    reflectionEasy: mask(session.reflectionEasy),
    reflectionHard: mask(session.reflectionHard),
    reflectionConfident: mask(session.reflectionConfident),
  };
}

async function loadSessionFor(db: Db, actor: Actor, id: string, allowed: readonly EngagementRelation[]) {
  const session = await findSessionById(db, actor.agencyId, id);
  if (!session) throw notFound("The coaching session");
  const { engagement, relation } = await loadEngagementFor(db, actor, session.engagementId, allowed);
  // A draft is its keeper's own until it is logged: to anyone else it does not exist yet.
  if (session.status === "draft" && !keepsLog(relation, engagement)) throw notFound("The coaching session");
  return { session, engagement, relation };
}

/** The coach opens a session in the log as a draft; it autosaves until they log it. */
export async function startSession(db: Db, actor: Actor, engagementId: string, start: SessionStart) {
  return inTransaction(db, async (trx) => {
    const { engagement, relation } = await loadEngagementFor(trx, actor, engagementId, ["coach", "coachee"]);
    if (!keepsLog(relation, engagement)) throw forbidden();
    refuseWhenClosed(engagement);
    const id = await insertSession(trx, actor.agencyId, engagementId, start, actor.userId);
    const after = await describeSession(
      trx,
      actor.agencyId,
      (await findSessionById(trx, actor.agencyId, id)) as SessionRow,
      relation,
      engagement,
    );
    await audit(
      trx,
      actor,
      {
        action: "create",
        entityType: "coaching_session",
        entityId: id,
        summary: `Started a coaching session entry for ${start.sessionDate}`,
      },
      { after: auditCopy(after) },
    );
    return after;
  });
}

/**
 * Reading a session with a private note in it is itself recorded: who read it, and when.
 * Everyone else gets the session without the parties' own words.
 */
export async function getSession(db: Db, actor: Actor, id: string) {
  const { session, engagement, relation } = await loadSessionFor(db, actor, id, [
    "coach",
    "coachee",
    "supervisor",
    "oversight",
  ]);
  const described = await describeSession(db, actor.agencyId, session, relation, engagement);
  if (described.privateNotes) {
    await audit(db, actor, {
      action: "read-confidential",
      entityType: "coaching_session",
      entityId: id,
      summary: `The ${relation} read the private notes of a coaching session`,
    });
  }
  return described;
}

export async function saveSession(db: Db, actor: Actor, id: string, input: SessionInput) {
  return inTransaction(db, async (trx) => {
    const { session, engagement, relation } = await loadSessionFor(trx, actor, id, ["coach", "coachee"]);
    if (!keepsLog(relation, engagement)) throw forbidden();
    refuseWhenClosed(engagement);
    const before = await describeSession(trx, actor.agencyId, session, relation, engagement);
    if (session.status === "final" && input.status === "draft") {
      throw fieldError("status", "A logged session cannot go back to being a draft.");
    }
    await modelForItems(trx, actor.agencyId, input.focusItemIds, "focusItemIds", {
      modelId: engagement.modelId,
      versionNumber: engagement.modelVersionNumber,
    });
    if (!(await updateSession(trx, actor.agencyId, id, input))) throw staleVersion(before);
    await replaceBarriersOfSession(trx, actor.agencyId, id, input.barriers);
    const after = await describeSession(
      trx,
      actor.agencyId,
      (await findSessionById(trx, actor.agencyId, id)) as SessionRow,
      relation,
      engagement,
    );
    const summary =
      input.status === "final" && session.status === "draft"
        ? `Logged a coaching session of ${input.sessionDate}`
        : `Saved a coaching session of ${input.sessionDate}`;
    await audit(
      trx,
      actor,
      { action: "update", entityType: "coaching_session", entityId: id, summary },
      { before: auditCopy(before), after: auditCopy(after) },
    );
    return after;
  });
}

/**
 * What is left to follow up in an engagement: the open action items of its logged sessions,
 * soonest due first, and the barriers raised. Like the sessions' own action items and
 * barriers, this is for coach and coachee only; a supervisor or an overseer is refused.
 */
export async function getEngagementFollowUp(db: Db, actor: Actor, engagementId: string): Promise<EngagementFollowUp> {
  const { engagement } = await loadEngagementFor(db, actor, engagementId, ["coach", "coachee"]);
  const [settings, followUp] = await Promise.all([
    findAgencySettings(db, actor.agencyId),
    findFollowUpOfEngagement(db, actor.agencyId, engagement.id),
  ]);
  const today = DateTime.now()
    .setZone(settings?.timeZone ?? "UTC")
    .toISODate() as string;
  const actionItems = followUp.sessions.flatMap((session) =>
    session.actionItems
      .filter((item) => item.status === "open")
      .map((item) => ({
        id: item.id,
        text: item.text,
        dueDate: item.dueDate,
        overdue: item.dueDate !== null && item.dueDate < today,
        sessionId: session.id,
        sessionDate: session.sessionDate,
        sessionVersion: session.version,
      })),
  );
  // Undated items come after dated ones; the sort is stable, so sessions stay in date order.
  actionItems.sort((a, b) => (a.dueDate ?? "9999-12-31").localeCompare(b.dueDate ?? "9999-12-31"));
  return { actionItems, barriers: followUp.barriers };
}

/**
 * Coach or coachee marks an action item done or dropped (or open again). Following up happens
 * after the session, so this works on a logged session; it changes nothing else in it.
 */
export async function setActionItemStatus(
  db: Db,
  actor: Actor,
  sessionId: string,
  itemId: string,
  input: ActionItemStatusInput,
) {
  return inTransaction(db, async (trx) => {
    const { session, engagement, relation } = await loadSessionFor(trx, actor, sessionId, ["coach", "coachee"]);
    refuseWhenClosed(engagement);
    const item = session.actionItems.find((i) => i.id === itemId);
    if (!item) throw notFound("The action item");
    const before = await describeSession(trx, actor.agencyId, session, relation, engagement);
    const items = session.actionItems.map((i) => (i.id === itemId ? { ...i, status: input.status } : i));
    if (!(await updateActionItemsOfSession(trx, actor.agencyId, sessionId, items, input.version))) {
      throw staleVersion(before);
    }
    const after = await describeSession(
      trx,
      actor.agencyId,
      (await findSessionById(trx, actor.agencyId, sessionId)) as SessionRow,
      relation,
      engagement,
    );
    await audit(
      trx,
      actor,
      {
        action: "update",
        entityType: "coaching_session",
        entityId: sessionId,
        summary: `The ${relation} marked an action item ${input.status}`,
      },
      { before: { actionItemId: itemId, status: item.status }, after: { actionItemId: itemId, status: input.status } },
    );
    return after;
  });
}

/**
 * A person's coaching sessions (as coach or coachee) for their calendar feed. Nothing the
 * parties wrote is included: only when, how long, with whom and in what format. A session with
 * no start time fills its whole day in the agency's time zone.
 */
export async function coachingCalendarEventsForPerson(
  db: Db,
  agencyId: string,
  personId: string,
): Promise<CalendarEvent[]> {
  const [settings, coachIds] = await Promise.all([
    findAgencySettings(db, agencyId),
    findCoachIdsOfPerson(db, agencyId, personId),
  ]);
  const zone = settings?.timeZone ?? "UTC";
  const engagements = await findOpenEngagementsOfParty(db, agencyId, { coachIds, personId });
  const byId = new Map(engagements.map((e) => [e.id, e]));
  const sessions = await findCalendarSessions(db, agencyId, [...byId.keys()]);
  return sessions.map((s) => {
    const engagement = byId.get(s.engagement_id) as EngagementRow;
    const start = s.start_time
      ? DateTime.fromISO(`${s.session_date}T${s.start_time}`, { zone })
      : DateTime.fromISO(s.session_date, { zone }).startOf("day");
    const end = s.start_time ? start.plus({ minutes: s.duration_minutes }) : start.plus({ days: 1 });
    const format = SESSION_FORMAT_LABELS[s.session_format as SessionRow["format"]] ?? s.session_format;
    return {
      uid: `coaching-session-${s.id}`,
      startUtc: start.toUTC().toISO() ?? "",
      endUtc: end.toUTC().toISO() ?? "",
      summary: `Coaching: ${engagement.coachName} with ${engagement.coacheeName}`,
      location: s.location,
      description: `${format} coaching session, ${s.duration_minutes} minutes.`,
    };
  });
}

/**
 * The sessions a coach has on their calendar for a week or a month: every session entry of the
 * engagements they coach (an entry dated ahead is a planned session), without anything the
 * parties wrote. Someone who coaches nobody gets an empty calendar.
 */
export async function getCoachCalendar(db: Db, actor: Actor, query: CoachCalendarQuery): Promise<CoachCalendar> {
  authorize(actor, "coaching.participate", asSelf(actor));
  const settings = await findAgencySettings(db, actor.agencyId);
  const from = DateTime.fromISO(
    query.from ??
      (DateTime.now()
        .setZone(settings?.timeZone ?? "UTC")
        .toISODate() as string),
  );
  const to = (
    query.span === "week" ? from.plus({ days: 6 }) : from.plus({ months: 1 }).minus({ days: 1 })
  ).toISODate() as string;
  const fromDate = from.toISODate() as string;
  const personId = actor.personId;
  const coachIds = personId ? await findCoachIdsOfPerson(db, actor.agencyId, personId) : [];
  if (!personId || coachIds.length === 0) return { from: fromDate, to, sessions: [] };
  const engagements = (await findOpenEngagementsOfParty(db, actor.agencyId, { coachIds, personId })).filter((e) =>
    coachIds.includes(e.coachId),
  );
  const byId = new Map(engagements.map((e) => [e.id, e]));
  const rows = await findCalendarSessions(db, actor.agencyId, [...byId.keys()]);
  return {
    from: fromDate,
    to,
    sessions: rows
      .filter((s) => s.session_date >= fromDate && s.session_date <= to)
      .map((s) => ({
        id: s.id,
        engagementId: s.engagement_id,
        coacheeName: (byId.get(s.engagement_id) as EngagementRow).coacheeName,
        sessionDate: s.session_date,
        startTime: s.start_time,
        durationMinutes: s.duration_minutes,
        format: SESSION_FORMAT_LABELS[s.session_format as SessionRow["format"]] ?? s.session_format,
        location: s.location,
        status: s.status as "draft" | "final",
      }))
      .sort(
        (a, b) =>
          a.sessionDate.localeCompare(b.sessionDate) ||
          (a.startTime ?? "").localeCompare(b.startTime ?? "") ||
          a.id.localeCompare(b.id),
      ),
  };
}
