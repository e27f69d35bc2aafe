import type { Db } from "../../src/db/types.js";
import { insertCoach } from "../../src/features/coaching/coach.repo.js";
import { insertEngagement, updateEngagement } from "../../src/features/coaching/engagement.repo.js";
import { insertProgram } from "../../src/features/coaching/program.repo.js";
import { insertRequest } from "../../src/features/coaching/request.repo.js";
import { insertSession, updateSession } from "../../src/features/coaching/session.repo.js";
import type { World } from "./world.js";

export const PRIVATE_NOTE = "Worried about burnout; talked about the home visit that went badly.";
export const SHARED_SUMMARY = "Practiced opening a family meeting; next: co-facilitate one.";

async function personOfAccount(db: Db, email: string) {
  const row = await db
    .selectFrom("users")
    .select(["id", "person_id"])
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  return { userId: row.id, personId: row.person_id as string };
}

/**
 * Coaching records in a world's agency, written straight through the repositories: a program,
 * the coach-role account's person on the roster, an invitation to the N2 worker, and an
 * engagement coaching the staff account's person (unit N1 worker, whose supervisor is the
 * supervisor account) with one logged session holding a private note and a shared summary.
 */
export async function buildCoachingRecords(db: Db, world: World) {
  const agencyId = world.agency.id;
  const coachAccount = await personOfAccount(db, world.emails.coach);
  const program = await insertProgram(db, agencyId, {
    name: `${world.agency.slug} coaching program`,
    programType: "skills_based",
    goalAndScope: "Coaching on the practice model for everyone who asks.",
    levelsServed: ["executive", "management", "supervisory", "practice"],
    startupSchedule: [
      { level: "executive", startDate: "2026-01-05" },
      { level: "practice", startDate: "2026-06-01" },
    ],
    feedbackMinimum: 5,
  });
  const coach = await insertCoach(
    db,
    agencyId,
    {
      personId: coachAccount.personId,
      partnerPersonId: null,
      coachKind: "internal",
      credentials: "",
      modelFluency: "fluent",
      strengthItemIds: [],
      languages: ["English"],
      culturalKnowledge: "",
      capacityCoachees: 6,
      capacityHoursPerMonth: 20,
      availableForNew: true,
      regionOrgUnitId: null,
      mentorCoachId: null,
    },
    null,
  );
  const invitation = await insertRequest(db, agencyId, {
    programId: program,
    coacheePersonId: world.people.workerN2.id,
    origin: "invitation",
    status: "invited",
    goalsText: "",
    model: null,
    goalItemIds: [],
    preferredLanguage: null,
    invitationMessage: "Would you like a coach?",
    acceptedAt: null,
    createdByUserId: coachAccount.userId,
  });
  const request = await insertRequest(db, agencyId, {
    programId: program,
    coacheePersonId: world.people.workerN1.id,
    origin: "self",
    status: "matched",
    goalsText: "Run family meetings with confidence",
    model: null,
    goalItemIds: [],
    preferredLanguage: null,
    invitationMessage: "",
    acceptedAt: "2026-01-10T10:00:00.000Z",
    createdByUserId: coachAccount.userId,
  });
  const engagement = await insertEngagement(db, agencyId, {
    requestId: request,
    programId: program,
    coachId: coach,
    coacheePersonId: world.people.workerN1.id,
    startedOn: "2026-01-12",
    model: null,
    goals: [{ id: "goal-1", text: "Run family meetings with confidence", itemIds: [] }],
  });
  await updateEngagement(
    db,
    agencyId,
    engagement,
    {
      status: "active",
      agreement_frequency: "Every two weeks",
      agreement_format: "In person",
      agreement_duration: "Six months",
    },
    1,
  );
  const coachingSession = await insertSession(
    db,
    agencyId,
    engagement,
    { sessionDate: "2026-02-02", startTime: "10:00", durationMinutes: 60, format: "individual" },
    coachAccount.userId,
  );
  await updateSession(db, agencyId, coachingSession, {
    sessionDate: "2026-02-02",
    startTime: "10:00",
    durationMinutes: 60,
    format: "individual",
    status: "final",
    location: "North Office",
    participants: [],
    focusItemIds: [],
    stepsCovered: ["goals", "feedback"],
    reflectionEasy: "Opening the meeting",
    reflectionHard: "Staying quiet",
    reflectionConfident: "When the family spoke first",
    privateNotes: PRIVATE_NOTE,
    sharedSummary: SHARED_SUMMARY,
    actionItems: [],
    barriers: [],
    version: 1,
  });
  return { coachingProgram: program, coach, coachingInvitation: invitation, engagement, coachingSession };
}

export type CoachingRecords = Awaited<ReturnType<typeof buildCoachingRecords>>;

/**
 * For the authorization table: besides the records above, an invitation to the trainer account's
 * person (so a role can answer it) and an accepted, open request from the South manager (whom
 * the roster's coach may coach) for the matching routes.
 */
export async function buildCoachingRecordsForRoleTable(db: Db, world: World) {
  const records = await buildCoachingRecords(db, world);
  const trainer = await personOfAccount(db, world.emails.trainer);
  const base = {
    programId: records.coachingProgram,
    goalsText: "",
    model: null,
    goalItemIds: [],
    preferredLanguage: null,
    invitationMessage: "",
    createdByUserId: trainer.userId,
  };
  const trainerInvitation = await insertRequest(db, world.agency.id, {
    ...base,
    coacheePersonId: trainer.personId,
    origin: "invitation",
    status: "invited",
    acceptedAt: null,
  });
  const openRequest = await insertRequest(db, world.agency.id, {
    ...base,
    coacheePersonId: world.people.southManager.id,
    origin: "self",
    status: "requested",
    goalsText: "Lead the region's rollout",
    acceptedAt: "2026-01-02T09:00:00.000Z",
  });
  return { ...records, trainerInvitation, openRequest };
}

