import type { Db } from "../../src/db/types.js";
import { insertCoach } from "../../src/features/coaching/coach.repo.js";
import { insertObservation } from "../../src/features/coaching/coach-development.repo.js";
import { insertRoundtable } from "../../src/features/coaching/roundtable.repo.js";
import type { World } from "./world.js";

async function accountOf(db: Db, email: string) {
  const row = await db
    .selectFrom("users")
    .select(["id", "person_id"])
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  return { userId: row.id, personId: row.person_id as string };
}

/**
 * Coach development records around the world's roster coach (the coach account's person, see
 * `buildCoachingRecords`): the supervisor account's person joins the roster as that coach's
 * mentor and has observed them once; a roundtable facilitated by the coach invites both.
 * The coach's own line supervisor is the director (the executive account), who is no mentor.
 */
export async function buildCoachDevelopmentRecords(db: Db, world: World, coachId: string) {
  const agencyId = world.agency.id;
  const mentor = await accountOf(db, world.emails.supervisor);
  const mentorCoach = await insertCoach(
    db,
    agencyId,
    {
      personId: mentor.personId,
      partnerPersonId: null,
      coachKind: "internal",
      credentials: "",
      modelFluency: "teaches_others",
      strengthItemIds: [],
      languages: ["English"],
      culturalKnowledge: "",
      capacityCoachees: 2,
      capacityHoursPerMonth: 6,
      availableForNew: false,
      regionOrgUnitId: null,
      mentorCoachId: null,
    },
    null,
  );
  await db.updateTable("coaches").set({ mentor_coach_id: mentorCoach }).where("id", "=", coachId).execute();
  const coachObservation = await insertObservation(
    db,
    agencyId,
    coachId,
    {
      observedOn: "2026-02-10",
      format: "individual",
      skills: ["inquiry", "feedback"],
      strengths: "Open questions let the worker find her own next step.",
      thingsToTry: ["Pause longer after a question."],
    },
    mentor.userId,
  );
  const roundtable = await insertRoundtable(
    db,
    agencyId,
    {
      title: "Feedback that lands",
      heldOn: "2026-03-05",
      startTime: "14:00",
      durationMinutes: 90,
      facilitatorCoachId: coachId,
      topics: [{ text: "Giving constructive feedback to supervisors", itemId: null }],
      invitedCoachIds: [coachId, mentorCoach],
    },
    null,
    mentor.userId,
  );
  return { mentorCoach, coachObservation, roundtable };
}

export type CoachDevelopmentRecords = Awaited<ReturnType<typeof buildCoachDevelopmentRecords>>;
