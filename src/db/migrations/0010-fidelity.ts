import { type Kysely, sql } from "kysely";

/**
 * Fidelity assessment (SPEC §6): instruments with versions, the observer roster, staff samples,
 * observations with their two observers, each observer's blind ratings and the reconciled consensus.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("fidelity_instruments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("fidelity_instruments_agency").on("fidelity_instruments").column("agency_id").execute();

  await db.schema
    .createTable("fidelity_instrument_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("instrument_id", "text", (c) => c.notNull().references("fidelity_instruments.id"))
    .addColumn("number", "integer")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("content_json", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("fidelity_instrument_versions_number")
    .on("fidelity_instrument_versions")
    .columns(["instrument_id", "number"])
    .unique()
    .execute();
  await db.schema
    .createIndex("fidelity_instrument_versions_one_draft")
    .on("fidelity_instrument_versions")
    .column("instrument_id")
    .unique()
    .where(sql.ref("status"), "=", "draft")
    .execute();

  await db.schema
    .createTable("fidelity_observers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("observer_type", "text", (c) => c.notNull())
    .addColumn("person_id", "text", (c) => c.references("people.id"))
    .addColumn("partner_person_id", "text", (c) => c.references("partner_people.id"))
    .addColumn("trained_on", "text")
    .addColumn("certified_on", "text")
    .addColumn("certification_expires_on", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("fidelity_observers_agency").on("fidelity_observers").column("agency_id").execute();

  await db.schema
    .createTable("fidelity_samples")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("org_unit_id", "text", (c) => c.notNull().references("org_units.id"))
    .addColumn("period_start", "text", (c) => c.notNull())
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("seed", "text", (c) => c.notNull())
    .addColumn("sample_size", "integer", (c) => c.notNull())
    .addColumn("person_ids_json", "text", (c) => c.notNull())
    .addColumn("created_by_user_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("fidelity_observations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("instrument_id", "text", (c) => c.notNull().references("fidelity_instruments.id"))
    .addColumn("instrument_version_number", "integer", (c) => c.notNull())
    .addColumn("event_type", "text", (c) => c.notNull())
    .addColumn("event_date", "text", (c) => c.notNull())
    .addColumn("staff_person_id", "text", (c) => c.notNull().references("people.id"))
    .addColumn("org_unit_id", "text", (c) => c.references("org_units.id"))
    .addColumn("consent_reference", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("external_id", "text")
    .addColumn("debrief_strengths", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("debrief_next_steps", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("reconciled_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("fidelity_observations_agency_instrument")
    .on("fidelity_observations")
    .columns(["agency_id", "instrument_id", "event_date"])
    .execute();
  await db.schema
    .createIndex("fidelity_observations_external_id")
    .on("fidelity_observations")
    .columns(["agency_id", "external_id"])
    .unique()
    .execute();

  await db.schema
    .createTable("fidelity_observation_observers")
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("observation_id", "text", (c) => c.notNull().references("fidelity_observations.id"))
    .addColumn("observer_id", "text", (c) => c.notNull().references("fidelity_observers.id"))
    .addColumn("observer_type", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text")
    .addPrimaryKeyConstraint("fidelity_observation_observers_pk", ["observation_id", "observer_id"])
    .execute();

  await db.schema
    .createTable("fidelity_ratings")
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("observation_id", "text", (c) => c.notNull().references("fidelity_observations.id"))
    .addColumn("observer_id", "text", (c) => c.notNull().references("fidelity_observers.id"))
    .addColumn("measure_code", "text", (c) => c.notNull())
    .addColumn("rating", "integer", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("fidelity_ratings_pk", ["observation_id", "observer_id", "measure_code"])
    .execute();
  await db.schema
    .createIndex("fidelity_ratings_agency_observation")
    .on("fidelity_ratings")
    .columns(["agency_id", "observation_id"])
    .execute();

  await db.schema
    .createTable("fidelity_consensus_ratings")
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("observation_id", "text", (c) => c.notNull().references("fidelity_observations.id"))
    .addColumn("measure_code", "text", (c) => c.notNull())
    .addColumn("rating", "integer", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addPrimaryKeyConstraint("fidelity_consensus_ratings_pk", ["observation_id", "measure_code"])
    .execute();
}
