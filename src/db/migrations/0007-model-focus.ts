import type { Kysely } from "kysely";

/**
 * A unit's monthly practice focus: one element or behavior of a published model version per
 * unit and month. The unique index keeps it to one focus per unit and month.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("model_focuses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("org_unit_id", "text", (c) => c.notNull().references("org_units.id"))
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("model_id", "text", (c) => c.notNull().references("practice_models.id"))
    .addColumn("version_number", "integer", (c) => c.notNull())
    .addColumn("item_kind", "text", (c) => c.notNull())
    .addColumn("item_id", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("set_by_user_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("model_focuses_unit_month")
    .on("model_focuses")
    .columns(["agency_id", "org_unit_id", "month"])
    .unique()
    .execute();
  await db.schema
    .createIndex("model_focuses_model_item")
    .on("model_focuses")
    .columns(["agency_id", "model_id", "item_id"])
    .execute();
}
