import { DateTime } from "luxon";
import type { Db } from "../../db/types.js";
import { AppError, type FieldError, fieldError, forbidden, notFound, staleVersion } from "../../server/errors.js";
import { formatInZone } from "../../shared/time.js";
import { type Actor, authorize, canAct } from "../access/policy.js";
import { findAgencySettings } from "../agencies/agency.service.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import type { CalendarEvent } from "../calendar/calendar-events.js";
import { toHours, toMinutes } from "../partners/partner.schema.js";
import { findPartnerPersonOfAgency, logHoursOnAgreementInForce } from "../partners/partner.service.js";
import { type JobRole, ZPeopleQuery } from "../people/person.schema.js";
import { isPersonOfAgency, listPeople, reloadPerson } from "../people/person.service.js";
import { findCurricula, findCurriculumById } from "./curriculum.repo.js";
import { findLastNudgedAt } from "./nudge.repo.js";
import { AUDIENCE_OF_JOB, nextFittingSession } from "./onboarding.js";
import { checkCohortSize, DEFAULT_COHORT_BOUNDS } from "./planner-rules.js";
import {
  bumpSessionVersion,
  deleteTrainers,
  findEnrollmentsOfPeople,
  findEnrollmentsOfSession,
  findLoggedPartnerMinutes,
  findSessionById,
  findSessions,
  findSessionsOfPerson,
  findTrainersOfSession,
  insertEnrollments,
  insertPartnerHoursLink,
  insertSession,
  insertTrainers,
  type SessionRow,
  updateAttendance,
  updateSession,
  updateTrainerRole,
} from "./session.repo.js";
import type {
  AttendanceInput,
  PartnerHoursOutcome,
  TrainingSession,
  TrainingSessionDetail,
  TrainingSessionEdit,
  TrainingSessionInput,
} from "./session.schema.js";
import { trainingStatusOf } from "./staff-status.js";

const here = (actor: Actor) => ({ agencyId: actor.agencyId });
const SESSION = "The training session";

async function timeZoneOf(db: Db, agencyId: string) {
  return (await findAgencySettings(db, agencyId))?.timeZone ?? "UTC";
}

/** A wall-clock date and time in the agency's zone as a UTC instant (DST handled by luxon). */
export function toUtc(date: string, time: string, timeZone: string): string {
  return DateTime.fromISO(`${date}T${time}`, { zone: timeZone }).toUTC().toISO() as string;
}

function toSession(row: SessionRow, timeZone: string): TrainingSession {
  return {
    ...row,
    startsLocal: formatInZone(row.startsAt, timeZone),
    endsLocal: formatInZone(row.endsAt, timeZone),
    timeZone,
    durationMinutes: Math.round((Date.parse(row.endsAt) - Date.parse(row.startsAt)) / 60_000),
  };
}

async function personName(db: Db, agencyId: string, personId: string) {
  const person = await reloadPerson(db, agencyId, personId);
  return `${person.givenName} ${person.familyName}`;
}

async function detailOf(db: Db, agencyId: string, row: SessionRow): Promise<TrainingSessionDetail> {
  const timeZone = await timeZoneOf(db, agencyId);
  const [trainerRows, enrollmentRows] = await Promise.all([
    findTrainersOfSession(db, agencyId, row.id),
    findEnrollmentsOfSession(db, agencyId, row.id),
  ]);
  const trainers = [];
  for (const t of trainerRows) {
    const name = t.personId
      ? await personName(db, agencyId, t.personId)
      : ((await findPartnerPersonOfAgency(db, agencyId, t.partnerPersonId as string))?.fullName ?? "");
    trainers.push({
      id: t.id,
      kind: t.personId ? ("staff" as const) : ("partner" as const),
      personId: t.personId,
      partnerPersonId: t.partnerPersonId,
      name,
      role: t.role as "lead" | "co_trainer",
    });
  }
  // Lead trainers first, then by name; done here so both databases order the same way.
  trainers.sort((a, b) => Number(a.role !== "lead") - Number(b.role !== "lead") || a.name.localeCompare(b.name));
  const enrollments = [];
  for (const e of enrollmentRows) enrollments.push({ ...e, name: await personName(db, agencyId, e.personId) });
  enrollments.sort((a, b) => a.name.localeCompare(b.name));
  const cohort =
    enrollments.length > 0 ? checkCohortSize(enrollments.length, DEFAULT_COHORT_BOUNDS, "This cohort") : null;
  return { ...toSession(row, timeZone), trainers, enrollments, cohortNote: cohort?.message ?? null };
}

