import type { Kysely } from "kysely";

/**
 * Agency settings for coaching: how many days a trained unit may go without coaching before it
 * is flagged for follow-up. Agencies start at 14 days, the gap the follow-up flag was built with.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("agencies")
    .addColumn("coaching_follow_up_days", "integer", (c) => c.notNull().defaultTo(14))
    .execute();
}
