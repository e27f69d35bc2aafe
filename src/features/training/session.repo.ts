import type { Db } from "../../db/types.js";
import { toCount, updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import type { Attendance } from "./session.schema.js";

export interface SessionRow {
  id: string;
  title: string;
  curriculumId: string | null;
  moduleIds: string[];
  startsAt: string;
  endsAt: string;
  place: string;
  videoLink: string;
  facility: string;
  capacity: number;
  enrolledCount: number;
  version: number;
}

function sessionsQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("training_sessions as s")
    .select([
      "s.id",
      "s.title",
      "s.curriculum_id",
      "s.module_ids_json",
      "s.starts_at",
      "s.ends_at",
      "s.place",
      "s.video_link",
      "s.facility",
      "s.capacity",
      "s.version",
    ])
    .select((eb) =>
      eb
        .selectFrom("training_enrollments as e")
        .select((c) => c.fn.countAll().as("n"))
        .whereRef("e.session_id", "=", "s.id")
        .whereRef("e.agency_id", "=", "s.agency_id")
        .as("enrolled_count"),
    )
    .where("s.agency_id", "=", agencyId);
}

type SessionSelection = Awaited<ReturnType<ReturnType<typeof sessionsQuery>["executeTakeFirstOrThrow"]>>;

function toSessionRow(r: SessionSelection): SessionRow {
  return {
    id: r.id,
    title: r.title,
    curriculumId: r.curriculum_id,
    moduleIds: JSON.parse(r.module_ids_json) as string[],
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    place: r.place,
    videoLink: r.video_link,
    facility: r.facility,
    capacity: r.capacity,
    enrolledCount: toCount(r.enrolled_count),
    version: r.version,
  };
}

/** The agency's sessions in time order; only those of `ids` when given. */
export async function findSessions(db: Db, agencyId: string, ids?: string[]) {
  if (ids?.length === 0) return [];
  let query = sessionsQuery(db, agencyId);
  if (ids) query = query.where("s.id", "in", ids);
  const rows = await query.orderBy("s.starts_at").orderBy("s.id").execute();
  return rows.map(toSessionRow);
}

export async function findSessionById(db: Db, agencyId: string, id: string) {
  const row = await sessionsQuery(db, agencyId).where("s.id", "=", id).executeTakeFirst();
  return row && toSessionRow(row);
}

/** Sessions a person is enrolled in or trains, in time order. */
export async function findSessionsOfPerson(db: Db, agencyId: string, personId: string) {
  const rows = await sessionsQuery(db, agencyId)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom("training_enrollments as e")
            .select("e.id")
            .whereRef("e.session_id", "=", "s.id")
            .where("e.agency_id", "=", agencyId)
            .where("e.person_id", "=", personId),
        ),
        eb.exists(
          eb
            .selectFrom("training_session_trainers as t")
            .select("t.id")
            .whereRef("t.session_id", "=", "s.id")
            .where("t.agency_id", "=", agencyId)
            .where("t.person_id", "=", personId),
        ),
      ]),
    )
    .orderBy("s.starts_at")
    .execute();
  return rows.map(toSessionRow);
}

export interface NewSession {
  title: string;
  curriculumId: string | null;
  moduleIds: string[];
  startsAt: string;
  endsAt: string;
  place: string;
  videoLink: string;
  facility: string;
  capacity: number;
}

