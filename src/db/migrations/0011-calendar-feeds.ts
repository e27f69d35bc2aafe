import type { Kysely } from "kysely";

/**
 * Personal calendar feeds. A calendar program fetches the feed without a session, so the
 * address carries a secret; only its SHA-256 is stored, and each account has at most one
 * live feed (making a new address retires the old one).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("calendar_feeds")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("user_id", "text", (c) => c.notNull().unique().references("users.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}
