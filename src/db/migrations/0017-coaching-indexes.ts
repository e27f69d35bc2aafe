import type { Kysely } from "kysely";

/**
 * Coaching at statewide scale (a million sessions). Every engagement in a list shows its count
 * of logged sessions and the last one's date: with the status in the index both come from the
 * index alone instead of reading each session row. The requests list shows the engagement each
 * request became, found by request id; and it lists the agency's requests newest first.
 * Coverage counts the people in open engagements by program and level: (agency, status,
 * program, coachee) hands it the open engagements without reading the closed ones.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("coaching_sessions_agency_engagement_status_date")
    .on("coaching_sessions")
    .columns(["agency_id", "engagement_id", "status", "session_date"])
    .execute();
  await db.schema
    .createIndex("coaching_engagements_agency_request")
    .on("coaching_engagements")
    .columns(["agency_id", "request_id"])
    .execute();
  await db.schema
    .createIndex("coaching_requests_agency_created")
    .on("coaching_requests")
    .columns(["agency_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("coaching_engagements_agency_status_program")
    .on("coaching_engagements")
    .columns(["agency_id", "status", "program_id", "coachee_person_id"])
    .execute();
}