export async function listTrainingSessions(db: Db, actor: Actor) {
  authorize(actor, "training.read", here(actor));
  const [rows, timeZone] = await Promise.all([findSessions(db, actor.agencyId), timeZoneOf(db, actor.agencyId)]);
  return { items: rows.map((r) => toSession(r, timeZone)) };
}

async function loadSession(db: Db, actor: Actor, id: string) {
  const row = await findSessionById(db, actor.agencyId, id);
  if (!row) throw notFound(SESSION);
  return row;
}

export async function getTrainingSession(db: Db, actor: Actor, id: string) {
  const row = await loadSession(db, actor, id);
  authorize(actor, "training.read", here(actor), SESSION);
  return detailOf(db, actor.agencyId, row);
}

async function checkReferences(
  db: Db,
  agencyId: string,
  input: Pick<TrainingSessionInput, "curriculumId" | "moduleIds" | "trainers"> & { enrolledPersonIds?: string[] },
) {
  const errors: FieldError[] = [];
  if (input.curriculumId) {
    const curriculum = await findCurriculumById(db, agencyId, input.curriculumId);
    if (!curriculum) errors.push({ field: "curriculumId", message: "That curriculum does not exist." });
    const modules = new Set(curriculum?.modules.map((m) => m.id) ?? []);
    input.moduleIds.forEach((id, i) => {
      if (curriculum && !modules.has(id))
        errors.push({ field: `moduleIds.${i}`, message: "That module is not in the curriculum." });
    });
  } else if (input.moduleIds.length > 0) {
    errors.push({ field: "moduleIds", message: "Choose the curriculum the modules come from." });
  }
  for (const [i, trainer] of input.trainers.entries()) {
    if (trainer.personId && !(await isPersonOfAgency(db, agencyId, trainer.personId))) {
      errors.push({ field: `trainers.${i}.personId`, message: "That person does not exist." });
    }
    if (trainer.partnerPersonId && !(await findPartnerPersonOfAgency(db, agencyId, trainer.partnerPersonId))) {
      errors.push({ field: `trainers.${i}.partnerPersonId`, message: "That partner person does not exist." });
    }
  }
  const enrolledPersonIds = input.enrolledPersonIds ?? [];
  for (const [i, personId] of enrolledPersonIds.entries()) {
    if (!(await isPersonOfAgency(db, agencyId, personId))) {
      errors.push({ field: `enrolledPersonIds.${i}`, message: "That person does not exist." });
    }
  }
  if (new Set(enrolledPersonIds).size !== enrolledPersonIds.length) {
    errors.push({ field: "enrolledPersonIds", message: "Someone is enrolled twice." });
  }
  if (errors.length > 0) throw new AppError("VALIDATION", "Some fields need attention.", { fieldErrors: errors });
}

/** Schedules a session: times are entered on the agency's clock and stored in UTC. */
export async function createTrainingSession(db: Db, actor: Actor, input: TrainingSessionInput) {
  authorize(actor, "training.manage", here(actor));
  return db.transaction().execute(async (trx) => {
    await checkReferences(trx, actor.agencyId, input);
    const timeZone = await timeZoneOf(trx, actor.agencyId);
    const id = await insertSession(trx, actor.agencyId, {
      title: input.title,
      curriculumId: input.curriculumId,
      moduleIds: [...new Set(input.moduleIds)],
      startsAt: toUtc(input.date, input.startTime, timeZone),
      endsAt: toUtc(input.date, input.endTime, timeZone),
      place: input.place,
      videoLink: input.videoLink,
      facility: input.facility,
      capacity: input.capacity,
    });
    await insertTrainers(trx, actor.agencyId, id, input.trainers);
    await insertEnrollments(trx, actor.agencyId, id, input.enrolledPersonIds);
    const after = await detailOf(trx, actor.agencyId, (await findSessionById(trx, actor.agencyId, id)) as SessionRow);
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "training_session",
      entityId: id,
      summary: `Scheduled training session ${after.title} on ${after.startsLocal} with ${after.enrollments.length} enrolled`,
      after,
    });
    return after;
  });
}

const trainerKey = (t: { personId: string | null; partnerPersonId: string | null }) =>
  t.personId ? `staff:${t.personId}` : `partner:${t.partnerPersonId}`;

