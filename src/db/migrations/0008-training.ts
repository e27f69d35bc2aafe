import type { Kysely } from "kysely";

/**
 * Training (SPEC §3): rollout plans whose grid cells hold the units trained in each period.
 * A plan keeps the unit labels it was given ("Unit 3" of "Region 1"); each can be linked to an
 * org unit later, which is where staff counts come from. Curricula keep their modules as one
 * JSON document, versioned as a whole, pointing at the practice model version they cover.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("training_rollout_plans")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("periods_json", "text", (c) => c.notNull())
    .addColumn("regions_json", "text", (c) => c.notNull())
    .addColumn("cohort_min", "integer", (c) => c.notNull())
    .addColumn("cohort_max", "integer", (c) => c.notNull())
    .addColumn("cohort_limit", "integer", (c) => c.notNull())
    .addColumn("sessions_per_period", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("training_rollout_plans_agency_name")
    .on("training_rollout_plans")
    .columns(["agency_id", "name"])
    .execute();

  await db.schema
    .createTable("training_planned_units")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("plan_id", "text", (c) => c.notNull().references("training_rollout_plans.id"))
    .addColumn("region_label", "text", (c) => c.notNull())
    .addColumn("unit_label", "text", (c) => c.notNull())
    .addColumn("period_index", "integer")
    .addColumn("leaders_period_index", "integer")
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("org_unit_id", "text", (c) => c.references("org_units.id"))
    .addColumn("volunteer", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("training_planned_units_plan")
    .on("training_planned_units")
    .columns(["agency_id", "plan_id", "position"])
    .execute();

  await db.schema
    .createTable("training_curricula")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("model_id", "text", (c) => c.references("practice_models.id"))
    .addColumn("model_version_number", "integer")
    .addColumn("modules_json", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("training_curricula_agency_title")
    .on("training_curricula")
    .columns(["agency_id", "title"])
    .execute();

  await db.schema
    .createTable("training_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("curriculum_id", "text", (c) => c.references("training_curricula.id"))
    .addColumn("module_ids_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("video_link", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("facility", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("capacity", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("training_sessions_agency_start")
    .on("training_sessions")
    .columns(["agency_id", "starts_at"])
    .execute();

  await db.schema
    .createTable("training_session_trainers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("session_id", "text", (c) => c.notNull().references("training_sessions.id"))
    .addColumn("person_id", "text", (c) => c.references("people.id"))
    .addColumn("partner_person_id", "text", (c) => c.references("partner_people.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("training_session_trainers_session")
    .on("training_session_trainers")
    .columns(["agency_id", "session_id"])
    .execute();
  await db.schema
    .createIndex("training_session_trainers_person")
    .on("training_session_trainers")
    .columns(["agency_id", "person_id"])
    .execute();

  await db.schema
    .createTable("training_enrollments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("session_id", "text", (c) => c.notNull().references("training_sessions.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
    .addColumn("attendance", "text")
    .addColumn("minutes_attended", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("training_enrollments_session_person")
    .on("training_enrollments")
    .columns(["agency_id", "session_id", "person_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("training_enrollments_person")
    .on("training_enrollments")
    .columns(["agency_id", "person_id"])
    .execute();
}
