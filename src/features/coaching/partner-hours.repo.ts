import type { Db } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";

export interface PartnerCoachingSessionRow {
  sessionId: string;
  engagementId: string;
  sessionDate: string;
  durationMinutes: number;
  partnerPersonId: string;
  coachName: string;
  coacheeName: string;
  /** The compensation-log entry made for the session, or null while it waits. */
  partnerHoursId: string | null;
  loggedMinutes: number | null;
}

/** Logged (final) sessions of engagements whose coach is a partner person, with their link if any. */
function partnerSessionsQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("coaching_sessions as s")
    .innerJoin("coaching_engagements as e", (j) =>
      j.onRef("e.id", "=", "s.engagement_id").onRef("e.agency_id", "=", "s.agency_id"),
    )
    .innerJoin("coaches as c", (j) => j.onRef("c.id", "=", "e.coach_id").onRef("c.agency_id", "=", "e.agency_id"))
    .innerJoin("partner_people as pp", (j) =>
      j.onRef("pp.id", "=", "c.partner_person_id").onRef("pp.agency_id", "=", "c.agency_id"),
    )
    .innerJoin("people as p", (j) =>
      j.onRef("p.id", "=", "e.coachee_person_id").onRef("p.agency_id", "=", "e.agency_id"),
    )
    .leftJoin("coaching_partner_hours as l", (j) =>
      j.onRef("l.session_id", "=", "s.id").onRef("l.agency_id", "=", "s.agency_id"),
    )
    .select([
      "s.id as session_id",
      "s.engagement_id",
      "s.session_date",
      "s.duration_minutes",
      "pp.id as partner_person_id",
      "pp.full_name",
      "p.given_name",
      "p.family_name",
      "l.partner_hours_id",
      "l.minutes",
    ])
    .where("s.agency_id", "=", agencyId)
    .where("s.status", "=", "final");
}

type Selection = Awaited<ReturnType<ReturnType<typeof partnerSessionsQuery>["executeTakeFirstOrThrow"]>>;

function toRow(r: Selection): PartnerCoachingSessionRow {
  return {
    sessionId: r.session_id,
    engagementId: r.engagement_id,
    sessionDate: r.session_date,
    durationMinutes: r.duration_minutes,
    partnerPersonId: r.partner_person_id,
    coachName: r.full_name,
    coacheeName: `${r.given_name} ${r.family_name}`,
    partnerHoursId: r.partner_hours_id ?? null,
    loggedMinutes: r.minutes ?? null,
  };
}

/** Partner coaches' logged sessions whose hours are not in the compensation log yet, oldest first. */
export async function findPartnerSessionsWaiting(db: Db, agencyId: string, limit: number) {
  const rows = await partnerSessionsQuery(db, agencyId)
    .where("l.id", "is", null)
    .orderBy("s.session_date")
    .orderBy("s.id")
    .limit(limit)
    .execute();
  return rows.map(toRow);
}

/** One logged session of a partner coach, logged or waiting; undefined for any other session. */
export async function findPartnerSession(db: Db, agencyId: string, sessionId: string) {
  const row = await partnerSessionsQuery(db, agencyId).where("s.id", "=", sessionId).executeTakeFirst();
  return row && toRow(row);
}

export async function insertPartnerCoachingHoursLink(
  db: Db,
  agencyId: string,
  link: { sessionId: string; partnerHoursId: string; minutes: number },
) {
  await db
    .insertInto("coaching_partner_hours")
    .values({
      id: newId(),
      agency_id: agencyId,
      session_id: link.sessionId,
      partner_hours_id: link.partnerHoursId,
      minutes: link.minutes,
      created_at: nowUtc(),
    })
    .execute();
}

/**
 * Holds the session's row until the transaction ends, so two people logging the same session at
 * once take turns and the second finds it logged.
 */
export async function lockSessionForHours(db: Db, agencyId: string, sessionId: string): Promise<void> {
  await db
    .updateTable("coaching_sessions")
    .set((eb) => ({ version: eb.ref("version") }))
    .where("agency_id", "=", agencyId)
    .where("id", "=", sessionId)
    .execute();
}
