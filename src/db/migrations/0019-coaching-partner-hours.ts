import type { Kysely } from "kysely";

/**
 * Partner coaches' hours (SPEC §1, §4): the link from a logged coaching session to the entry in
 * the partner's compensation log. A session has at most one link, so its hours are logged once
 * however many times someone presses "Log hours"; a final session of a partner coach without one
 * is waiting to be logged.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("coaching_partner_hours")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("session_id", "text", (c) => c.notNull().references("coaching_sessions.id"))
    .addColumn("partner_hours_id", "text", (c) => c.notNull().references("partner_hours.id"))
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("coaching_partner_hours_session")
    .on("coaching_partner_hours")
    .columns(["agency_id", "session_id"])
    .unique()
    .execute();
}
