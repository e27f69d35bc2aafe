import type { Kysely } from "kysely";

/**
 * Training pre/post surveys (SPEC §3). Each agency keeps one survey instrument, its items as one
 * JSON document. Opening a survey on a session copies the items into the survey, so editing the
 * instrument later never changes what was asked. A person answers a survey at most once
 * (they may change their answers while it is open).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("training_survey_instruments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().unique().references("agencies.id"))
    .addColumn("model_id", "text", (c) => c.references("practice_models.id"))
    .addColumn("items_json", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("training_surveys")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("session_id", "text", (c) => c.notNull().references("training_sessions.id"))
    .addColumn("phase", "text", (c) => c.notNull())
    .addColumn("retrospective", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("model_id", "text", (c) => c.references("practice_models.id"))
    .addColumn("items_json", "text", (c) => c.notNull())
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .execute();
  await db.schema
    .createIndex("training_surveys_session_phase")
    .on("training_surveys")
    .columns(["agency_id", "session_id", "phase"])
    .unique()
    .execute();

  await db.schema
    .createTable("training_survey_responses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("survey_id", "text", (c) => c.notNull().references("training_surveys.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
    .addColumn("answers_json", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("training_survey_responses_survey_person")
    .on("training_survey_responses")
    .columns(["agency_id", "survey_id", "person_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("training_survey_responses_person")
    .on("training_survey_responses")
    .columns(["agency_id", "person_id"])
    .execute();
}