/**
 * Changes a session's time, place, capacity, modules and trainers; the cohort stays as it is.
 * Trainers who stay keep their row (so hours already logged for them stay linked); a partner
 * trainer whose hours were logged for this session cannot be taken off it.
 */
export async function updateTrainingSession(db: Db, actor: Actor, id: string, input: TrainingSessionEdit) {
  return db.transaction().execute(async (trx) => {
    const row = await loadSession(trx, actor, id);
    authorize(actor, "training.manage", here(actor), SESSION);
    const before = await detailOf(trx, actor.agencyId, row);
    await checkReferences(trx, actor.agencyId, input);
    const errors: FieldError[] = [];
    if (input.capacity < before.enrollments.length) {
      errors.push({
        field: "capacity",
        message: `${before.enrollments.length} people are enrolled; the capacity cannot be lower.`,
      });
    }
    const wanted = new Map(input.trainers.map((t) => [trainerKey(t), t]));
    if (wanted.size !== input.trainers.length)
      errors.push({ field: "trainers", message: "A trainer is listed twice." });
    const current = await findTrainersOfSession(trx, actor.agencyId, id);
    const removed = current.filter((t) => !wanted.has(trainerKey(t)));
    const logged = await findLoggedPartnerMinutes(trx, actor.agencyId, id);
    for (const trainer of removed.filter((t) => logged.has(t.id))) {
      const name = before.trainers.find((t) => t.id === trainer.id)?.name ?? "A partner trainer";
      errors.push({
        field: "trainers",
        message: `${name}'s hours for this session are logged; keep them as a trainer.`,
      });
    }
    if (errors.length > 0) throw new AppError("VALIDATION", "Some fields need attention.", { fieldErrors: errors });
    const timeZone = await timeZoneOf(trx, actor.agencyId);
    const changed = await updateSession(trx, actor.agencyId, id, input.version, {
      title: input.title,
      curriculumId: input.curriculumId,
      moduleIds: [...new Set(input.moduleIds)],
      startsAt: toUtc(input.date, input.startTime, timeZone),
      endsAt: toUtc(input.date, input.endTime, timeZone),
      place: input.place,
      videoLink: input.videoLink,
      facility: input.facility,
      capacity: input.capacity,
    });
    if (!changed) throw staleVersion(before);
    await deleteTrainers(
      trx,
      actor.agencyId,
      removed.map((t) => t.id),
    );
    const kept = new Map(current.map((t) => [trainerKey(t), t]));
    for (const trainer of input.trainers) {
      const existing = kept.get(trainerKey(trainer));
      if (existing && existing.role !== trainer.role)
        await updateTrainerRole(trx, actor.agencyId, existing.id, trainer.role);
    }
    await insertTrainers(
      trx,
      actor.agencyId,
      id,
      input.trainers.filter((t) => !kept.has(trainerKey(t))),
    );
    const after = await detailOf(trx, actor.agencyId, (await findSessionById(trx, actor.agencyId, id)) as SessionRow);
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "training_session",
      entityId: id,
      summary: `Changed training session ${after.title} on ${after.startsLocal}`,
      before,
      after,
    });
    return after;
  });
}

/**
 * Records who came. Present counts the whole session, absent none, partial the minutes given.
 * Those who manage training record any session; a trainer records only the sessions they train.
 */
