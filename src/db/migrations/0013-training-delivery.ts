import type { Kysely } from "kysely";

/**
 * Training delivery (SPEC §3): the observer checklist of a session, the link from a partner
 * co-trainer's place on a session to the hours logged for it, and supervisors' nudges to
 * staff who still need training.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  // One check per session: the observer the coordinator assigned, then the ratings they gave.
  await db.schema
    .createTable("training_delivery_checks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("session_id", "text", (c) => c.notNull().references("training_sessions.id"))
    .addColumn("observer_person_id", "text", (c) => c.notNull().references("people.id"))
    .addColumn("ratings_json", "text")
    .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("recorded_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("training_delivery_checks_session")
    .on("training_delivery_checks")
    .columns(["agency_id", "session_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("training_delivery_checks_observer")
    .on("training_delivery_checks")
    .columns(["agency_id", "observer_person_id"])
    .execute();

  // The unique trainer makes logging a co-trainer's hours happen once, however often attendance is saved.
  await db.schema
    .createTable("training_partner_hours")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("session_id", "text", (c) => c.notNull().references("training_sessions.id"))
    .addColumn("session_trainer_id", "text", (c) => c.notNull().references("training_session_trainers.id"))
    .addColumn("partner_hours_id", "text", (c) => c.notNull().references("partner_hours.id"))
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("training_partner_hours_trainer")
    .on("training_partner_hours")
    .columns(["agency_id", "session_trainer_id"])
    .unique()
    .execute();

  await db.schema
    .createTable("training_nudges")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
    .addColumn("nudged_by_person_id", "text", (c) => c.notNull().references("people.id"))
    .addColumn("session_id", "text", (c) => c.references("training_sessions.id"))
    .addColumn("message", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("dismissed_at", "text")
    .execute();
  await db.schema
    .createIndex("training_nudges_person")
    .on("training_nudges")
    .columns(["agency_id", "person_id", "created_at"])
    .execute();
}
