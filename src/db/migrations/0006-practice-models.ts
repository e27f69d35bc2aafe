import { type Kysely, sql } from "kysely";

/**
 * Practice models and their versions. A version's structure is one JSON document; a draft has
 * no number until it is published, and the partial unique index keeps a model to one draft even
 * when two people start one at the same moment. Published numbers are unique per model.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("practice_models")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("practice_models_agency_name")
    .on("practice_models")
    .columns(["agency_id", "name"])
    .execute();

  await db.schema
    .createTable("model_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("model_id", "text", (c) => c.notNull().references("practice_models.id"))
    .addColumn("number", "integer")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .addColumn("published_by_user_id", "text")
    .addColumn("content_json", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("model_versions_model_number")
    .on("model_versions")
    .columns(["model_id", "number"])
    .unique()
    .execute();
  await db.schema
    .createIndex("model_versions_one_draft")
    .on("model_versions")
    .column("model_id")
    .unique()
    .where(sql.ref("status"), "=", "draft")
    .execute();
  await db.schema
    .createIndex("model_versions_agency_model")
    .on("model_versions")
    .columns(["agency_id", "model_id"])
    .execute();
}
