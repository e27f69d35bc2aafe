import type { Kysely } from "kysely";

/**
 * Coaches' own development (SPEC §4): skill ratings by the coach and their mentor (rows are
 * never changed, so the history is the table), mentor observations of a coach's coaching with
 * the coach's reflection added later, and peer roundtables with the coaches invited and whether
 * each came. Nothing here points at a coachee: these records are about the coach.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("coach_skill_ratings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("coach_id", "text", (c) => c.notNull().references("coaches.id"))
    .addColumn("skill", "text", (c) => c.notNull())
    .addColumn("rating", "integer", (c) => c.notNull())
    .addColumn("rater_kind", "text", (c) => c.notNull())
    .addColumn("rated_by_user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("rated_on", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("coach_skill_ratings_agency_coach")
    .on("coach_skill_ratings")
    .columns(["agency_id", "coach_id", "rated_on"])
    .execute();

  await db.schema
    .createTable("coach_observations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("coach_id", "text", (c) => c.notNull().references("coaches.id"))
    .addColumn("observed_on", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("skills", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("strengths", "text", (c) => c.notNull())
    .addColumn("things_to_try", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("observer_user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("coach_reflection", "text")
    .addColumn("reflected_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("coach_observations_agency_coach")
    .on("coach_observations")
    .columns(["agency_id", "coach_id", "observed_on"])
    .execute();

  await db.schema
    .createTable("coaching_roundtables")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("held_on", "text", (c) => c.notNull())
    .addColumn("start_time", "text", (c) => c.notNull())
    .addColumn("duration_minutes", "integer", (c) => c.notNull())
    .addColumn("facilitator_coach_id", "text", (c) => c.references("coaches.id"))
    .addColumn("topics", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("model_id", "text")
    .addColumn("model_version_number", "integer")
    .addColumn("attendance", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("created_by_user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("coaching_roundtables_agency_held_on")
    .on("coaching_roundtables")
    .columns(["agency_id", "held_on"])
    .execute();
}
