import type { Kysely } from "kysely";

/**
 * Fidelity calibration (SPEC §6): reference cases written by the fidelity team, each with the
 * reference rating and its rationale per measure, and each observer's one submitted attempt.
 * Ratings are small per-case lists read and written whole, so they are JSON text.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("fidelity_calibration_cases")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("instrument_id", "text", (c) => c.notNull().references("fidelity_instruments.id"))
    .addColumn("instrument_version_number", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("reference_json", "text", (c) => c.notNull())
    .addColumn("created_by_user_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("fidelity_calibration_cases_agency")
    .on("fidelity_calibration_cases")
    .column("agency_id")
    .execute();

  await db.schema
    .createTable("fidelity_calibration_attempts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("case_id", "text", (c) => c.notNull().references("fidelity_calibration_cases.id"))
    .addColumn("observer_id", "text", (c) => c.notNull().references("fidelity_observers.id"))
    .addColumn("ratings_json", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .execute();
  // One attempt per observer and case: a second try after seeing the reference would measure memory.
  await db.schema
    .createIndex("fidelity_calibration_attempts_one_per_observer")
    .on("fidelity_calibration_attempts")
    .columns(["case_id", "observer_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("fidelity_calibration_attempts_agency")
    .on("fidelity_calibration_attempts")
    .column("agency_id")
    .execute();
}