export async function insertSession(db: Db, agencyId: string, session: NewSession) {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("training_sessions")
    .values({
      id,
      agency_id: agencyId,
      title: session.title,
      curriculum_id: session.curriculumId,
      module_ids_json: JSON.stringify(session.moduleIds),
      starts_at: session.startsAt,
      ends_at: session.endsAt,
      place: session.place,
      video_link: session.videoLink,
      facility: session.facility,
      capacity: session.capacity,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

/** Changes a session's own fields when it is still at the version read; false when it is not. */
export async function updateSession(db: Db, agencyId: string, id: string, version: number, session: NewSession) {
  const result = await db
    .updateTable("training_sessions")
    .set({
      title: session.title,
      curriculum_id: session.curriculumId,
      module_ids_json: JSON.stringify(session.moduleIds),
      starts_at: session.startsAt,
      ends_at: session.endsAt,
      place: session.place,
      video_link: session.videoLink,
      facility: session.facility,
      capacity: session.capacity,
      version: version + 1,
      updated_at: nowUtc(),
    })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

export async function bumpSessionVersion(db: Db, agencyId: string, id: string, version: number) {
  const result = await db
    .updateTable("training_sessions")
    .set({ version: version + 1, updated_at: nowUtc() })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

export interface TrainerRow {
  id: string;
  personId: string | null;
  partnerPersonId: string | null;
  role: string;
}

export async function findTrainersOfSession(db: Db, agencyId: string, sessionId: string): Promise<TrainerRow[]> {
  const rows = await db
    .selectFrom("training_session_trainers")
    .select(["id", "person_id", "partner_person_id", "role"])
    .where("agency_id", "=", agencyId)
    .where("session_id", "=", sessionId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, personId: r.person_id, partnerPersonId: r.partner_person_id, role: r.role }));
}

export async function insertTrainers(db: Db, agencyId: string, sessionId: string, trainers: Omit<TrainerRow, "id">[]) {
  const now = nowUtc();
  for (const trainer of trainers) {
    await db
      .insertInto("training_session_trainers")
      .values({
        id: newId(),
        agency_id: agencyId,
        session_id: sessionId,
        person_id: trainer.personId,
        partner_person_id: trainer.partnerPersonId,
        role: trainer.role,
        created_at: now,
      })
      .execute();
  }
}

export async function updateTrainerRole(db: Db, agencyId: string, trainerId: string, role: string) {
  await db
    .updateTable("training_session_trainers")
    .set({ role })
    .where("agency_id", "=", agencyId)
    .where("id", "=", trainerId)
    .execute();
}

export async function deleteTrainers(db: Db, agencyId: string, trainerIds: string[]) {
  if (trainerIds.length === 0) return;
  await db
    .deleteFrom("training_session_trainers")
    .where("agency_id", "=", agencyId)
    .where("id", "in", trainerIds)
    .execute();
}

export interface EnrollmentRow {
  personId: string;
  attendance: Attendance | null;
  minutesAttended: number | null;
}

export async function findEnrollmentsOfSession(db: Db, agencyId: string, sessionId: string): Promise<EnrollmentRow[]> {
  const rows = await db
    .selectFrom("training_enrollments")
    .select(["person_id", "attendance", "minutes_attended"])
    .where("agency_id", "=", agencyId)
    .where("session_id", "=", sessionId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    personId: r.person_id,
    attendance: r.attendance as Attendance | null,
    minutesAttended: r.minutes_attended,
  }));
}

export async function insertEnrollments(db: Db, agencyId: string, sessionId: string, personIds: string[]) {
  const now = nowUtc();
  for (const personId of personIds) {
    await db
      .insertInto("training_enrollments")
      .values({
        id: newId(),
        agency_id: agencyId,
        session_id: sessionId,
        person_id: personId,
        attendance: null,
        minutes_attended: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
}

export async function updateAttendance(
  db: Db,
  agencyId: string,
  sessionId: string,
  record: { personId: string; attendance: Attendance; minutes: number },
) {
  await db
    .updateTable("training_enrollments")
    .set({ attendance: record.attendance, minutes_attended: record.minutes, updated_at: nowUtc() })
    .where("agency_id", "=", agencyId)
    .where("session_id", "=", sessionId)
    .where("person_id", "=", record.personId)
    .execute();
}

/** Every enrollment of these people with its session's start, for who-is-trained views. */
export async function findEnrollmentsOfPeople(db: Db, agencyId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom("training_enrollments as e")
    .innerJoin("training_sessions as s", (j) =>
      j.onRef("s.id", "=", "e.session_id").onRef("s.agency_id", "=", "e.agency_id"),
    )
    .select(["e.person_id", "e.attendance", "s.starts_at", "s.title"])
    .where("e.agency_id", "=", agencyId)
    .where("e.person_id", "in", personIds)
    .orderBy("s.starts_at")
    .execute();
  return rows.map((r) => ({
    personId: r.person_id,
    attendance: r.attendance as Attendance | null,
    startsAt: r.starts_at,
    title: r.title,
  }));
}

/** The partner trainers of a session whose hours were already logged, with the minutes logged. */
export async function findLoggedPartnerMinutes(db: Db, agencyId: string, sessionId: string) {
  const rows = await db
    .selectFrom("training_partner_hours")
    .select(["session_trainer_id", "minutes"])
    .where("agency_id", "=", agencyId)
    .where("session_id", "=", sessionId)
    .execute();
  return new Map(rows.map((r) => [r.session_trainer_id, r.minutes]));
}

export async function insertPartnerHoursLink(
  db: Db,
  agencyId: string,
  link: { sessionId: string; sessionTrainerId: string; partnerHoursId: string; minutes: number },
) {
  await db
    .insertInto("training_partner_hours")
    .values({
      id: newId(),
      agency_id: agencyId,
      session_id: link.sessionId,
      session_trainer_id: link.sessionTrainerId,
      partner_hours_id: link.partnerHoursId,
      minutes: link.minutes,
      created_at: nowUtc(),
    })
    .execute();
}
