import type { Insertable } from "kysely";
import type { CoachingEngagementsTable, CoachingRequestsTable, CoachingSessionsTable } from "../../src/db/schema.js";
import type { Db } from "../../src/db/types.js";
import { findUserById } from "../../src/features/accounts/user.repo.js";
import { insertCoach } from "../../src/features/coaching/coach.repo.js";
import {
  COACHING_STEPS,
  type CoachInput,
  GOAL_AND_SCOPE_TEMPLATE,
  MODEL_FLUENCIES,
  type ProgramInput,
  SESSION_FORMATS,
} from "../../src/features/coaching/coaching.schema.js";
import { insertProgram } from "../../src/features/coaching/program.repo.js";
import { findPartnerOrganizations, findPartnerPeopleOfOrganization } from "../../src/features/partners/partner.repo.js";
import type { NewPerson } from "../../src/features/people/person.repo.js";
import { newId } from "../../src/shared/ids.js";
import type { StatewideExtension } from "./extensions.js";
import { addDays, allocate, type Random } from "./random.js";

/** 1,000,000 sessions for the default 30,000 staff, in proportion for other sizes. */
const SESSIONS_PER_STAFF = 1_000_000 / 30_000;
/** About 600 coaches for 30,000 staff. */
const STAFF_PER_COACH = 50;
/** Engagements ever started (open or closed), per staff person. */
const ENGAGEMENTS_PER_STAFF = 0.6;
/**
 * The share of an agency's engagements coached by the person behind the coach@ account, so
 * the benchmark has a large caseload to open: about 150 in the largest agency.
 */
const BENCH_COACH_SHARE = 0.04;
/** Engagements reach back this many days before the as-of day. */
const HISTORY_DAYS = 730;
/**
 * Rows per multi-row insert. A session has 23 columns, so 1,000 rows stay under SQLite's
 * limit of 32,766 bound parameters and PostgreSQL's of 65,535.
 */
const BATCH_ROWS = 1_000;

const SUMMARIES = [
  "Practiced opening a family meeting.",
  "Reviewed the last home visit together.",
  "Rehearsed a hard conversation about safety.",
  "Planned how to involve the extended family.",
  "Looked at what went well in the team staffing.",
];
const REFLECTIONS = ["Listening first.", "Keeping to time.", "Naming the worry plainly.", "Asking about strengths."];

function programsFor(agencyPeople: number): ProgramInput[] {
  const schedule = (levels: ProgramInput["levelsServed"]) =>
    levels.map((level, i) => ({ level, startDate: addDays("2024-01-08", i * 35) }));
  const programs: ProgramInput[] = [
    {
      name: "Practice model skills coaching",
      programType: "skills_based",
      goalAndScope: GOAL_AND_SCOPE_TEMPLATE,
      levelsServed: ["executive", "management", "supervisory", "practice"],
      startupSchedule: schedule(["executive", "management", "supervisory", "practice"]),
      feedbackMinimum: 5,
    },
    {
      name: "Leadership coaching",
      programType: "developmental",
      goalAndScope: GOAL_AND_SCOPE_TEMPLATE,
      levelsServed: ["executive", "management", "supervisory"],
      startupSchedule: schedule(["executive", "management", "supervisory"]),
      feedbackMinimum: 5,
    },
  ];
  if (agencyPeople >= 1_000) {
    programs.push({
      name: "Community and cultural coaching",
      programType: "cultural_community",
      goalAndScope: GOAL_AND_SCOPE_TEMPLATE,
      levelsServed: ["supervisory", "practice"],
      startupSchedule: schedule(["supervisory", "practice"]),
      feedbackMinimum: 5,
    });
  }
  return programs;
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) await insert(rows.slice(i, i + BATCH_ROWS));
}

function coachInput(
  who: { personId: string | null; partnerPersonId: string | null },
  kind: CoachInput["coachKind"],
  random: Random,
  languages: string[],
): CoachInput {
  return {
    ...who,
    coachKind: kind,
    credentials: kind === "internal" ? "" : "Certified in the practice model",
    modelFluency: random.pick(MODEL_FLUENCIES),
    strengthItemIds: [],
    languages,
    culturalKnowledge: kind === "tribal" ? "Tribal customs and the Indian Child Welfare Act" : "",
    capacityCoachees: random.integer(6, 20),
    capacityHoursPerMonth: random.integer(8, 40),
    availableForNew: random.chance(0.8),
    regionOrgUnitId: null,
    mentorCoachId: null,
  };
}

/** The staff people behind the agency's coach@ and coaching.supervisor@ accounts. */
async function accountPeople(db: Db, agencyId: string, userIds: (string | undefined)[]) {
  const ids: string[] = [];
  for (const userId of userIds) {
    const personId = userId ? (await findUserById(db, agencyId, userId))?.person_id : null;
    if (personId) ids.push(personId);
  }
  return ids;
}

