import type { Kysely } from "kysely";

/**
 * The people list at 30,000 people in one agency. Sorting by hire date sorted the whole agency
 * for every page; (agency_id, hire_date, family_name) hands the rows over in order. Every page
 * also counts the active people, which read each row for its end date; (agency_id, end_date)
 * answers that count from the index alone.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("people_agency_hire_date")
    .on("people")
    .columns(["agency_id", "hire_date", "family_name"])
    .execute();
  await db.schema.createIndex("people_agency_end_date").on("people").columns(["agency_id", "end_date"]).execute();
}
