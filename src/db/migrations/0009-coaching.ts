import type { Kysely } from "kysely";

/**
 * Coaching (SPEC §4): programs and their cascade startup schedule, the coach roster, requests
 * and invitations (with the coachee's own acceptance), engagements with their readiness check
 * and agreement, the coaching log (sessions, barriers raised), goal progress ratings and the
 * coachees' feedback. Element and behavior ids are stored with the model id and version number
 * they belong to, so a later model version never changes what a record meant.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("coaching_programs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("program_type", "text", (c) => c.notNull())
    .addColumn("goal_and_scope", "text", (c) => c.notNull())
    .addColumn("levels_served", "text", (c) => c.notNull().defaultTo("[]"))
    // JSON: [{ level, startDate }] in cascade order (executives first).
    .addColumn("startup_schedule", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("feedback_minimum", "integer", (c) => c.notNull().defaultTo(5))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("coaching_programs_agency_name")
    .on("coaching_programs")
    .columns(["agency_id", "name"])
    .execute();

  await db.schema
    .createTable("coaches")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("person_id", "text", (c) => c.references("people.id"))
    .addColumn("partner_person_id", "text", (c) => c.references("partner_people.id"))
    .addColumn("coach_kind", "text", (c) => c.notNull())
    .addColumn("credentials", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("model_fluency", "text", (c) => c.notNull())
    .addColumn("model_id", "text")
    .addColumn("model_version_number", "integer")
    .addColumn("strength_item_ids", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("languages", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("cultural_knowledge", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("capacity_coachees", "integer", (c) => c.notNull())
    .addColumn("capacity_hours_per_month", "integer", (c) => c.notNull())
    .addColumn("available_for_new", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("region_org_unit_id", "text", (c) => c.references("org_units.id"))
    .addColumn("mentor_coach_id", "text", (c) => c.references("coaches.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("coaches_agency_person").on("coaches").columns(["agency_id", "person_id"]).execute();
  await db.schema
    .createIndex("coaches_agency_partner_person")
    .on("coaches")
    .columns(["agency_id", "partner_person_id"])
    .execute();

  await db.schema
    .createTable("coaching_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("program_id", "text", (c) => c.references("coaching_programs.id"))
    .addColumn("coachee_person_id", "text", (c) => c.notNull().references("people.id"))
    // `self` (the person asked) or `invitation` (someone invited them; they still have to accept).
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("goals_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("model_id", "text")
    .addColumn("model_version_number", "integer")
    .addColumn("goal_item_ids", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("preferred_language", "text")
    .addColumn("invitation_message", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("accepted_at", "text")
    .addColumn("declined_at", "text")
    .addColumn("coach_id", "text", (c) => c.references("coaches.id"))
    .addColumn("override_reason", "text")
    .addColumn("decided_by_user_id", "text")
    .addColumn("decided_at", "text")
    .addColumn("created_by_user_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("coaching_requests_agency_status")
    .on("coaching_requests")
    .columns(["agency_id", "status", "created_at"])
    .execute();
  await db.schema
    .createIndex("coaching_requests_agency_coachee")
    .on("coaching_requests")
    .columns(["agency_id", "coachee_person_id"])
    .execute();

  await db.schema
    .createTable("coaching_engagements")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("request_id", "text", (c) => c.notNull().references("coaching_requests.id"))
    .addColumn("program_id", "text", (c) => c.references("coaching_programs.id"))
    .addColumn("coach_id", "text", (c) => c.notNull().references("coaches.id"))
    .addColumn("coachee_person_id", "text", (c) => c.notNull().references("people.id"))
    // `getting_started` → (readiness) `active` | `not_yet` → `closed`.
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("started_on", "text", (c) => c.notNull())
    .addColumn("readiness_decision", "text")
    .addColumn("readiness_notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("readiness_checked_at", "text")
    .addColumn("model_id", "text")
    .addColumn("model_version_number", "integer")
    // JSON: the agreement's goals, [{ id, text, itemIds }].
    .addColumn("agreement_goals", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("agreement_frequency", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("agreement_format", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("agreement_duration", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("agreement_roles", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("share_summaries_with_supervisor", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("coach_acknowledged_at", "text")
    .addColumn("coachee_acknowledged_at", "text")
    .addColumn("closing_summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("closed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("coaching_engagements_agency_coach_status")
    .on("coaching_engagements")
    .columns(["agency_id", "coach_id", "status"])
    .execute();
  await db.schema
    .createIndex("coaching_engagements_agency_coachee")
    .on("coaching_engagements")
    .columns(["agency_id", "coachee_person_id"])
    .execute();

  await db.schema
    .createTable("coaching_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("engagement_id", "text", (c) => c.notNull().references("coaching_engagements.id"))
    // `draft` while the coach is still writing (autosaved), `final` once logged.
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("session_date", "text", (c) => c.notNull())
    .addColumn("start_time", "text")
    .addColumn("duration_minutes", "integer", (c) => c.notNull())
    .addColumn("session_format", "text", (c) => c.notNull())
    .addColumn("location", "text", (c) => c.notNull().defaultTo(""))
    // JSON: [{ personId, attended }] for group sessions.
    .addColumn("participants", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("focus_item_ids", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("steps_covered", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("reflection_easy", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("reflection_hard", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("reflection_confident", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("private_notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("shared_summary", "text", (c) => c.notNull().defaultTo(""))
    // JSON: [{ id, text, dueDate, status }].
    .addColumn("action_items", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("created_by_user_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("coaching_sessions_agency_engagement_date")
    .on("coaching_sessions")
    .columns(["agency_id", "engagement_id", "session_date"])
    .execute();

  await db.schema
    .createTable("coaching_barriers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("session_id", "text", (c) => c.notNull().references("coaching_sessions.id"))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    // Set by the barriers feature (SPEC §7) once it has taken the barrier over.
    .addColumn("routed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("coaching_barriers_agency_session")
    .on("coaching_barriers")
    .columns(["agency_id", "session_id"])
    .execute();

  await db.schema
    .createTable("coaching_progress_ratings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("engagement_id", "text", (c) => c.notNull().references("coaching_engagements.id"))
    .addColumn("goal_id", "text", (c) => c.notNull())
    .addColumn("rated_on", "text", (c) => c.notNull())
    .addColumn("rating", "integer", (c) => c.notNull())
    .addColumn("rated_by_user_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("coaching_progress_ratings_agency_engagement")
    .on("coaching_progress_ratings")
    .columns(["agency_id", "engagement_id", "rated_on"])
    .execute();

  await db.schema
    .createTable("coaching_feedback")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("engagement_id", "text", (c) => c.notNull().references("coaching_engagements.id"))
    .addColumn("session_id", "text", (c) => c.references("coaching_sessions.id"))
    .addColumn("coach_id", "text", (c) => c.notNull().references("coaches.id"))
    .addColumn("satisfaction", "integer", (c) => c.notNull())
    .addColumn("usefulness", "integer", (c) => c.notNull())
    .addColumn("relationship", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("coaching_feedback_agency_coach")
    .on("coaching_feedback")
    .columns(["agency_id", "coach_id"])
    .execute();
}
