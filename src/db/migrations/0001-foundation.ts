import { type ColumnDefinitionBuilder, type Kysely, sql } from "kysely";

/**
 * Agencies (tenants), the org tree, people, accounts, sessions, login throttling and the
 * append-only audit trail. Written with Kysely's schema builder so one migration serves
 * SQLite and PostgreSQL; only the audit guard triggers differ by dialect.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>, dialect: "sqlite" | "postgres"): Promise<void> {
  const autoIncrementingId = (c: ColumnDefinitionBuilder) =>
    dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();

  await db.schema
    .createTable("agencies")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("require_totp", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("org_units")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("parent_id", "text", (c) => c.references("org_units.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("retired_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("org_units_agency_parent").on("org_units").columns(["agency_id", "parent_id"]).execute();
  await db.schema.createIndex("org_units_agency_path").on("org_units").columns(["agency_id", "path"]).execute();

  await db.schema
    .createTable("people")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("employee_id", "text")
    .addColumn("given_name", "text", (c) => c.notNull())
    .addColumn("family_name", "text", (c) => c.notNull())
    .addColumn("work_email", "text")
    .addColumn("job_role", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("org_unit_id", "text", (c) => c.references("org_units.id"))
    .addColumn("supervisor_id", "text", (c) => c.references("people.id"))
    .addColumn("hire_date", "text")
    .addColumn("end_date", "text")
    .addColumn("languages", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("people_agency_employee_id", ["agency_id", "employee_id"])
    .execute();
  await db.schema.createIndex("people_agency_unit").on("people").columns(["agency_id", "org_unit_id"]).execute();
  await db.schema
    .createIndex("people_agency_supervisor")
    .on("people")
    .columns(["agency_id", "supervisor_id"])
    .execute();
  await db.schema
    .createIndex("people_agency_family_name")
    .on("people")
    .columns(["agency_id", "family_name", "given_name"])
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("person_id", "text", (c) => c.references("people.id"))
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("totp_secret", "text")
    .addColumn("totp_enabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  // One account per person; people without an account (most of them) have no row here.
  await db.schema.createIndex("users_person").on("users").column("person_id").unique().execute();

  await db.schema
    .createTable("user_roles")
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_roles_pk", ["user_id", "role"])
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("totp_setup_pending", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("login_attempts")
    .addColumn("id", "integer", autoIncrementingId)
    .addColumn("throttle_key", "text", (c) => c.notNull())
    .addColumn("attempted_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("login_attempts_key_time")
    .on("login_attempts")
    .columns(["throttle_key", "attempted_at"])
    .execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("id", "integer", autoIncrementingId)
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("actor_user_id", "text")
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("before_json", "text")
    .addColumn("after_json", "text")
    .execute();
  await db.schema
    .createIndex("audit_events_agency_time")
    .on("audit_events")
    .columns(["agency_id", "occurred_at"])
    .execute();
  await db.schema
    .createIndex("audit_events_agency_entity")
    .on("audit_events")
    .columns(["agency_id", "entity_type", "entity_id"])
    .execute();
}

/** The audit trail is append-only: the database itself refuses updates and deletes. */
// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function guardAuditTrail(db: Kysely<any>, dialect: "sqlite" | "postgres"): Promise<void> {
  if (dialect === "sqlite") {
    for (const op of ["UPDATE", "DELETE"]) {
      await sql
        .raw(
          `CREATE TRIGGER audit_events_no_${op.toLowerCase()} BEFORE ${op} ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      "CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()",
    )
    .execute(db);
  await sql
    .raw(
      "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()",
    )
    .execute(db);
}