export async function recordAttendance(db: Db, actor: Actor, id: string, input: AttendanceInput) {
  return db.transaction().execute(async (trx) => {
    const row = await loadSession(trx, actor, id);
    authorize(actor, "trainingAttendance.record", here(actor), SESSION);
    if (!canAct(actor, "training.manage")) {
      const trainers = await findTrainersOfSession(trx, actor.agencyId, id);
      if (!actor.personId || !trainers.some((t) => t.personId === actor.personId)) {
        throw forbidden("Only this session's trainers and the training coordinators record its attendance.");
      }
    }
    const before = await detailOf(trx, actor.agencyId, row);
    const enrolled = new Set(before.enrollments.map((e) => e.personId));
    const duration = before.durationMinutes;
    const errors: FieldError[] = [];
    input.records.forEach((r, i) => {
      if (!enrolled.has(r.personId))
        errors.push({ field: `records.${i}.personId`, message: "That person is not enrolled." });
      if (r.attendance === "partial" && (r.minutes ?? 0) >= duration) {
        errors.push({
          field: `records.${i}.minutes`,
          message: `Partial attendance is less than the session's ${duration} minutes.`,
        });
      }
    });
    const partnerTrainers = new Set(before.trainers.filter((t) => t.kind === "partner").map((t) => t.id));
    input.partnerHours.forEach((h, i) => {
      if (!partnerTrainers.has(h.trainerId))
        errors.push({
          field: `partnerHours.${i}.trainerId`,
          message: "That is not a partner trainer of this session.",
        });
    });
    if (errors.length > 0) throw new AppError("VALIDATION", "Some fields need attention.", { fieldErrors: errors });
    if (!(await bumpSessionVersion(trx, actor.agencyId, id, input.version))) throw staleVersion(before);
    for (const r of input.records) {
      const minutes = r.attendance === "present" ? duration : r.attendance === "absent" ? 0 : (r.minutes as number);
      await updateAttendance(trx, actor.agencyId, id, { personId: r.personId, attendance: r.attendance, minutes });
    }
    const partnerHours = await logPartnerTrainerHours(trx, actor, before, input.partnerHours);
    const after = await detailOf(trx, actor.agencyId, (await findSessionById(trx, actor.agencyId, id)) as SessionRow);
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "training_session",
      entityId: id,
      summary: `Recorded attendance of ${input.records.length} ${input.records.length === 1 ? "person" : "people"} at ${after.title}`,
      before,
      after,
    });
    return { ...after, partnerHours };
  });
}

/**
 * Logs each partner trainer's hours for a delivered session against the agreement they work
 * under that day, through the partners domain, in the caller's transaction. Once per trainer:
 * the link row remembers it, so saving attendance again logs nothing twice. A partner with no
 * agreement that day, or hours the agreement cannot take, is reported rather than refused, so
 * attendance is never lost over pay; saving again later logs what is still missing.
 */
async function logPartnerTrainerHours(
  trx: Db,
  actor: Actor,
  session: TrainingSessionDetail,
  entered: AttendanceInput["partnerHours"],
): Promise<PartnerHoursOutcome[]> {
  const partners = session.trainers.filter((t) => t.kind === "partner");
  if (partners.length === 0) return [];
  const logged = await findLoggedPartnerMinutes(trx, actor.agencyId, session.id);
  const workDate = DateTime.fromISO(session.startsAt, { zone: session.timeZone }).toISODate() as string;
  const outcomes: PartnerHoursOutcome[] = [];
  for (const trainer of partners) {
    const base = { trainerId: trainer.id, name: trainer.name };
    const already = logged.get(trainer.id);
    if (already !== undefined) {
      outcomes.push({ ...base, outcome: "already_logged", hours: toHours(already), message: "Hours already logged." });
      continue;
    }
    const hours = entered.find((h) => h.trainerId === trainer.id)?.hours ?? toHours(session.durationMinutes);
    if (!canAct(actor, "partnerHours.log")) {
      const message = "Hours not logged: a training coordinator logs them by saving attendance.";
      outcomes.push({ ...base, outcome: "not_logged", hours: null, message });
      continue;
    }
    const result = await logHoursOnAgreementInForce(trx, actor, trainer.partnerPersonId as string, {
      activity: "training",
      workDate,
      hours,
      note: session.title,
      source: { type: "training_session", id: session.id },
    });
    if (result.outcome === "no_agreement") {
      outcomes.push({
        ...base,
        outcome: "not_logged",
        hours: null,
        message: "No active agreement — hours not logged.",
      });
      continue;
    }
    if (result.outcome === "refused") {
      outcomes.push({
        ...base,
        outcome: "not_logged",
        hours: null,
        message: `Hours not logged: ${result.error.message}`,
      });
      continue;
    }
    const { entry } = result;
    await insertPartnerHoursLink(trx, actor.agencyId, {
      sessionId: session.id,
      sessionTrainerId: trainer.id,
      partnerHoursId: entry.id,
      minutes: toMinutes(entry.hours),
    });
    outcomes.push({ ...base, outcome: "logged", hours: entry.hours, message: `${entry.hours} h logged.` });
  }
  return outcomes;
}

/**
 * For the calendar feed: the sessions a person attends or trains, one event each, in UTC. The
 * caller (the feed route) decides who may read whose calendar.
 */