/**
 * Coaching at statewide scale: programs, a coach roster of staff and of community and Tribal
 * partner people (about one coach per 50 staff), engagements at every level in every state for
 * about 60% of staff over two years, with the request each came from, a few requests and
 * invitations still open, and the coaching log: about 33 sessions per staff person, 1,000,000
 * for 30,000 staff. The person behind the coach@ account gets a large caseload.
 *
 * Programs and coaches go through the coaching repositories; requests, engagements and sessions
 * are written with multi-row inserts, since a million single-row inserts would take the
 * generator from seconds to many minutes.
 */
export const coachingExtension: StatewideExtension = {
  name: "coaching",
  async extendAgency(db, agency, random) {
    const active = agency.people.filter((p) => !p.endDate);
    const byId = new Map(agency.people.map((p) => [p.id, p]));
    const createdBy = agency.accounts.get("coaching_supervisor")?.userId ?? agency.accounts.get("admin")?.userId ?? "";

    const programIds: { id: string; levels: string[] }[] = [];
    for (const program of programsFor(agency.people.length)) {
      programIds.push({ id: await insertProgram(db, agency.id, program), levels: program.levelsServed });
    }

    // The coach roster: the account holders first, then leaders and experienced staff, then partners.
    const coachCount = Math.max(3, Math.round(agency.people.length / STAFF_PER_COACH));
    const [benchCoachPerson, supervisorCoachPerson] = await accountPeople(db, agency.id, [
      agency.accounts.get("coach")?.userId,
      agency.accounts.get("coaching_supervisor")?.userId,
    ]);
    const partnerPeople: { id: string; tribal: boolean; languages: string[] }[] = [];
    for (const organization of await findPartnerOrganizations(db, agency.id, { includeRetired: false })) {
      for (const person of await findPartnerPeopleOfOrganization(db, agency.id, organization.id)) {
        partnerPeople.push({ id: person.id, tribal: organization.kind === "tribe", languages: person.languages });
      }
    }
    const partnerCoaches = partnerPeople.slice(0, Math.round(coachCount * 0.3));
    const staffCoachIds = new Set([benchCoachPerson, supervisorCoachPerson].filter((id): id is string => !!id));
    const candidates = active.filter((p) => p.level !== "executive" && !staffCoachIds.has(p.id));
    while (staffCoachIds.size < coachCount - partnerCoaches.length && staffCoachIds.size < candidates.length) {
      staffCoachIds.add(random.pick(candidates).id);
    }
    const coaches: { id: string; personId: string | null }[] = [];
    for (const personId of staffCoachIds) {
      const person = byId.get(personId);
      const input = coachInput({ personId, partnerPersonId: null }, "internal", random, person?.languages ?? []);
      coaches.push({ id: await insertCoach(db, agency.id, input, null), personId });
    }
    for (const partner of partnerCoaches) {
      const kind = partner.tribal ? "tribal" : "community";
      const input = coachInput({ personId: null, partnerPersonId: partner.id }, kind, random, partner.languages);
      coaches.push({ id: await insertCoach(db, agency.id, input, null), personId: null });
    }
    const benchCoach = coaches[0];

    // Engagements: started over the last two years; the older, the likelier closed.
    const requests: Insertable<CoachingRequestsTable>[] = [];
    const engagements: (Insertable<CoachingEngagementsTable> & { lastDay: string })[] = [];
    const engagementCount = Math.round(agency.people.length * ENGAGEMENTS_PER_STAFF);
    const now = `${agency.asOf}T12:00:00.000Z`;
    const coacheePool = active.length > 0 ? active : agency.people;
    for (let e = 0; e < engagementCount; e++) {
      const coach =
        benchCoach && random.chance(BENCH_COACH_SHARE) ? benchCoach : (random.pick(coaches) as (typeof coaches)[0]);
      let coachee: NewPerson = random.pick(coacheePool);
      for (let attempt = 0; coachee.id === coach.personId && attempt < 5; attempt++) coachee = random.pick(coacheePool);
      if (coachee.id === coach.personId) continue;
      const age = random.integer(7, HISTORY_DAYS);
      const startedOn = addDays(agency.asOf, -age);
      const closed = random.chance(Math.min(0.9, age / HISTORY_DAYS + 0.1));
      const status = closed ? "closed" : age < 21 ? "getting_started" : random.chance(0.08) ? "not_yet" : "active";
      const closedOn = closed ? addDays(startedOn, random.integer(Math.min(30, age - 1), age - 1)) : null;
      const program = programIds.find((p) => p.levels.includes(coachee.level)) ?? programIds[0];
      const requestId = newId();
      const created = `${addDays(startedOn, -random.integer(3, 30))}T15:00:00.000Z`;
      requests.push({
        id: requestId,
        agency_id: agency.id,
        program_id: program?.id ?? null,
        coachee_person_id: coachee.id,
        origin: random.chance(0.6) ? "self" : "invitation",
        status: "matched",
        goals_text: "Grow in family engagement.",
        goal_item_ids: "[]",
        invitation_message: "",
        accepted_at: created,
        coach_id: coach.id,
        decided_by_user_id: createdBy,
        decided_at: created,
        created_by_user_id: createdBy,
        created_at: created,
        updated_at: created,
        version: 2,
      });
      engagements.push({
        id: newId(),
        agency_id: agency.id,
        request_id: requestId,
        program_id: program?.id ?? null,
        coach_id: coach.id,
        coachee_person_id: coachee.id,
        status,
        started_on: startedOn,
        readiness_decision: status === "getting_started" ? null : status === "not_yet" ? "not_yet" : "go",
        readiness_notes: "",
        agreement_goals: JSON.stringify([{ id: newId(), text: "Lead family meetings with confidence", itemIds: [] }]),
        agreement_frequency: "Every other week",
        agreement_format: "In person and in the field",
        agreement_duration: "Six months",
        agreement_roles: "",
        share_summaries_with_supervisor: random.chance(0.3) ? 1 : 0,
        closing_summary: closed ? "Goals met." : "",
        closed_at: closedOn ? `${closedOn}T17:00:00.000Z` : null,
        created_at: `${startedOn}T09:00:00.000Z`,
        updated_at: now,
        version: 3,
        lastDay: closedOn ?? agency.asOf,
      });
    }

    // Requests still waiting for a coach, and invitations waiting for an answer.
    const waiting = Math.max(1, Math.round(agency.people.length * 0.01));
    for (let w = 0; w < waiting; w++) {
      const coachee = random.pick(coacheePool);
      const invited = random.chance(0.3);
      const created = `${addDays(agency.asOf, -random.integer(0, 30))}T10:00:00.000Z`;
      requests.push({
        id: newId(),
        agency_id: agency.id,
        program_id: programIds[0]?.id ?? null,
        coachee_person_id: coachee.id,
        origin: invited ? "invitation" : "self",
        status: invited ? "invited" : "requested",
        goals_text: invited ? "" : "Hold steady in court testimony.",
        goal_item_ids: "[]",
        invitation_message: invited ? "Would you like a coach this spring?" : "",
        accepted_at: invited ? null : created,
        created_by_user_id: createdBy,
        created_at: created,
        updated_at: created,
        version: 1,
      });
    }

    // The coaching log: sessions spread over each engagement's life, longer lives getting more.
    const sessionTotal = Math.round(agency.people.length * SESSIONS_PER_STAFF);
    const spans = engagements.map((e) =>
      e.status === "getting_started"
        ? 0
        : Math.max(1, (Date.parse(e.lastDay) - Date.parse(e.started_on as string)) / 86_400_000),
    );
    const sessionsPer =
      engagements.length > 0
        ? allocate(
            sessionTotal,
            spans.map((span) => span * (0.5 + random.next())),
          )
        : [];

    await insertInBatches(requests, (batch) => db.insertInto("coaching_requests").values(batch).execute());
    await insertInBatches(
      engagements.map(({ lastDay: _lastDay, ...row }) => row),
      (batch) => db.insertInto("coaching_engagements").values(batch).execute(),
    );

    let sessions: Insertable<CoachingSessionsTable>[] = [];
    let sessionCount = 0;
    for (const [i, engagement] of engagements.entries()) {
      const count = sessionsPer[i] ?? 0;
      const span = Math.max(1, Math.floor(spans[i] ?? 1));
      for (let s = 0; s < count; s++) {
        const day = addDays(engagement.started_on as string, Math.floor(((s + random.next()) / count) * span));
        const draft = s === count - 1 && engagement.status !== "closed" && random.chance(0.1);
        const stamp = `${day}T16:00:00.000Z`;
        sessions.push({
          id: newId(),
          agency_id: agency.id,
          engagement_id: engagement.id as string,
          status: draft ? "draft" : "final",
          session_date: day,
          start_time: `${String(random.integer(8, 16)).padStart(2, "0")}:${random.chance(0.5) ? "00" : "30"}`,
          duration_minutes: random.integer(2, 8) * 15,
          session_format: random.pick(SESSION_FORMATS),
          location: random.chance(0.5) ? "Field office" : "",
          participants: "[]",
          focus_item_ids: "[]",
          steps_covered: JSON.stringify([random.pick(COACHING_STEPS)]),
          reflection_easy: random.pick(REFLECTIONS),
          reflection_hard: random.pick(REFLECTIONS),
          reflection_confident: "",
          private_notes: random.chance(0.4) ? "Follow up next time." : "",
          shared_summary: random.pick(SUMMARIES),
          action_items: "[]",
          created_by_user_id: createdBy,
          created_at: stamp,
          updated_at: stamp,
          version: 2,
        });
        if (sessions.length === BATCH_ROWS) {
          await db.insertInto("coaching_sessions").values(sessions).execute();
          sessionCount += sessions.length;
          sessions = [];
        }
      }
    }
    if (sessions.length > 0) {
      await db.insertInto("coaching_sessions").values(sessions).execute();
      sessionCount += sessions.length;
    }

    return {
      "coaching programs": programIds.length,
      coaches: coaches.length,
      "coaching requests": requests.length,
      "coaching engagements": engagements.length,
      "coaching sessions": sessionCount,
    };
  },
};
