import type { Kysely } from "kysely";

/**
 * Counting by level without reading people rows. Coverage counts an agency's staff by level and
 * the people in open engagements by level; both read a person's level and nothing else.
 * (agency, end date, level) extends the people list's (agency, end date) index, so the staff count
 * comes from the index alone. (id, agency, level) lets a join from an engagement to its coachee
 * find the level in the index, instead of the primary key and then the row. Level is not the
 * second column on purpose: SQLite, without statistics, would start such a join from every person
 * of the agency instead of from the open engagements.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("people_agency_end_date").execute();
  await db.schema
    .createIndex("people_agency_end_date_level")
    .on("people")
    .columns(["agency_id", "end_date", "level"])
    .execute();
  await db.schema.createIndex("people_id_agency_level").on("people").columns(["id", "agency_id", "level"]).execute();
}