export type CoachingRoleTableRecords = Awaited<ReturnType<typeof buildCoachingRecordsForRoleTable>>;

export const coachingRowState = async (
  db: Db,
  table: "coaching_programs" | "coaches" | "coaching_requests" | "coaching_sessions",
  id: string,
) => JSON.stringify(await db.selectFrom(table).selectAll().where("id", "=", id).executeTakeFirst());

export async function engagementState(db: Db, id: string) {
  const [engagement, ratings, sessions, feedback] = await Promise.all([
    db.selectFrom("coaching_engagements").selectAll().where("id", "=", id).executeTakeFirst(),
    db.selectFrom("coaching_progress_ratings").select("id").where("engagement_id", "=", id).execute(),
    db.selectFrom("coaching_sessions").select("id").where("engagement_id", "=", id).execute(),
    db.selectFrom("coaching_feedback").select("id").where("engagement_id", "=", id).execute(),
  ]);
  return JSON.stringify({ engagement, ratings: ratings.length, sessions: sessions.length, feedback: feedback.length });
}

export async function requestState(db: Db, id: string) {
  const [request, engagements] = await Promise.all([
    db.selectFrom("coaching_requests").selectAll().where("id", "=", id).executeTakeFirst(),
    db.selectFrom("coaching_engagements").select("id").where("request_id", "=", id).execute(),
  ]);
  return JSON.stringify({ request, engagements: engagements.length });
}

export async function versionOf(
  db: Db,
  table: "coaching_programs" | "coaches" | "coaching_requests" | "coaching_sessions" | "coaching_engagements",
  id: string,
) {
  return (await db.selectFrom(table).select("version").where("id", "=", id).executeTakeFirst())?.version ?? 1;
}

/** Back to an active engagement with an agreement, whatever an earlier case did. */
export async function reopenEngagement(db: Db, id: string) {
  await db
    .updateTable("coaching_engagements")
    .set({ status: "active", closed_at: null, closing_summary: "", agreement_frequency: "Every two weeks" })
    .where("id", "=", id)
    .execute();
}

/** Back to an invitation nobody has answered. */
export async function resetInvitation(db: Db, id: string) {
  await db
    .updateTable("coaching_requests")
    .set({ status: "invited", accepted_at: null, declined_at: null })
    .where("id", "=", id)
    .execute();
}

/** Back to an accepted request waiting for a coach, with no engagement made from it. */
export async function resetOpenRequest(db: Db, id: string) {
  await db.deleteFrom("coaching_engagements").where("request_id", "=", id).execute();
  await db
    .updateTable("coaching_requests")
    .set({ status: "requested", coach_id: null, override_reason: null, decided_at: null, decided_by_user_id: null })
    .where("id", "=", id)
    .execute();
}

export async function programBody(db: Db, id: string) {
  const row = await db.selectFrom("coaching_programs").selectAll().where("id", "=", id).executeTakeFirst();
  return {
    name: row?.name ?? "Program",
    programType: row?.program_type ?? "skills_based",
    goalAndScope: row?.goal_and_scope ?? "Scope",
    levelsServed: JSON.parse(row?.levels_served ?? '["practice"]'),
    startupSchedule: JSON.parse(row?.startup_schedule ?? "[]"),
    feedbackMinimum: row?.feedback_minimum ?? 5,
    version: row?.version ?? 1,
  };
}

export async function coachBody(db: Db, id: string) {
  const row = await db.selectFrom("coaches").selectAll().where("id", "=", id).executeTakeFirst();
  return {
    personId: row?.person_id ?? null,
    partnerPersonId: row?.partner_person_id ?? (row ? null : "nobody"),
    coachKind: row?.coach_kind ?? "external",
    credentials: row?.credentials ?? "",
    modelFluency: row?.model_fluency ?? "fluent",
    strengthItemIds: [],
    languages: JSON.parse(row?.languages ?? "[]"),
    culturalKnowledge: row?.cultural_knowledge ?? "",
    capacityCoachees: row?.capacity_coachees ?? 1,
    capacityHoursPerMonth: row?.capacity_hours_per_month ?? 1,
    availableForNew: row ? row.available_for_new === 1 : true,
    regionOrgUnitId: null,
    mentorCoachId: row?.mentor_coach_id ?? null,
    version: row?.version ?? 1,
  };
}

export async function sessionBodyOf(db: Db, id: string) {
  const row = await db.selectFrom("coaching_sessions").selectAll().where("id", "=", id).executeTakeFirst();
  return {
    sessionDate: row?.session_date ?? "2026-02-02",
    startTime: row?.start_time ?? null,
    durationMinutes: row?.duration_minutes ?? 60,
    format: row?.session_format ?? "individual",
    status: "final",
    location: row?.location ?? "",
    participants: [],
    focusItemIds: [],
    stepsCovered: JSON.parse(row?.steps_covered ?? "[]"),
    reflectionEasy: row?.reflection_easy ?? "",
    reflectionHard: row?.reflection_hard ?? "",
    reflectionConfident: row?.reflection_confident ?? "",
    privateNotes: row?.private_notes ?? "",
    sharedSummary: row?.shared_summary ?? "",
    actionItems: [],
    barriers: [],
    version: row?.version ?? 1,
  };
}
