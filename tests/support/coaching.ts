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
