import type { Db } from "../../src/db/types.js";
import { insertCoach } from "../../src/features/coaching/coach.repo.js";
import { insertEngagement, updateEngagement } from "../../src/features/coaching/engagement.repo.js";
import { insertRequest } from "../../src/features/coaching/request.repo.js";
import { insertSession, updateSession } from "../../src/features/coaching/session.repo.js";
import type { World } from "./world.js";

/**
 * A Tribal partner person on a world's coach roster (taking no new coachees), coaching the N2
 * worker, with one logged session on the given date (90 minutes unless told) and one still a draft
 * that day. Written straight through the repositories, as the demo builders do.
 */
export async function buildPartnerCoaching(
  db: Db,
  world: World,
  partnerPersonId: string,
  options: { sessionDate?: string; minutes?: number } = {},
) {
  const agencyId = world.agency.id;
  const sessionDate = options.sessionDate ?? "2026-03-03";
  const minutes = options.minutes ?? 90;
  const createdBy = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", world.emails.coaching_supervisor)
    .executeTakeFirstOrThrow();
  const partnerCoach = await insertCoach(
    db,
    agencyId,
    {
      personId: null,
      partnerPersonId,
      coachKind: "tribal",
      credentials: "",
      modelFluency: "fluent",
      strengthItemIds: [],
      languages: ["English"],
      culturalKnowledge: "Kinship care and Tribal family meetings",
      capacityCoachees: 4,
      capacityHoursPerMonth: 10,
      // Full for now, so other tests' matching still finds the coach they expect at the top.
      availableForNew: false,
      regionOrgUnitId: null,
      mentorCoachId: null,
    },
    null,
  );
  const request = await insertRequest(db, agencyId, {
    programId: null,
    coacheePersonId: world.people.workerN2.id,
    origin: "self",
    status: "matched",
    goalsText: "Include extended family in planning",
    model: null,
    goalItemIds: [],
    preferredLanguage: null,
    invitationMessage: "",
    acceptedAt: "2026-02-01T09:00:00.000Z",
    createdByUserId: createdBy.id,
  });
  const partnerEngagement = await insertEngagement(db, agencyId, {
    requestId: request,
    programId: null,
    coachId: partnerCoach,
    coacheePersonId: world.people.workerN2.id,
    startedOn: "2026-02-02",
    model: null,
    goals: [{ id: "goal-1", text: "Include extended family in planning", itemIds: [] }],
  });
  await updateEngagement(db, agencyId, partnerEngagement, { status: "active" }, 1);
  const session = { sessionDate, startTime: "14:00", durationMinutes: minutes, format: "individual" as const };
  const partnerCoachingSession = await insertSession(db, agencyId, partnerEngagement, session, createdBy.id);
  await updateSession(db, agencyId, partnerCoachingSession, {
    ...session,
    status: "final",
    location: "",
    participants: [],
    focusItemIds: [],
    stepsCovered: ["goals"],
    reflectionEasy: "",
    reflectionHard: "",
    reflectionConfident: "",
    privateNotes: "",
    sharedSummary: "",
    actionItems: [],
    barriers: [],
    version: 1,
  });
  const partnerCoachingDraft = await insertSession(db, agencyId, partnerEngagement, session, createdBy.id);
  return { partnerCoach, partnerEngagement, partnerCoachingSession, partnerCoachingDraft };
}

export type PartnerCoachingRecords = Awaited<ReturnType<typeof buildPartnerCoaching>>;

/** What logging a session's hours changes: its link and the partner's hours entries. */
export async function partnerCoachingHoursState(db: Db, sessionId: string) {
  const links = await db.selectFrom("coaching_partner_hours").selectAll().where("session_id", "=", sessionId).execute();
  const entries = await db
    .selectFrom("partner_hours")
    .select(["id", "minutes", "activity", "work_date"])
    .where("source_type", "=", "coaching_session")
    .where("source_id", "=", sessionId)
    .execute();
  return JSON.stringify({ links, entries });
}

/** Takes a session's logged hours back out, so it waits again. */
export async function unlogPartnerCoachingHours(db: Db, sessionId: string) {
  await db.deleteFrom("coaching_partner_hours").where("session_id", "=", sessionId).execute();
  await db
    .deleteFrom("partner_hours")
    .where("source_type", "=", "coaching_session")
    .where("source_id", "=", sessionId)
    .execute();
}
