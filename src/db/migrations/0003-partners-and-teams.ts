import type { Kysely } from "kysely";

/**
 * Community and Tribal partners, their people, compensation agreements and the hours logged
 * against them; teaming structures with staff and partner members; and the link from an account
 * to the partner person it belongs to (partner viewers are not on staff, so they have no person).
 * Hours are stored as whole minutes so sums are exact on both databases.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("partner_organizations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("contact_name", "text")
    .addColumn("contact_email", "text")
    .addColumn("contact_phone", "text")
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("retired_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("partner_organizations_agency_name")
    .on("partner_organizations")
    .columns(["agency_id", "name"])
    .execute();

  await db.schema
    .createTable("partner_people")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("partner_organization_id", "text", (c) => c.notNull().references("partner_organizations.id"))
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("phone", "text")
    .addColumn("languages", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("roles", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("partner_people_agency_organization")
    .on("partner_people")
    .columns(["agency_id", "partner_organization_id", "full_name"])
    .execute();

  await db.schema
    .createTable("compensation_agreements")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("partner_person_id", "text", (c) => c.notNull().references("partner_people.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("rate_cents", "integer", (c) => c.notNull())
    .addColumn("rate_unit", "text", (c) => c.notNull())
    .addColumn("budgeted_minutes", "integer", (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("end_date", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("compensation_agreements_agency_person")
    .on("compensation_agreements")
    .columns(["agency_id", "partner_person_id"])
    .execute();

  await db.schema
    .createTable("partner_hours")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("agreement_id", "text", (c) => c.notNull().references("compensation_agreements.id"))
    .addColumn("activity", "text", (c) => c.notNull())
    .addColumn("work_date", "text", (c) => c.notNull())
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    // Where the entry came from: typed in, or (later) added by another domain such as a training session.
    .addColumn("source_type", "text", (c) => c.notNull().defaultTo("manual"))
    .addColumn("source_id", "text")
    .addColumn("logged_by_user_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("partner_hours_agency_agreement_date")
    .on("partner_hours")
    .columns(["agency_id", "agreement_id", "work_date"])
    .execute();

  await db.schema
    .createTable("teams")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("org_unit_id", "text", (c) => c.references("org_units.id"))
    .addColumn("parent_team_id", "text", (c) => c.references("teams.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("teams_agency_parent").on("teams").columns(["agency_id", "parent_team_id"]).execute();

  await db.schema
    .createTable("team_members")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("team_id", "text", (c) => c.notNull().references("teams.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.references("people.id"))
    .addColumn("partner_person_id", "text", (c) => c.references("partner_people.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  // A person or partner person sits on a team once; NULLs never collide, so each index covers one kind.
  await db.schema
    .createIndex("team_members_team_person")
    .on("team_members")
    .columns(["team_id", "person_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("team_members_team_partner_person")
    .on("team_members")
    .columns(["team_id", "partner_person_id"])
    .unique()
    .execute();

  await db.schema
    .alterTable("users")
    .addColumn("partner_person_id", "text", (c) => c.references("partner_people.id"))
    .execute();
  await db.schema.createIndex("users_partner_person").on("users").column("partner_person_id").unique().execute();
}
