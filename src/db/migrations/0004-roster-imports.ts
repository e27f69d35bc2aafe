import type { Kysely } from "kysely";

/**
 * Roster imports. The server keeps nothing in memory between requests, so an uploaded file's
 * parsed rows, the column mapping chosen for it and its dry-run diff live in `roster_imports`
 * until the import is applied. `roster_column_mappings` remembers, per agency, which file
 * header went to which field and which job-role or level label meant which value, so the next
 * file with the same headers is mapped already.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("roster_imports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_by_user_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("applied_at", "text")
    .addColumn("rows_json", "text", (c) => c.notNull())
    .addColumn("mapping_json", "text")
    .addColumn("preview_json", "text")
    .addColumn("summary_json", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("roster_imports_agency_created")
    .on("roster_imports")
    .columns(["agency_id", "created_at"])
    .execute();

  await db.schema
    .createTable("roster_column_mappings")
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("source_key", "text", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("roster_column_mappings_pk", ["agency_id", "kind", "source_key"])
    .execute();
}
