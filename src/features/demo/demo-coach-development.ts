import type { Db } from "../../db/types.js";
import { findCoachesOfAgency, insertCoach } from "../coaching/coach.repo.js";
import {
  insertObservation,
  insertSkillRatings,
  updateObservationReflection,
} from "../coaching/coach-development.repo.js";
import { COACHING_SKILLS } from "../coaching/coach-development.schema.js";
import { insertRoundtable, updateRoundtableAttendance } from "../coaching/roundtable.repo.js";
import type { DemoStaff } from "./demo-partners-and-teams.js";

interface DemoRaters {
  coachingSupervisorUserId: string;
  coachUserId: string;
  supervisorUserId: string;
}

/** Levels for the eight skills in their fixed order, one list per sitting. */
function sitting(levels: readonly number[], ratedOn: string) {
  return {
    ratedOn,
    ratings: COACHING_SKILLS.map((skill, i) => ({ skill, rating: levels[i] ?? 2, note: "" })),
  };
}

/**
 * Coaches' own development in Wexler County: the first unit's supervisor joins the roster as a
 * coach of their own staff, mentored by the demo coach, while the coaching supervisor mentors the
 * demo coach. Both have self and mentor ratings from two sittings a quarter apart, one
 * observation each (the supervisor has already reflected on theirs), and the coaches meet in
 * three roundtables: two held, with attendance, and one coming up.
 */
export async function seedDemoCoachDevelopment(db: Db, agencyId: string, staff: DemoStaff, raters: DemoRaters) {
  const roster = await findCoachesOfAgency(db, agencyId);
  const demoCoach = roster.find((c) => c.personId === staff.coach.id);
  if (!demoCoach) return;
  const supervisorCoach = await insertCoach(
    db,
    agencyId,
    {
      personId: staff.supervisor.id,
      partnerPersonId: null,
      coachKind: "internal",
      credentials: "Unit supervisor coaching their own unit on the practice model.",
      modelFluency: "practicing",
      strengthItemIds: [],
      languages: ["English"],
      culturalKnowledge: "",
      capacityCoachees: 0,
      capacityHoursPerMonth: 4,
      availableForNew: false,
      regionOrgUnitId: staff.regionUnitId,
      mentorCoachId: demoCoach.id,
    },
    null,
  );

  const self = (userId: string) => ({ kind: "self" as const, userId });
  const mentor = (userId: string) => ({ kind: "mentor" as const, userId });
  // The demo coach: steady, with the mentor seeing more in feedback and rehearsal than they do themself.
  await insertSkillRatings(
    db,
    agencyId,
    demoCoach.id,
    sitting([3, 3, 2, 3, 2, 4, 3, 3], "2026-03-02"),
    self(raters.coachUserId),
  );
  await insertSkillRatings(
    db,
    agencyId,
    demoCoach.id,
    sitting([3, 4, 3, 3, 3, 4, 3, 3], "2026-03-09"),
    mentor(raters.coachingSupervisorUserId),
  );
  await insertSkillRatings(
    db,
    agencyId,
    demoCoach.id,
    sitting([3, 3, 3, 4, 3, 4, 3, 4], "2026-06-01"),
    self(raters.coachUserId),
  );
  await insertSkillRatings(
    db,
    agencyId,
    demoCoach.id,
    sitting([4, 4, 3, 4, 3, 4, 3, 4], "2026-06-08"),
    mentor(raters.coachingSupervisorUserId),
  );
  // The supervisor, new to coaching: rates themself higher at first than their mentor does.
  await insertSkillRatings(
    db,
    agencyId,
    supervisorCoach,
    sitting([2, 3, 2, 2, 1, 3, 2, 3], "2026-04-06"),
    self(raters.supervisorUserId),
  );
  await insertSkillRatings(
    db,
    agencyId,
    supervisorCoach,
    sitting([1, 2, 2, 2, 1, 3, 2, 2], "2026-04-13"),
    mentor(raters.coachUserId),
  );
  await insertSkillRatings(
    db,
    agencyId,
    supervisorCoach,
    sitting([2, 3, 3, 2, 2, 3, 2, 3], "2026-07-06"),
    self(raters.supervisorUserId),
  );
  await insertSkillRatings(
    db,
    agencyId,
    supervisorCoach,
    sitting([2, 3, 2, 3, 2, 3, 2, 3], "2026-07-13"),
    mentor(raters.coachUserId),
  );

  const ofSupervisor = await insertObservation(
    db,
    agencyId,
    supervisorCoach,
    {
      observedOn: "2026-05-12",
      format: "unit_meeting",
      skills: ["inquiry", "goal_setting"],
      strengths: "Opened the unit meeting with a question about the practice focus and waited for answers.",
      thingsToTry: [
        "Turn the first answer back to the group before giving your own view.",
        "Close with one small step each person will try this week.",
      ],
    },
    raters.coachUserId,
  );
  await updateObservationReflection(
    db,
    agencyId,
    ofSupervisor,
    "I still fill silences too quickly. Next meeting I will count to five before I speak.",
    1,
  );
  await insertObservation(
    db,
    agencyId,
    demoCoach.id,
    {
      observedOn: "2026-06-16",
      format: "behavioral_rehearsal",
      skills: ["behavioral_rehearsal", "feedback", "modeling"],
      strengths: "Modeled the hard sentence once, then let the coachee try it twice with specific feedback each time.",
      thingsToTry: ["Ask the coachee to name what changed between the two tries before you do."],
    },
    raters.coachingSupervisorUserId,
  );

  const everyCoach = [...roster.map((c) => c.id), supervisorCoach];
  const roundtables = [
    {
      title: "Coaching supervisors who coach their own staff",
      heldOn: "2026-04-21",
      facilitatorCoachId: demoCoach.id,
      topics: ["Holding two roles: supervisor and coach", "What stays between coach and coachee"],
      absent: [supervisorCoach],
    },
    {
      title: "Rehearsal that does not feel like a test",
      heldOn: "2026-06-23",
      facilitatorCoachId: null,
      topics: ["Setting up a behavioral rehearsal", "Feedback after a rehearsal"],
      absent: everyCoach.slice(1, 2),
    },
    {
      title: "Coaching across cultures and languages",
      heldOn: "2026-09-15",
      facilitatorCoachId: demoCoach.id,
      topics: ["Working with an interpreter in a coaching session", "Tribal coaches' practice in kinship care"],
      absent: null,
    },
  ];
  for (const r of roundtables) {
    const id = await insertRoundtable(
      db,
      agencyId,
      {
        title: r.title,
        heldOn: r.heldOn,
        startTime: "14:00",
        durationMinutes: 90,
        facilitatorCoachId: r.facilitatorCoachId,
        topics: r.topics.map((text) => ({ text, itemId: null })),
        invitedCoachIds: everyCoach,
      },
      null,
      raters.coachingSupervisorUserId,
    );
    const absent = r.absent;
    if (absent) {
      const attendance = everyCoach.map((coachId) => ({
        coachId,
        attendance: absent.includes(coachId) ? ("absent" as const) : ("present" as const),
      }));
      await updateRoundtableAttendance(db, agencyId, id, attendance, 1);
    }
  }
}
