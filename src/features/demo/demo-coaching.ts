import type { Db } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { insertCoach } from "../coaching/coach.repo.js";
import { type EngagementStatus, GOAL_AND_SCOPE_TEMPLATE } from "../coaching/coaching.schema.js";
import { insertEngagement, insertProgressRating, updateEngagement } from "../coaching/engagement.repo.js";
import { insertFeedback } from "../coaching/feedback.repo.js";
import { insertProgram } from "../coaching/program.repo.js";
import { insertRequest } from "../coaching/request.repo.js";
import { insertSession, replaceBarriersOfSession, updateSession } from "../coaching/session.repo.js";
import { findModelInUse } from "../model/model.service.js";
import { findPartnerOrganizations, findPartnerPeopleOfOrganization } from "../partners/partner.repo.js";
import type { DemoStaff } from "./demo-partners-and-teams.js";

/**
 * A coaching program on the family-centered model with coaches of every kind (the agency's own
 * coach, a Tribal coach and a community coach from the demo partners), engagements at every
 * level and in every state, a coaching log with private notes, and enough coachee feedback for
 * the coach's aggregate to show. The demo social worker is coached by the demo coach. The partner
 * coaches have logged sessions waiting for their hours to go into their compensation log.
 */
export async function seedDemoCoaching(db: Db, agencyId: string, staff: DemoStaff, createdByUserId: string) {
  const model = await findModelInUse(db, agencyId);
  if (!model) return;
  const behaviors = model.content.elements.flatMap((e) => e.behaviors.map((b) => b.id));
  const ref = { modelId: model.modelId, versionNumber: model.versionNumber };

  const partnerCoaches: { id: string; tribal: boolean; languages: string[] }[] = [];
  for (const organization of await findPartnerOrganizations(db, agencyId, { includeRetired: false })) {
    for (const person of await findPartnerPeopleOfOrganization(db, agencyId, organization.id)) {
      if (person.roles.includes("coach")) {
        partnerCoaches.push({ id: person.id, tribal: organization.kind === "tribe", languages: person.languages });
      }
    }
  }

  const program = await insertProgram(db, agencyId, {
    name: "Family-centered practice coaching",
    programType: "skills_based",
    goalAndScope: GOAL_AND_SCOPE_TEMPLATE,
    levelsServed: ["executive", "management", "supervisory", "practice"],
    startupSchedule: [
      { level: "executive", startDate: "2026-03-02" },
      { level: "management", startDate: "2026-04-06" },
      { level: "supervisory", startDate: "2026-05-04" },
      { level: "practice", startDate: "2026-07-06" },
    ],
    feedbackMinimum: 5,
  });

  const coachDefaults = {
    credentials: "",
    culturalKnowledge: "",
    capacityHoursPerMonth: 16,
    availableForNew: true,
    mentorCoachId: null,
  };
  const agencyCoach = await insertCoach(
    db,
    agencyId,
    {
      ...coachDefaults,
      personId: staff.coach.id,
      partnerPersonId: null,
      coachKind: "internal",
      credentials: "Certified in the family-centered practice model; ten years as a unit supervisor.",
      modelFluency: "teaches_others",
      strengthItemIds: behaviors,
      languages: ["English", "Spanish"],
      capacityCoachees: 10,
      capacityHoursPerMonth: 30,
      regionOrgUnitId: null,
    },
    ref,
  );
  const coachIds: string[] = [agencyCoach];
  for (const partner of partnerCoaches) {
    coachIds.push(
      await insertCoach(
        db,
        agencyId,
        {
          ...coachDefaults,
          personId: null,
          partnerPersonId: partner.id,
          coachKind: partner.tribal ? "tribal" : "community",
          modelFluency: "fluent",
          strengthItemIds: behaviors.slice(0, 8),
          languages: partner.languages,
          culturalKnowledge: partner.tribal
            ? "Ojibwe family and kinship traditions; ICWA practice."
            : "Parent partner programs; Vietnamese-speaking families on the east side.",
          capacityCoachees: 4,
          regionOrgUnitId: staff.regionUnitId,
          mentorCoachId: agencyCoach,
        },
        ref,
      ),
    );
  }
  const [tribalCoach = agencyCoach, communityCoach = agencyCoach] = coachIds.slice(1);

  const workers = staff.workers.map((w) => w.id);
  const engage = async (
    coacheePersonId: string,
    coachId: string,
    state: EngagementStatus,
    startedOn: string,
    goalText: string,
  ) => {
    const goalItems = behaviors.slice(0, 2);
    const request = await insertRequest(db, agencyId, {
      programId: program,
      coacheePersonId,
      origin: "self",
      status: "matched",
      goalsText: goalText,
      model: ref,
      goalItemIds: goalItems,
      preferredLanguage: null,
      invitationMessage: "",
      acceptedAt: `${startedOn}T15:00:00.000Z`,
      createdByUserId,
    });
    const goal = { id: newId(), text: goalText, itemIds: goalItems };
    const id = await insertEngagement(db, agencyId, {
      requestId: request,
      programId: program,
      coachId,
      coacheePersonId,
      startedOn,
      model: ref,
      goals: [goal],
    });
    if (state !== "getting_started") {
      await updateEngagement(
        db,
        agencyId,
        id,
        {
          status: state,
          readiness_decision: state === "not_yet" ? "not_yet" : "go",
          readiness_notes:
            state === "not_yet" ? "Caseload is too heavy this month; we will check again in six weeks." : "",
          readiness_checked_at: `${startedOn}T16:00:00.000Z`,
          agreement_frequency: state === "not_yet" ? "" : "Every two weeks",
          agreement_format: state === "not_yet" ? "" : "In person, with a field observation each month",
          agreement_duration: state === "not_yet" ? "" : "Six months, then review",
          agreement_roles:
            state === "not_yet"
              ? ""
              : "The coach observes, models and gives feedback; the coachee picks the situations to work on.",
          coach_acknowledged_at: state === "not_yet" ? null : `${startedOn}T17:00:00.000Z`,
          coachee_acknowledged_at: state === "not_yet" ? null : `${startedOn}T17:30:00.000Z`,
          ...(state === "closed"
            ? {
                closing_summary: "Goals reached: leads family meetings on her own now.",
                closed_at: "2026-10-30T18:00:00.000Z",
              }
            : {}),
        },
        1,
      );
    }
    return { id, goal };
  };

  const socialWorker = workers[0];
  if (socialWorker) {
    const { id, goal } = await engage(
      socialWorker,
      agencyCoach,
      "active",
      "2026-07-13",
      "Lead family team meetings with confidence",
    );
    const log: [string, "individual" | "field_observation" | "behavioral_rehearsal", string, string][] = [
      [
        "2026-08-03",
        "individual",
        "We named what a good family meeting feels like and set two goals.",
        "Nervous about the Okafor family meeting; wants to practice the opening.",
      ],
      [
        "2026-08-24",
        "behavioral_rehearsal",
        "Rehearsed opening a meeting by asking the family what matters most to them.",
        "Felt much calmer after two rehearsals.",
      ],
      [
        "2026-09-14",
        "field_observation",
        "Observed a family meeting; the family spoke first and set the agenda.",
        "Hard moment when the grandmother disagreed; handled it well.",
      ],
    ];
    for (const [date, format, summary, note] of log) {
      const sessionId = await insertSession(
        db,
        agencyId,
        id,
        { sessionDate: date, startTime: "10:00", durationMinutes: 60, format },
        createdByUserId,
      );
      await updateSession(db, agencyId, sessionId, {
        sessionDate: date,
        startTime: "10:00",
        durationMinutes: 60,
        format,
        status: "final",
        location: "Region 1 office",
        participants: [],
        focusItemIds: goal.itemIds,
        stepsCovered: ["goals", "observation_or_demonstration", "self_reflection", "feedback", "action_planning"],
        reflectionEasy: "Listening first",
        reflectionHard: "Keeping quiet while the family decided",
        reflectionConfident: "When the family agreed on the next step",
        privateNotes: note,
        sharedSummary: summary,
        actionItems: [{ id: newId(), text: "Co-lead the next family meeting", dueDate: "2026-10-01", status: "open" }],
        barriers: [],
        version: 1,
      });
      if (date === "2026-09-14") {
        await replaceBarriersOfSession(db, agencyId, sessionId, [
          { description: "No private room for family meetings at the office", category: "resources" },
        ]);
      }
    }
    for (const [ratedOn, rating] of [
      ["2026-08-03", 2],
      ["2026-08-24", 3],
      ["2026-09-14", 4],
    ] as const) {
      await insertProgressRating(db, agencyId, {
        engagementId: id,
        goalId: goal.id,
        ratedOn,
        rating,
        ratedByUserId: createdByUserId,
      });
    }
    for (const [satisfaction, usefulness, relationship] of [
      [5, 4, 5],
      [4, 4, 5],
      [5, 5, 5],
    ] as const) {
      await insertFeedback(db, agencyId, {
        engagementId: id,
        coachId: agencyCoach,
        sessionId: null,
        satisfaction,
        usefulness,
        relationship,
      });
    }
  }
  const [, second, third, fourth, fifth] = workers;
  if (second) {
    const { id } = await engage(
      second,
      agencyCoach,
      "closed",
      "2026-04-06",
      "Use strengths-based language in court reports",
    );
    for (const [satisfaction, usefulness, relationship] of [
      [4, 5, 4],
      [5, 4, 4],
      [3, 4, 4],
    ] as const) {
      await insertFeedback(db, agencyId, {
        engagementId: id,
        coachId: agencyCoach,
        sessionId: null,
        satisfaction,
        usefulness,
        relationship,
      });
    }
  }
  if (third)
    await engage(
      third,
      tribalCoach,
      "not_yet",
      "2026-10-05",
      "Work with extended family and the Tribe from the first contact",
    );
  const director = await engage(
    staff.director.id,
    communityCoach,
    "active",
    "2026-03-09",
    "Lead the agency's shift to family-centered practice",
  );
  const regionalManager = await engage(
    staff.regionalManager.id,
    tribalCoach,
    "active",
    "2026-04-13",
    "Coach office managers to support supervisors",
  );
  // Partner coaches' logged sessions whose hours the coaching supervisor has yet to log.
  const partnerSessions: [{ id: string; goal: { itemIds: string[] } }, string, number, string][] = [
    [regionalManager, "2026-10-19", 90, "Planned how office managers will open supervision with a strengths check-in."],
    [regionalManager, "2026-11-09", 60, "Reviewed the first month of check-ins; two offices want a joint session."],
    [director, "2026-11-02", 60, "Prepared the all-staff message on why family voice comes first."],
  ];
  for (const [engagement, date, minutes, summary] of partnerSessions) {
    const session = { sessionDate: date, startTime: "09:00", durationMinutes: minutes, format: "individual" as const };
    const sessionId = await insertSession(db, agencyId, engagement.id, session, createdByUserId);
    await updateSession(db, agencyId, sessionId, {
      ...session,
      status: "final",
      location: "Central office",
      participants: [],
      focusItemIds: engagement.goal.itemIds,
      stepsCovered: ["goals", "self_reflection", "action_planning"],
      reflectionEasy: "",
      reflectionHard: "",
      reflectionConfident: "",
      privateNotes: "",
      sharedSummary: summary,
      actionItems: [],
      barriers: [],
      version: 1,
    });
  }
  await engage(
    staff.supervisor.id,
    communityCoach,
    "getting_started",
    "2026-11-16",
    "Use supervision time for coaching, not only case review",
  );
  if (fourth) {
    await insertRequest(db, agencyId, {
      programId: program,
      coacheePersonId: fourth,
      origin: "invitation",
      status: "invited",
      goalsText: "",
      model: null,
      goalItemIds: [],
      preferredLanguage: null,
      invitationMessage: "Your unit starts practice-level coaching this season. Would you like a coach?",
      acceptedAt: null,
      createdByUserId,
    });
  }
  if (fifth) {
    await insertRequest(db, agencyId, {
      programId: program,
      coacheePersonId: fifth,
      origin: "self",
      status: "requested",
      goalsText: "Engage fathers in case planning",
      model: ref,
      goalItemIds: behaviors.slice(2, 4),
      preferredLanguage: "Spanish",
      invitationMessage: "",
      acceptedAt: "2026-11-20T14:00:00.000Z",
      createdByUserId,
    });
  }
}
