import type { Kysely } from "kysely";

/**
 * Direct reports are listed by supervisor in name order. With only (agency_id, supervisor_id),
 * SQLite preferred the name index and walked the whole agency to find them; this index serves
 * the filter and the order together.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("people_agency_supervisor").execute();
  await db.schema
    .createIndex("people_agency_supervisor_name")
    .on("people")
    .columns(["agency_id", "supervisor_id", "family_name", "given_name"])
    .execute();
}