export async function trainingCalendarEventsForPerson(
  db: Db,
  agencyId: string,
  personId: string,
): Promise<CalendarEvent[]> {
  const sessions = await findSessionsOfPerson(db, agencyId, personId);
  return sessions.map((s) => ({
    uid: `training-session-${s.id}`,
    startUtc: s.startsAt,
    endUtc: s.endsAt,
    summary: s.title,
    location: [s.place, s.facility].filter((part) => part !== "").join(", ") || s.videoLink,
    description: s.videoLink ? `Join online: ${s.videoLink}` : "",
  }));
}

const PEOPLE_PAGE = 200;

/**
 * Who of the people the actor may see (a supervisor's unit, a manager's region, everyone for
 * agency-wide roles, oneself for staff) is trained, scheduled or missing.
 */
export async function getStaffTrainingStatus(db: Db, actor: Actor) {
  authorize(actor, "training.read", here(actor));
  const people = [];
  for (let page = 1; ; page++) {
    const batch = await listPeople(db, actor, ZPeopleQuery.parse({ page, pageSize: PEOPLE_PAGE }));
    people.push(...batch.items);
    if (people.length >= batch.total || batch.items.length === 0) break;
  }
  const enrollments = await findEnrollmentsOfPeople(
    db,
    actor.agencyId,
    people.map((p) => p.id),
  );
  const nudgedAt = await findLastNudgedAt(
    db,
    actor.agencyId,
    people.map((p) => p.id),
  );
  const now = new Date().toISOString();
  const items = people.map((person) => ({
    personId: person.id,
    name: `${person.givenName} ${person.familyName}`,
    orgUnitName: person.orgUnitName,
    ...trainingStatusOf(
      enrollments.filter((e) => e.personId === person.id),
      now,
    ),
    nudgedAt: nudgedAt.get(person.id) ?? null,
  }));
  const count = (status: string) => items.filter((i) => i.status === status).length;
  return { items, counts: { trained: count("trained"), scheduled: count("scheduled"), missing: count("missing") } };
}

/** The next session with room that is meant for someone with this job, or null. */
export async function findNextFittingSession(db: Db, agencyId: string, jobRole: JobRole, now: string) {
  const curricula = new Map((await findCurricula(db, agencyId)).map((c) => [c.id, c]));
  const sessions = (await findSessions(db, agencyId)).map((s) => {
    const curriculum = s.curriculumId ? curricula.get(s.curriculumId) : undefined;
    const modules = curriculum?.modules.filter((m) => s.moduleIds.length === 0 || s.moduleIds.includes(m.id));
    return { ...s, audiences: modules ? modules.flatMap((m) => m.audiences) : null };
  });
  return nextFittingSession(sessions, AUDIENCE_OF_JOB[jobRole], now);
}

/**
 * The onboarding track: enrolls a new hire in the next session with room that is meant for
 * their job (see onboarding.ts). Refuses when they are already scheduled or nothing fits.
 */
export async function enrollNewHireInNextSession(db: Db, actor: Actor, personId: string) {
  authorize(actor, "training.manage", here(actor));
  return db.transaction().execute(async (trx) => {
    if (!(await isPersonOfAgency(trx, actor.agencyId, personId)))
      throw fieldError("personId", "That person does not exist.");
    const person = await reloadPerson(trx, actor.agencyId, personId);
    const now = new Date().toISOString();
    const upcoming = (await findEnrollmentsOfPeople(trx, actor.agencyId, [personId])).find(
      (e) => e.attendance === null && e.startsAt > now,
    );
    if (upcoming) throw fieldError("personId", `Already enrolled in ${upcoming.title}.`);
    const chosen = await findNextFittingSession(trx, actor.agencyId, person.jobRole, now);
    if (!chosen) {
      throw fieldError("personId", "No upcoming session with room is meant for this person's job. Schedule one first.");
    }
    if (!(await bumpSessionVersion(trx, actor.agencyId, chosen.id, chosen.version))) throw staleVersion(chosen);
    await insertEnrollments(trx, actor.agencyId, chosen.id, [personId]);
    const after = await detailOf(
      trx,
      actor.agencyId,
      (await findSessionById(trx, actor.agencyId, chosen.id)) as SessionRow,
    );
    const name = `${person.givenName} ${person.familyName}`;
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "training_session",
      entityId: chosen.id,
      summary: `Enrolled new hire ${name} in ${after.title}`,
      after,
    });
    return after;
  });
}
