import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../src/features/access/roles.js";
import { currentTotpCode } from "../src/features/accounts/totp.js";
import { replaceCalendarFeed } from "../src/features/calendar/calendar-feed.repo.js";
import { insertRosterImport } from "../src/features/people/roster-import.repo.js";
import { previewRoster } from "../src/features/people/roster-import.service.js";
import { addSpareAccounts, type RoleActor, signInEveryRole } from "./support/actors.js";
import { buildCoachDevelopmentRecords, type CoachDevelopmentRecords } from "./support/coach-development.js";
import {
  buildCoachingRecordsForRoleTable,
  type CoachingRoleTableRecords,
  coachBody,
  coachingRowState,
  engagementState,
  programBody,
  reopenEngagement,
  requestState,
  resetInvitation,
  resetOpenRequest,
  sessionBodyOf,
  versionOf,
} from "./support/coaching.js";
import {
  buildFidelityRecords,
  consensusBody,
  countFidelityRows,
  historyRow,
  instrumentDraftBody,
  instrumentState,
  markObservationRated,
  markObservationReconciled,
  observationState,
  observerState,
  observerUpdateBody,
  partnerObserverEmail,
  ratingsOfAll,
  resetInstrument,
  resetObservation,
  sampleState,
} from "./support/fidelity.js";
import {
  buildCalibrationRecords,
  calibrationCaseState,
  clearCalibrationAttempts,
  countCalibrationCases,
  referenceOfAll,
} from "./support/fidelity-calibration.js";
import { clearFocusesOfUnit, FOCUS_MONTH, focusBody, focusesOfUnit, resetFocus } from "./support/model-focus.js";
import {
  buildPartnerCoaching,
  type PartnerCoachingRecords,
  partnerCoachingHoursState,
  unlogPartnerCoachingHours,
} from "./support/partner-coaching.js";
import { buildPartnersAndTeams, type PartnersAndTeams } from "./support/partners-and-teams.js";
import {
  buildPracticeModel,
  practiceModelDraftBody,
  practiceModelFile,
  practiceModelState,
  resetPracticeModel,
} from "./support/practice-models.js";
import { anonymous, type Client, signIn, startTestApp } from "./support/test-app.js";
import {
  attendanceBody,
  buildCurriculum,
  buildRolloutPlan,
  buildTrainingSession,
  clearLeaderPeriods,
  curriculaOf,
  curriculumEditBody,
  curriculumState,
  enrollmentsOf,
  firstPlannedUnitId,
  plannedUnitEditBody,
  removeEnrollments,
  rolloutPlanEditBody,
  rolloutPlanState,
  rolloutPlansOf,
  sessionEditBody,
  trainingSessionState,
  trainingSessionsOf,
} from "./support/training.js";
import {
  buildTrainingDeliveryRecords,
  deliveryCheckBody,
  deliveryCheckState,
  deliveryChecksOfSession,
  nudgeState,
  nudgesOfPerson,
  observerBody,
  removeDeliveryChecksOfSession,
  removeNudge,
  reopenNudge,
} from "./support/training-delivery.js";
import {
  buildTrainingSurvey,
  reopenSurvey,
  resetSessionSurveys,
  sessionSurveysState,
  surveyAnswersBody,
  surveyInstrumentBody,
  surveyInstrumentState,
  surveyState,
} from "./support/training-survey.js";
import { buildWorld, TEST_PASSWORD, type World } from "./support/world.js";

/**
 * Every route the router knows, tried by every role (and by nobody) against records in the
 * actor's own agency (inside and outside their scope), against another agency's records and
 * against ids that do not exist. The expectations below are written by hand from SPEC §1 —
 * deliberately not derived from policy.ts — so a slip in the policy makes this test fail.
 *
 * Another agency's record must answer exactly like an id that does not exist: 404 for a role
 * that holds the route's permission somewhere, and for a role that holds it nowhere the same
 * 403 the route gives before it looks anything up. Either way its existence never shows, and
 * nothing about it changes. No successful response may name any id or email of the other agency.
 */

const { app, routes, db } = await startTestApp();

type Response = LightMyRequestResponse;
type Requester = Pick<Client, "request">;
type Method = Parameters<Requester["request"]>[0];

const EVERY_ROLE: readonly Role[] = ROLES;
/** Partner viewers see aggregates only (SPEC §8): nothing row-level about staff or units. */
const STAFF_ROLES: readonly Role[] = ROLES.filter((role) => role !== "partner_viewer");

/** People of a world that expectations can name; "self" is the acting role's own person. */
const NAMED_PEOPLE = [
  "director",
  "northManager",
  "supervisorN1",
  "workerN1",
  "newcomerN1",
  "supervisorN2",
  "workerN2",
  "southManager",
  "workerS1",
] as const;
type NamedPerson = (typeof NAMED_PEOPLE)[number];
type PersonKey = "self" | NamedPerson;

/** Org units of a world, as buildWorld names them. */
const UNITS = ["root", "north", "northOffice", "unitN1", "unitN2", "south", "unitS1"] as const;
type UnitKey = (typeof UNITS)[number];

const EVERYONE = "everything in the agency";
type Reach = typeof EVERYONE | readonly (PersonKey | UnitKey)[];

/**
 * Whose person records each role may read. The world: North region (manager) → North Office →
 * units N1 (supervisor, worker = staff, newcomer) and N2; South region → unit S1; the director
 * and the other role holders sit at the agency root.
 */
const READ_REACH: Record<Role, Reach> = {
  admin: EVERYONE,
  implementation_lead: EVERYONE,
  training_coordinator: EVERYONE,
  coaching_supervisor: EVERYONE,
  executive: EVERYONE,
  manager: ["self", "supervisorN1", "workerN1", "newcomerN1", "supervisorN2", "workerN2"],
  supervisor: ["self", "workerN1", "newcomerN1"],
  staff: ["self"],
  trainer: ["self"],
  coach: ["self"],
  fidelity_observer: ["self"],
  partner_viewer: [],
};

/** Whose person records, accounts and org units each role may change: administrators only. */
const MANAGE_REACH: Record<Role, Reach> = {
  admin: EVERYONE,
  implementation_lead: [],
  training_coordinator: [],
  coaching_supervisor: [],
  executive: [],
  manager: [],
  supervisor: [],
  staff: [],
  trainer: [],
  coach: [],
  fidelity_observer: [],
  partner_viewer: [],
};

/** Who sees partners and teams (all staff), who changes them, and who sees and logs what partners are paid. */
const PARTNER_MANAGERS: readonly Role[] = ["admin", "implementation_lead"];
const PARTNER_PAY_ROLES: readonly Role[] = [...PARTNER_MANAGERS, "training_coordinator", "coaching_supervisor"];
/** Everyone signed in reads the published practice model (SPEC §2); only these edit, publish and import. */
const MODEL_EDITORS: readonly Role[] = ["admin", "implementation_lead"];
/** Supervisors choose their own unit's monthly focus, managers any unit they lead, editors any unit at all. */
const FOCUS_SETTERS: readonly Role[] = ["admin", "implementation_lead", "manager", "supervisor"];
const FOCUS_REACH: Record<Role, Reach> = {
  admin: EVERYONE,
  implementation_lead: EVERYONE,
  training_coordinator: [],
  coaching_supervisor: [],
  executive: [],
  manager: ["north", "northOffice", "unitN1", "unitN2"],
  supervisor: ["unitN1"],
  staff: [],
  trainer: [],
  coach: [],
  fidelity_observer: [],
  partner_viewer: [],
};
/** All staff read rollout plans; these build and change them (SPEC §3). */
const TRAINING_MANAGERS: readonly Role[] = ["admin", "implementation_lead", "training_coordinator"];
/** Attendance: those who manage training, and the trainer who trains the session. */
const ATTENDANCE_RECORDERS: readonly Role[] = [...TRAINING_MANAGERS, "trainer"];

interface Side {
  world: World;
  actors: Record<Role, RoleActor>;
  people: Record<NamedPerson, string>;
  units: Record<UnitKey, string>;
  /** One partner organization, partner person, agreement and team (with a parent team), and an uploaded roster. */
  records: PartnersAndTeams & {
    rosterImport: string;
    model: string;
    rolloutPlan: string;
    curriculum: string;
    trainingSession: string;
    trainingSurvey: string;
  } & CoachingRoleTableRecords &
    CoachDevelopmentRecords &
    FidelityRecordIds &
    CalibrationRecordIds &
    TrainingDeliveryRecordIds &
    PartnerCoachingRecords;
}
interface Ctx {
  actor: RoleActor;
  own: Side;
  other: Side;
}

type RouteCase =
  | {
      /** Open to anyone. */
      kind: "public";
      send(requester: Requester, ctx: { email: string }): Promise<Response>;
    }
  | {
      /**
       * No record id in the request: the route acts on the actor's own agency or own account,
       * so another agency cannot even be named. `check` verifies what a success returned.
       */
      kind: "own";
      allowed: readonly Role[];
      send(ctx: Ctx): Promise<Response>;
      check?(response: Response, ctx: Ctx): Promise<string | null>;
      cleanUp?(ctx: Ctx): Promise<void>;
      /** For writes: what must change when the route succeeds, and stay as it was otherwise. */
      state?(ctx: Ctx): Promise<string>;
    }
  | PersonRoute
  | UnitRoute
  | AgencyRecordRoute;

type RecordKey = keyof Side["records"];
/**
 * A route that names one agency-wide record (a partner, an agreement, a team). Its action is
 * granted across the agency or not at all, so the own agency's record is in reach exactly when
 * the role is allowed. `state` is what a write may change about the record.
 */
interface AgencyRecordRoute {
  kind: "record";
  record: RecordKey;
  allowed: readonly Role[];
  /**
   * Roles that hold the route's action but are no party to this record (coaching records
   * belong to their coach and coachee): refused on their own agency's record, and answered
   * like a missing id for another agency's.
   */
  holders?: readonly Role[];
  /** Roles whose successful read is itself audited (a private coaching note). */
  auditedReaders?: readonly Role[];
  unknownId?: string;
  prepare?(id: string): Promise<void>;
  send(client: Requester, id: string): Promise<Response>;
  cleanUp?(id: string, response: Response): Promise<void>;
  state(id: string): Promise<string>;
}

/** How a route that names one record (in its address or its body) is tried. */
interface RecordRoute<Key> {
  reach: Record<Role, Reach>;
  targets: readonly Key[];
  /**
   * What an id that does not exist gets from a role holding the permission: 404 when the id
   * is in the address, a field error when it is a reference inside the body.
   */
  unknownId?: string;
  /** Puts the target back in the state the request expects, whatever earlier cases did. */
  prepare?(id: string): Promise<void>;
  send(client: Requester, id: string): Promise<Response>;
  /** Undoes a success, so later cases and routes see the world as built. */
  cleanUp?(id: string, response: Response): Promise<void>;
}
interface PersonRoute extends RecordRoute<PersonKey> {
  kind: "person";
}
interface UnitRoute extends RecordRoute<UnitKey> {
  kind: "unit";
}

/** A valid edit: the person's current fields and version, so only authorization can refuse it. */
async function personUpdateBody(personId: string) {
  const row = await db.selectFrom("people").selectAll().where("id", "=", personId).executeTakeFirst();
  if (!row) {
    return {
      givenName: "No",
      familyName: "One",
      workEmail: "",
      jobRole: "other",
      level: "practice",
      hireDate: "",
      endDate: "",
      languages: [],
      version: 1,
    };
  }
  return {
    givenName: row.given_name,
    familyName: row.family_name,
    workEmail: row.work_email ?? "",
    jobRole: row.job_role,
    level: row.level,
    hireDate: row.hire_date ?? "",
    endDate: row.end_date ?? "",
    languages: JSON.parse(row.languages) as string[],
    version: row.version,
  };
}

function agencyRow(agencyId: string) {
  return db.selectFrom("agencies").selectAll().where("id", "=", agencyId).executeTakeFirstOrThrow();
}

async function setAccountActive(personId: string, active: boolean) {
  await db
    .updateTable("users")
    .set({ is_active: active ? 1 : 0 })
    .where("person_id", "=", personId)
    .execute();
}

async function clearTotp(userId: string) {
  await db.updateTable("users").set({ totp_enabled: 0, totp_secret: null }).where("id", "=", userId).execute();
}

async function startTotp(client: Requester): Promise<string> {
  const setup = await client.request("POST", "/api/auth/totp/setup", {});
  return setup.statusCode === 200 ? setup.json<{ secret: string }>().secret : "";
}

/** Undoes an ended employment: no end date, and the account signs in again. */
async function restoreEmployment(personId: string) {
  await db.updateTable("people").set({ end_date: null }).where("id", "=", personId).execute();
  await setAccountActive(personId, true);
}

async function unitRow(unitId: string) {
  return db.selectFrom("org_units").selectAll().where("id", "=", unitId).executeTakeFirst();
}

/** Everyone except the people whose accounts the table signs in with. */
const ACCOUNT_TARGETS = ["newcomerN1", "workerN2", "southManager", "workerS1"] as const;
const PERSON_TARGETS: readonly PersonKey[] = ["self", ...NAMED_PEOPLE];
/** The top of the agency can be renamed or built under, but neither moved nor retired. */
const MOVABLE_UNITS: readonly UnitKey[] = UNITS.filter((unit) => unit !== "root");
const FIELD_ERROR = "400 VALIDATION";

/** A roster naming the world's worker as they are: applying it is a real import that changes no one. */
async function buildRosterImport(world: World): Promise<string> {
  const id = randomUUID();
  const headers = ["Emp ID", "First Name", "Last Name", "Position", "Unit"];
  const rows = [["E4", "Worker", world.agency.slug, "Social Worker", "Unit N1"]];
  const createdByUserId = (
    await db.selectFrom("users").select("id").where("email", "=", world.emails.admin).executeTakeFirstOrThrow()
  ).id;
  const rowsJson = JSON.stringify({ headers, rows });
  await insertRosterImport(db, { id, agencyId: world.agency.id, fileName: "roster.csv", createdByUserId, rowsJson });
  return id;
}

/** Puts a roster import back to just uploaded, and (for the apply route) dry-runs it as its uploader. */
async function resetRosterImport(id: string, dryRun: boolean) {
  await db
    .updateTable("roster_imports")
    .set({ status: "uploaded", mapping_json: null, preview_json: null, summary_json: null, applied_at: null })
    .where("id", "=", id)
    .execute();
  const row = await db.selectFrom("roster_imports").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row || !dryRun) return;
  const uploader = {
    userId: row.created_by_user_id,
    agencyId: row.agency_id,
    personId: null,
    roles: ["admin" as const],
    orgUnitPath: null,
  };
  const columns = {
    employeeId: "Emp ID",
    givenName: "First Name",
    familyName: "Last Name",
    jobRole: "Position",
    unit: "Unit",
  };
  await previewRoster(db, uploader, id, { columns, jobRoles: {}, levels: {} });
}

async function rosterImportsOf(agencyId: string) {
  const rows = await db.selectFrom("roster_imports").select("id").where("agency_id", "=", agencyId).execute();
  return String(rows.length);
}

async function rosterImportState(id: string) {
  return JSON.stringify(await db.selectFrom("roster_imports").selectAll().where("id", "=", id).executeTakeFirst());
}

async function employeeIdsOf(personIds: string[]) {
  if (personIds.length === 0) return [];
  const rows = await db.selectFrom("people").select("employee_id").where("id", "in", personIds).execute();
  return rows.map((r) => r.employee_id ?? "");
}

/** Coaching: who manages programs, coaches and matching; who reads aggregates; who takes part. */
const COACHING_MANAGERS: readonly Role[] = ["coaching_supervisor"];
const COACHING_AGGREGATE_READERS: readonly Role[] = [
  "admin",
  "implementation_lead",
  "coaching_supervisor",
  "executive",
  "manager",
  "partner_viewer",
];
const COACHING_PARTICIPANTS: readonly Role[] = STAFF_ROLES;
/** The world engagement's coach and coachee, the coachee's supervisor, and its overseers. */
const ENGAGEMENT_READERS: readonly Role[] = ["coach", "staff", "supervisor", "admin", "coaching_supervisor"];

async function coachingCountOf(table: "coaching_programs" | "coaches" | "coaching_requests", agencyId: string) {
  return (await db.selectFrom(table).select("id").where("agency_id", "=", agencyId).execute()).length;
}

function coachBodyFor(personId: string) {
  return {
    personId,
    partnerPersonId: null,
    coachKind: "internal",
    credentials: "",
    modelFluency: "fluent",
    strengthItemIds: [],
    languages: ["English"],
    culturalKnowledge: "",
    capacityCoachees: 2,
    capacityHoursPerMonth: 8,
    availableForNew: true,
    regionOrgUnitId: null,
    mentorCoachId: null,
  };
}

/** A write only the engagement's coach and coachee may make; the engagement is reopened before each try. */
function engagementPartyWrite(
  send: (client: Requester, id: string, version: number) => Promise<Response>,
): AgencyRecordRoute {
  return {
    kind: "record",
    record: "engagement",
    allowed: ["coach", "staff"],
    holders: COACHING_PARTICIPANTS.filter((role) => role !== "coach" && role !== "staff"),
    prepare: (id) => reopenEngagement(db, id),
    state: (id) => engagementState(db, id),
    send: async (c, id) => send(c, id, await versionOf(db, "coaching_engagements", id)),
  };
}

/**
 * Coaches' own development: the world's roster coach (the coach account) is mentored by the
 * supervisor account's person, whose coach record is on the roster too. A coach's development is
 * read by the coach, that mentor and the coaching supervisor; the coach's own line supervisor
 * (the director, the executive account) and administrators hold the action but are no party.
 */
const DEVELOPMENT_READERS: readonly Role[] = ["coach", "supervisor", "coaching_supervisor"];
const DEVELOPMENT_MENTORS: readonly Role[] = ["supervisor", "coaching_supervisor"];
/** Roundtables: coaches on the roster (the coach and their mentor) and the coaching supervisor. */
const ROUNDTABLE_READERS: readonly Role[] = DEVELOPMENT_READERS;

async function coachDevelopmentState(coachId: string) {
  const [coach, ratings, observations] = await Promise.all([
    db.selectFrom("coaches").selectAll().where("id", "=", coachId).executeTakeFirst(),
    db.selectFrom("coach_skill_ratings").select("id").where("coach_id", "=", coachId).execute(),
    db.selectFrom("coach_observations").select("id").where("coach_id", "=", coachId).execute(),
  ]);
  return JSON.stringify({ coach, ratings: ratings.length, observations: observations.length });
}

async function roundtableRow(id: string) {
  return db.selectFrom("coaching_roundtables").selectAll().where("id", "=", id).executeTakeFirst();
}

const COACH_DEVELOPMENT_TABLE: Record<string, RouteCase> = {
  "GET /api/coaching/development": {
    kind: "own",
    allowed: STAFF_ROLES,
    send: ({ actor }) => actor.client.request("GET", "/api/coaching/development"),
    check: async (response, { actor, own }) => {
      const listed = response
        .json<{ coaches: { coachId: string }[] }>()
        .coaches.some((c) => c.coachId === own.records.coach);
      return listed === DEVELOPMENT_READERS.includes(actor.role) ? null : `the coach is ${listed ? "" : "not "}listed`;
    },
  },
  "GET /api/coaching/coaches/:coachId/development": {
    kind: "record",
    record: "coach",
    allowed: DEVELOPMENT_READERS,
    holders: STAFF_ROLES.filter((role) => !DEVELOPMENT_READERS.includes(role)),
    state: coachDevelopmentState,
    send: (c, id) => c.request("GET", `/api/coaching/coaches/${id}/development`),
  },
  "POST /api/coaching/coaches/:coachId/skill-ratings": {
    kind: "record",
    record: "coach",
    allowed: DEVELOPMENT_READERS,
    holders: STAFF_ROLES.filter((role) => !DEVELOPMENT_READERS.includes(role)),
    state: coachDevelopmentState,
    send: (c, id) =>
      c.request("POST", `/api/coaching/coaches/${id}/skill-ratings`, {
        ratedOn: "2026-07-01",
        ratings: [{ skill: "inquiry", rating: 3, note: "" }],
      }),
    cleanUp: async (id) => {
      await db.deleteFrom("coach_skill_ratings").where("coach_id", "=", id).execute();
    },
  },
  "POST /api/coaching/coaches/:coachId/observations": {
    kind: "record",
    record: "coach",
    allowed: DEVELOPMENT_MENTORS,
    holders: STAFF_ROLES.filter((role) => !DEVELOPMENT_MENTORS.includes(role)),
    state: coachDevelopmentState,
    send: (c, id) =>
      c.request("POST", `/api/coaching/coaches/${id}/observations`, {
        observedOn: "2026-07-01",
        format: "individual",
        skills: ["modeling"],
        strengths: "Showed the opening, then handed it over.",
        thingsToTry: ["Ask before showing."],
      }),
    cleanUp: async (_id, response) => {
      await db.deleteFrom("coach_observations").where("id", "=", response.json<{ id: string }>().id).execute();
    },
  },
  "PUT /api/coaching/coach-observations/:observationId/reflection": {
    kind: "record",
    record: "coachObservation",
    allowed: ["coach"],
    holders: STAFF_ROLES.filter((role) => role !== "coach"),
    state: async (id) =>
      JSON.stringify(await db.selectFrom("coach_observations").selectAll().where("id", "=", id).executeTakeFirst()),
    send: async (c, id) => {
      const row = await db.selectFrom("coach_observations").select("version").where("id", "=", id).executeTakeFirst();
      return c.request("PUT", `/api/coaching/coach-observations/${id}/reflection`, {
        reflection: "I hurried the pause again.",
        version: row?.version ?? 1,
      });
    },
  },
  "GET /api/coaching/roundtables": {
    kind: "own",
    allowed: ROUNDTABLE_READERS,
    send: ({ actor }) => actor.client.request("GET", "/api/coaching/roundtables"),
    check: async (response, { own }) =>
      response.json<{ items: { id: string }[] }>().items.some((r) => r.id === own.records.roundtable)
        ? null
        : "the roundtable is missing",
  },
  "POST /api/coaching/roundtables": {
    kind: "own",
    // The coaching supervisor schedules any; the coach schedules this one because they facilitate it.
    allowed: ["coach", "coaching_supervisor"],
    state: async ({ own }) =>
      String(
        (
          await db
            .selectFrom("coaching_roundtables")
            .select("id")
            .where("agency_id", "=", own.world.agency.id)
            .execute()
        ).length,
      ),
    send: ({ actor, own }) =>
      actor.client.request("POST", "/api/coaching/roundtables", {
        title: "Table roundtable",
        heldOn: "2026-07-02",
        startTime: "10:00",
        durationMinutes: 60,
        facilitatorCoachId: own.records.coach,
        topics: [{ text: "Silence in sessions", itemId: null }],
        invitedCoachIds: [own.records.coach, own.records.mentorCoach],
      }),
    cleanUp: async ({ own }) => {
      await db
        .deleteFrom("coaching_roundtables")
        .where("agency_id", "=", own.world.agency.id)
        .where("title", "=", "Table roundtable")
        .execute();
    },
  },
  "PUT /api/coaching/roundtables/:roundtableId/attendance": {
    kind: "record",
    record: "roundtable",
    // Its facilitator (the coach) and the coaching supervisor; the invited mentor may not.
    allowed: ["coach", "coaching_supervisor"],
    holders: STAFF_ROLES.filter((role) => role !== "coach" && role !== "coaching_supervisor"),
    state: async (id) => JSON.stringify(await roundtableRow(id)),
    send: async (c, id) => {
      const row = await roundtableRow(id);
      const invited: { coachId: string }[] = row ? JSON.parse(row.attendance) : [{ coachId: randomUUID() }];
      return c.request("PUT", `/api/coaching/roundtables/${id}/attendance`, {
        attendance: invited.map((a, i) => ({ coachId: a.coachId, attendance: i % 2 === 0 ? "present" : "absent" })),
        version: row?.version ?? 1,
      });
    },
    cleanUp: async (id) => {
      const row = await roundtableRow(id);
      const invited: { coachId: string }[] = row ? JSON.parse(row.attendance) : [];
      await db
        .updateTable("coaching_roundtables")
        .set({ attendance: JSON.stringify(invited.map((a) => ({ coachId: a.coachId, attendance: "unrecorded" }))) })
        .where("id", "=", id)
        .execute();
    },
  },
};

type FidelityRecordIds = Awaited<ReturnType<typeof buildFidelityRecords>>;
/** The fidelity team runs instruments, observers, samples, scheduling, imports and reliability. */
const FIDELITY_TEAM: readonly Role[] = ["admin", "implementation_lead"];
/** Who opens observations: the fidelity team, and the observers assigned (the world's fidelity observer is). */
const FIDELITY_RATERS: readonly Role[] = [...FIDELITY_TEAM, "fidelity_observer"];
/** Whose fidelity debriefs each role reads: their own, their supervisor line's reports, or all for the fidelity team. */
const DEBRIEF_REACH: Record<Role, Reach> = {
  admin: EVERYONE,
  implementation_lead: EVERYONE,
  executive: EVERYONE,
  manager: ["self", "supervisorN1", "workerN1", "newcomerN1", "supervisorN2", "workerN2"],
  supervisor: ["self", "workerN1", "newcomerN1"],
  training_coordinator: ["self"],
  coaching_supervisor: ["self"],
  staff: ["self"],
  trainer: ["self"],
  coach: ["self"],
  fidelity_observer: ["self"],
  partner_viewer: [],
};

/** Survey results: those who manage training, and trainers, who learn how their training lands. */
const SURVEY_RESULT_READERS: readonly Role[] = [...TRAINING_MANAGERS, "trainer"];

const TRAINING_SURVEY_TABLE: Record<string, RouteCase> = {
  "GET /api/training/survey-instrument": {
    kind: "own",
    allowed: TRAINING_MANAGERS,
    send: ({ actor }) => actor.client.request("GET", "/api/training/survey-instrument"),
  },
  "PUT /api/training/survey-instrument": {
    kind: "own",
    allowed: TRAINING_MANAGERS,
    state: ({ own }) => surveyInstrumentState(db, own.world.agency.id),
    send: async ({ actor, own }) =>
      actor.client.request(
        "PUT",
        "/api/training/survey-instrument",
        await surveyInstrumentBody(db, own.world.agency.id),
      ),
  },
  "POST /api/training-sessions/:sessionId/surveys": {
    kind: "record",
    record: "trainingSession",
    allowed: TRAINING_MANAGERS,
    prepare: (id) => resetSessionSurveys(db, id),
    state: (id) => sessionSurveysState(db, id),
    send: (c, id) => c.request("POST", `/api/training-sessions/${id}/surveys`, { phase: "post" }),
    cleanUp: (id) => resetSessionSurveys(db, id),
  },
  "POST /api/training/surveys/:surveyId/close": {
    kind: "record",
    record: "trainingSurvey",
    allowed: TRAINING_MANAGERS,
    prepare: (id) => reopenSurvey(db, id),
    state: (id) => surveyState(db, id),
    send: (c, id) => c.request("POST", `/api/training/surveys/${id}/close`),
    cleanUp: (id) => reopenSurvey(db, id),
  },
  "GET /api/training-sessions/:sessionId/survey-results": {
    kind: "record",
    record: "trainingSession",
    allowed: SURVEY_RESULT_READERS,
    state: (id) => trainingSessionState(db, id),
    send: (c, id) => c.request("GET", `/api/training-sessions/${id}/survey-results`),
  },
  "GET /api/training/my-surveys": {
    kind: "own",
    allowed: STAFF_ROLES,
    send: ({ actor }) => actor.client.request("GET", "/api/training/my-surveys"),
    // Only the worker is enrolled in the world's session, so only they have a survey waiting.
    check: async (response, { actor, own }) => {
      const waiting = response.json<{ waiting: { surveyId: string }[] }>().waiting.map((w) => w.surveyId);
      const expected = actor.role === "staff" ? [own.records.trainingSurvey] : [];
      return sameSet(waiting, expected) ? null : `lists ${waiting.length} waiting surveys`;
    },
  },
  // Only the people enrolled in the session answer its survey: in the world, the N1 worker (staff).
  "PUT /api/training/my-surveys/:surveyId": {
    kind: "record",
    record: "trainingSurvey",
    allowed: ["staff"],
    holders: STAFF_ROLES.filter((role) => role !== "staff"),
    prepare: (id) => reopenSurvey(db, id),
    state: (id) => surveyState(db, id),
    send: async (c, id) => c.request("PUT", `/api/training/my-surveys/${id}`, await surveyAnswersBody(db, id)),
    cleanUp: (id) => reopenSurvey(db, id),
  },
};

/**
 * Survey reach: the change per rollout period is for survey-result readers. Each person's change
 * goes to the training team and trainers for everyone, to supervisors and managers for the people
 * below them in their line, and to everyone else for themselves. In the world only the N1 worker
 * (the staff account) is enrolled in a surveyed session, below the supervisor and the manager.
 */
const SEES_WORKER_N1_SURVEY_CHANGE: readonly Role[] = [...SURVEY_RESULT_READERS, "supervisor", "manager", "staff"];
const SURVEY_REACH_TABLE: Record<string, RouteCase> = {
  "GET /api/training/survey-results/by-period": {
    kind: "own",
    allowed: SURVEY_RESULT_READERS,
    send: ({ actor }) => actor.client.request("GET", "/api/training/survey-results/by-period"),
  },
  "GET /api/training/survey-results/staff": {
    kind: "own",
    allowed: STAFF_ROLES,
    send: ({ actor }) => actor.client.request("GET", "/api/training/survey-results/staff"),
    check: async (response, { actor, own }) => {
      const listed = response.json<{ items: { personId: string }[] }>().items.map((i) => i.personId);
      const expected = SEES_WORKER_N1_SURVEY_CHANGE.includes(actor.role) ? [own.people.workerN1] : [];
      return sameSet(listed, expected) ? null : `lists ${listed.length} people`;
    },
  },
};

/** The coaching pages' own reads: a coach's calendar of the sessions they lead. */
const COACHING_UI_TABLE: Record<string, RouteCase> = {
  "GET /api/coaching/calendar": {
    kind: "own",
    allowed: COACHING_PARTICIPANTS,
    send: ({ actor }) => actor.client.request("GET", "/api/coaching/calendar?span=month"),
    check: async (response, { own }) => {
      const listed = response.json<{ sessions: { engagementId: string }[] }>().sessions.map((s) => s.engagementId);
      if (listed.length === 0) return null;
      const ownEngagements = await db
        .selectFrom("coaching_engagements")
        .select("id")
        .where("agency_id", "=", own.world.agency.id)
        .where("id", "in", listed)
        .execute();
      return ownEngagements.length === new Set(listed).size ? null : "lists a session of another agency";
    },
  },
};

const FIDELITY_TABLE: Record<string, RouteCase> = {
  "GET /api/fidelity/instruments": {
    kind: "own",
    allowed: FIDELITY_TEAM,
    send: ({ actor }) => actor.client.request("GET", "/api/fidelity/instruments"),
  },
  "POST /api/fidelity/instruments": {
    kind: "own",
    allowed: FIDELITY_TEAM,
    state: ({ own }) => countFidelityRows(db, "fidelity_instruments", own.world.agency.id),
    send: ({ actor }) => actor.client.request("POST", "/api/fidelity/instruments", { name: "Another instrument" }),
  },
  "GET /api/fidelity/instruments/:instrumentId": {
    kind: "record",
    record: "fidelityInstrument",
    allowed: FIDELITY_TEAM,
    state: (id) => instrumentState(db, id),
    send: (c, id) => c.request("GET", `/api/fidelity/instruments/${id}`),
  },
  "PUT /api/fidelity/instruments/:instrumentId/draft": {
    kind: "record",
    record: "fidelityInstrument",
    allowed: FIDELITY_TEAM,
    prepare: (id) => resetInstrument(db, id, true),
    state: (id) => instrumentState(db, id),
    send: async (c, id) => c.request("PUT", `/api/fidelity/instruments/${id}/draft`, await instrumentDraftBody(db, id)),
    cleanUp: (id) => resetInstrument(db, id, false),
  },
  "POST /api/fidelity/instruments/:instrumentId/draft": {
    kind: "record",
    record: "fidelityInstrument",
    allowed: FIDELITY_TEAM,
    prepare: (id) => resetInstrument(db, id, false),
    state: (id) => instrumentState(db, id),
    send: (c, id) => c.request("POST", `/api/fidelity/instruments/${id}/draft`),
    cleanUp: (id) => resetInstrument(db, id, false),
  },
  "POST /api/fidelity/instruments/:instrumentId/publish": {
    kind: "record",
    record: "fidelityInstrument",
    allowed: FIDELITY_TEAM,
    prepare: (id) => resetInstrument(db, id, true),
    state: (id) => instrumentState(db, id),
    send: async (c, id) =>
      c.request("POST", `/api/fidelity/instruments/${id}/publish`, {
        version: (await instrumentDraftBody(db, id)).version,
      }),
    cleanUp: (id) => resetInstrument(db, id, false),
  },
  "GET /api/fidelity/observers": {
    kind: "own",
    allowed: FIDELITY_TEAM,
    send: ({ actor }) => actor.client.request("GET", "/api/fidelity/observers"),
  },
  "POST /api/fidelity/observers": {
    kind: "own",
    allowed: FIDELITY_TEAM,
    state: ({ own }) => countFidelityRows(db, "fidelity_observers", own.world.agency.id),
    send: ({ actor, own }) =>
      actor.client.request("POST", "/api/fidelity/observers", {
        observerType: "agency_partner",
        personId: own.people.workerS1,
        trainedOn: "2025-01-01",
        certifiedOn: "2025-02-01",
        certificationExpiresOn: null,
      }),
    cleanUp: async ({ own }) => {
      await db.deleteFrom("fidelity_observers").where("person_id", "=", own.people.workerS1).execute();
    },
  },
  "PUT /api/fidelity/observers/:observerId": {
    kind: "record",
    record: "fidelityObserver",
    allowed: FIDELITY_TEAM,
    state: (id) => observerState(db, id),
    send: async (c, id) => c.request("PUT", `/api/fidelity/observers/${id}`, await observerUpdateBody(db, id)),
  },
  "POST /api/fidelity/samples": {
    kind: "own",
    allowed: FIDELITY_TEAM,
    state: ({ own }) => countFidelityRows(db, "fidelity_samples", own.world.agency.id),
    send: ({ actor, own }) =>
      actor.client.request("POST", "/api/fidelity/samples", {
        orgUnitId: own.units.north,
        periodStart: "2026-01-01",
        periodEnd: "2026-03-31",
        size: 2,
      }),
  },
  "GET /api/fidelity/samples/:sampleId": {
    kind: "record",
    record: "fidelitySample",
    allowed: FIDELITY_TEAM,
    state: (id) => sampleState(db, id),
    send: (c, id) => c.request("GET", `/api/fidelity/samples/${id}`),
  },
  "GET /api/fidelity/observations": {
    kind: "own",
    allowed: FIDELITY_RATERS,
    send: ({ actor }) => actor.client.request("GET", "/api/fidelity/observations"),
    check: async (response, { own }) =>
      response.json<{ items: { id: string }[] }>().items.some((o) => o.id === own.records.fidelityObservation)
        ? null
        : "the observation is missing",
  },
  "POST /api/fidelity/observations": {
    kind: "own",
    allowed: FIDELITY_TEAM,
    state: ({ own }) => countFidelityRows(db, "fidelity_observations", own.world.agency.id),
    send: async ({ actor, own }) => {
      const observers = await db
        .selectFrom("fidelity_observation_observers")
        .select("observer_id")
        .where("observation_id", "=", own.records.fidelityObservation)
        .execute();
      return actor.client.request("POST", "/api/fidelity/observations", {
        instrumentId: own.records.fidelityInstrument,
        eventType: "teaming_event",
        eventDate: "2026-05-04",
        staffPersonId: own.people.workerN2,
        observerIds: observers.map((o) => o.observer_id),
        consentReference: "CONSENT-2",
        consentGiven: true,
      });
    },
  },
  "POST /api/fidelity/observations/import": {
    kind: "own",
    allowed: FIDELITY_TEAM,
    state: ({ own }) => countFidelityRows(db, "fidelity_observations", own.world.agency.id),
    // A real (not dry-run) import of one new row, sent as the CSV file itself.
    send: ({ actor, own }) =>
      app.inject({
        method: "POST",
        url: `/api/fidelity/observations/import?instrumentId=${own.records.fidelityInstrument}`,
        headers: { cookie: actor.client.cookie, "x-csrf-token": actor.client.csrfToken, "content-type": "text/csv" },
        payload: historyRow(own.world),
      }),
  },
  "GET /api/fidelity/observations/:observationId": {
    kind: "record",
    record: "fidelityObservation",
    allowed: FIDELITY_RATERS,
    state: (id) => observationState(db, id),
    send: (c, id) => c.request("GET", `/api/fidelity/observations/${id}`),
  },
  "PUT /api/fidelity/observations/:observationId/my-ratings": {
    kind: "record",
    record: "fidelityObservation",
    // Only an observer assigned to the observation rates it; the fidelity team cannot rate for them.
    allowed: ["fidelity_observer"],
    prepare: (id) => resetObservation(db, id),
    state: (id) => observationState(db, id),
    send: (c, id) =>
      c.request("PUT", `/api/fidelity/observations/${id}/my-ratings`, { ratings: ratingsOfAll([3, 2, 3, 4]) }),
    cleanUp: (id) => resetObservation(db, id),
  },
  "PUT /api/fidelity/observations/:observationId/consensus": {
    kind: "record",
    record: "fidelityObservation",
    allowed: FIDELITY_RATERS,
    prepare: (id) => markObservationRated(db, id),
    state: (id) => observationState(db, id),
    send: async (c, id) => c.request("PUT", `/api/fidelity/observations/${id}/consensus`, await consensusBody(db, id)),
    cleanUp: (id) => resetObservation(db, id),
  },
  "GET /api/people/:personId/fidelity-debriefs": {
    kind: "person",
    reach: DEBRIEF_REACH,
    targets: PERSON_TARGETS,
    send: (c, id) => c.request("GET", `/api/people/${id}/fidelity-debriefs`),
  },
  "GET /api/fidelity/results": {
    kind: "own",
    allowed: ["admin", "implementation_lead", "executive", "manager", "supervisor", "partner_viewer"],
    send: ({ actor, own }) =>
      actor.client.request(
        "GET",
        `/api/fidelity/results?instrumentId=${own.records.fidelityInstrument}&groupBy=office`,
      ),
  },
  "GET /api/fidelity/reliability": {
    kind: "own",
    allowed: FIDELITY_TEAM,
    send: ({ actor, own }) =>
      actor.client.request("GET", `/api/fidelity/reliability?instrumentId=${own.records.fidelityInstrument}`),
  },
};
/** Whose debrief of the N1 worker each role opens: the worker, their supervisor line, and the fidelity team. */
const WORKER_N1_DEBRIEF_READERS: readonly Role[] = [...FIDELITY_TEAM, "executive", "manager", "supervisor", "staff"];
const FIDELITY_SUPERVISION_TABLE: Record<string, RouteCase> = {
  "GET /api/fidelity/debriefs": {
    kind: "own",
    allowed: STAFF_ROLES,
    send: ({ actor }) => actor.client.request("GET", "/api/fidelity/debriefs"),
  },
  "GET /api/fidelity/debriefs/:observationId": {
    kind: "record",
    record: "fidelityObservation",
    allowed: WORKER_N1_DEBRIEF_READERS,
    // Everyone else on staff reads their own debriefs, but this one is not about them or their staff.
    holders: STAFF_ROLES.filter((role) => !WORKER_N1_DEBRIEF_READERS.includes(role)),
    prepare: (id) => markObservationReconciled(db, id),
    state: (id) => observationState(db, id),
    send: (c, id) => c.request("GET", `/api/fidelity/debriefs/${id}`),
    cleanUp: (id) => resetObservation(db, id),
  },
  "GET /api/fidelity/results/people": {
    kind: "own",
    // Individual results are for the supervisor line; leaders and partners see aggregates only.
    allowed: ["manager", "supervisor"],
    send: ({ actor, own }) =>
      actor.client.request("GET", `/api/fidelity/results/people?instrumentId=${own.records.fidelityInstrument}`),
  },
};
type CalibrationRecordIds = Awaited<ReturnType<typeof buildCalibrationRecords>>;
/** Calibration: the team writes cases and reads everyone's results; observers on the roster rate cases. */
const FIDELITY_CALIBRATION_TABLE: Record<string, RouteCase> = {
  "GET /api/fidelity/calibration-cases": {
    kind: "own",
    allowed: FIDELITY_RATERS,
    send: ({ actor }) => actor.client.request("GET", "/api/fidelity/calibration-cases"),
    check: async (response, { own }) =>
      response.json<{ items: { id: string }[] }>().items.some((c) => c.id === own.records.fidelityCalibrationCase)
        ? null
        : "the calibration case is missing",
  },
  "POST /api/fidelity/calibration-cases": {
    kind: "own",
    allowed: FIDELITY_TEAM,
    state: ({ own }) => countCalibrationCases(db, own.world.agency.id),
    send: ({ actor, own }) =>
      actor.client.request("POST", "/api/fidelity/calibration-cases", {
        instrumentId: own.records.fidelityInstrument,
        title: "Another reference case",
        description: "A fictional family meeting.",
        reference: referenceOfAll([2, 3, 3, 4, 3, 2, 3, 3, 3]),
      }),
  },
  "GET /api/fidelity/calibration-cases/:caseId": {
    kind: "record",
    record: "fidelityCalibrationCase",
    allowed: FIDELITY_RATERS,
    state: (id) => calibrationCaseState(db, id),
    send: (c, id) => c.request("GET", `/api/fidelity/calibration-cases/${id}`),
  },
  "POST /api/fidelity/calibration-cases/:caseId/ratings": {
    kind: "record",
    record: "fidelityCalibrationCase",
    // Only observers on the roster calibrate; the fidelity team wrote the reference.
    allowed: ["fidelity_observer"],
    prepare: (id) => clearCalibrationAttempts(db, id),
    state: (id) => calibrationCaseState(db, id),
    send: (c, id) =>
      c.request("POST", `/api/fidelity/calibration-cases/${id}/ratings`, {
        ratings: ratingsOfAll([3, 3, 2, 3, 4, 3, 3, 3, 3]),
      }),
    cleanUp: (id) => clearCalibrationAttempts(db, id),
  },
  "GET /api/fidelity/calibration-results": {
    kind: "own",
    allowed: FIDELITY_TEAM,
    send: ({ actor }) => actor.client.request("GET", "/api/fidelity/calibration-results"),
  },
};
/** Coaching's paged reads (issue 6): one request by id, and an engagement's coaching log. */
const COACHING_PAGING_TABLE: Record<string, RouteCase> = {
  "GET /api/coaching/requests/:requestId": {
    kind: "record",
    record: "trainerInvitation",
    // The coaching supervisor, and the person the invitation is for.
    allowed: ["coaching_supervisor", "trainer"],
    holders: COACHING_PARTICIPANTS.filter((role) => role !== "coaching_supervisor" && role !== "trainer"),
    state: (id) => requestState(db, id),
    send: (c, id) => c.request("GET", `/api/coaching/requests/${id}`),
  },
  "GET /api/coaching/engagements/:engagementId/sessions": {
    kind: "record",
    record: "engagement",
    allowed: ENGAGEMENT_READERS,
    holders: COACHING_PARTICIPANTS.filter((role) => !ENGAGEMENT_READERS.includes(role)),
    state: (id) => engagementState(db, id),
    send: (c, id) => c.request("GET", `/api/coaching/engagements/${id}/sessions?page=1&pageSize=10`),
  },
};
/**
 * Following up an engagement (issue 6): its open action items and barriers, and marking an item
 * done. Like the sessions' own action items, these are the coach's and the coachee's alone.
 */
const FOLLOW_UP_PARTIES: readonly Role[] = ["coach", "staff"];
const FOLLOW_UP_ITEM = "follow-up-item";
const COACHING_FOLLOW_UP_TABLE: Record<string, RouteCase> = {
  "GET /api/coaching/engagements/:engagementId/follow-up": {
    kind: "record",
    record: "engagement",
    allowed: FOLLOW_UP_PARTIES,
    holders: COACHING_PARTICIPANTS.filter((role) => !FOLLOW_UP_PARTIES.includes(role)),
    state: (id) => engagementState(db, id),
    send: (c, id) => c.request("GET", `/api/coaching/engagements/${id}/follow-up`),
  },
  "PUT /api/coaching/sessions/:sessionId/action-items/:itemId/status": {
    kind: "record",
    record: "coachingSession",
    allowed: FOLLOW_UP_PARTIES,
    holders: COACHING_PARTICIPANTS.filter((role) => !FOLLOW_UP_PARTIES.includes(role)),
    // An open item in the logged session, whatever an earlier case (or the session's own PUT) left.
    prepare: async (id) => {
      const row = await db
        .selectFrom("coaching_sessions")
        .select("engagement_id")
        .where("id", "=", id)
        .executeTakeFirst();
      if (!row) return;
      await reopenEngagement(db, row.engagement_id);
      await db
        .updateTable("coaching_sessions")
        .set({
          action_items: JSON.stringify([
            { id: FOLLOW_UP_ITEM, text: "Try it with a family", dueDate: null, status: "open" },
          ]),
        })
        .where("id", "=", id)
        .execute();
    },
    state: (id) => coachingRowState(db, "coaching_sessions", id),
    send: async (c, id) =>
      c.request("PUT", `/api/coaching/sessions/${id}/action-items/${FOLLOW_UP_ITEM}/status`, {
        status: "done",
        version: await versionOf(db, "coaching_sessions", id),
      }),
  },
};
type TrainingDeliveryRecordIds = Awaited<ReturnType<typeof buildTrainingDeliveryRecords>>;
/** A delivery check is read by coordinators, the session's trainer and its observer (the world's fidelity observer). */
const DELIVERY_CHECK_READERS: readonly Role[] = [...TRAINING_MANAGERS, "trainer", "fidelity_observer"];
/** Supervisors nudge their unit's staff, managers everyone below them; nobody nudges themself. */
const NUDGE_REACH: Record<Role, Reach> = {
  admin: [],
  implementation_lead: [],
  training_coordinator: [],
  coaching_supervisor: [],
  executive: [],
  manager: ["supervisorN1", "workerN1", "newcomerN1", "supervisorN2", "workerN2"],
  supervisor: ["workerN1", "newcomerN1"],
  staff: [],
  trainer: [],
  coach: [],
  fidelity_observer: [],
  partner_viewer: [],
};

const TRAINING_DELIVERY_TABLE: Record<string, RouteCase> = {
  "GET /api/training/delivery-checks": {
    kind: "own",
    allowed: STAFF_ROLES,
    send: ({ actor }) => actor.client.request("GET", "/api/training/delivery-checks"),
    check: async (response, { actor, own }) => {
      const listed = response.json<{ items: { id: string }[] }>().items.some((c) => c.id === own.records.deliveryCheck);
      const shouldList = DELIVERY_CHECK_READERS.includes(actor.role);
      if (listed === shouldList) return null;
      return shouldList ? "the check the role may read is missing" : "lists a check the role is no party to";
    },
  },
  "GET /api/training/delivery-checklist": {
    kind: "own",
    allowed: STAFF_ROLES,
    send: ({ actor }) => actor.client.request("GET", "/api/training/delivery-checklist"),
  },
  "GET /api/training/delivery-checks/:checkId": {
    kind: "record",
    record: "deliveryCheck",
    allowed: DELIVERY_CHECK_READERS,
    holders: STAFF_ROLES.filter((role) => !DELIVERY_CHECK_READERS.includes(role)),
    state: (id) => deliveryCheckState(db, id),
    send: (c, id) => c.request("GET", `/api/training/delivery-checks/${id}`),
  },
  "PUT /api/training/delivery-checks/:checkId": {
    kind: "record",
    record: "deliveryCheck",
    allowed: ["fidelity_observer"],
    holders: STAFF_ROLES.filter((role) => role !== "fidelity_observer"),
    state: (id) => deliveryCheckState(db, id),
    send: async (c, id) => c.request("PUT", `/api/training/delivery-checks/${id}`, await deliveryCheckBody(db, id)),
  },
  "PUT /api/training-sessions/:sessionId/delivery-check": {
    kind: "record",
    record: "trainingSession",
    allowed: TRAINING_MANAGERS,
    state: (id) => deliveryChecksOfSession(db, id),
    send: async (c, id) => c.request("PUT", `/api/training-sessions/${id}/delivery-check`, await observerBody(db, id)),
    cleanUp: (id) => removeDeliveryChecksOfSession(db, id),
  },
  "POST /api/training/staff/:personId/nudges": {
    kind: "person",
    reach: NUDGE_REACH,
    targets: PERSON_TARGETS,
    send: (c, id) => c.request("POST", `/api/training/staff/${id}/nudges`, { message: "Please sign up." }),
    cleanUp: (_id, response) => removeNudge(db, response.json<{ id: string }>().id),
  },
  "POST /api/training/nudges/:nudgeId/dismiss": {
    kind: "record",
    record: "trainingNudge",
    allowed: ["staff"],
    holders: STAFF_ROLES.filter((role) => role !== "staff"),
    prepare: (id) => reopenNudge(db, id),
    state: (id) => nudgeState(db, id),
    send: (c, id) => c.request("POST", `/api/training/nudges/${id}/dismiss`),
  },
};

/**
 * A partner coach's logged session goes into the partner's compensation log. That takes reading
 * the coaching log and logging partners' hours: administrators and the coaching supervisor. Those
 * who log partners' hours for training alone hold the route's action but are refused.
 */
const PARTNER_COACHING_HOURS_LOGGERS: readonly Role[] = ["admin", "coaching_supervisor"];
const PARTNER_COACHING_HOURS_TABLE: Record<string, RouteCase> = {
  "GET /api/coaching/partner-hours": {
    kind: "own",
    allowed: PARTNER_COACHING_HOURS_LOGGERS,
    send: ({ actor }) => actor.client.request("GET", "/api/coaching/partner-hours"),
    check: async (response, { own }) => {
      const listed = response.json<{ items: { sessionId: string }[] }>().items.map((i) => i.sessionId);
      return listed.includes(own.records.partnerCoachingSession) ? null : "the waiting session is missing";
    },
  },
  "POST /api/coaching/partner-hours": {
    kind: "own",
    allowed: PARTNER_COACHING_HOURS_LOGGERS,
    state: ({ own }) => partnerCoachingHoursState(db, own.records.partnerCoachingSession),
    send: ({ actor }) => actor.client.request("POST", "/api/coaching/partner-hours"),
    cleanUp: ({ own }) => unlogPartnerCoachingHours(db, own.records.partnerCoachingSession),
  },
  "POST /api/coaching/sessions/:sessionId/partner-hours": {
    kind: "record",
    record: "partnerCoachingSession",
    allowed: PARTNER_COACHING_HOURS_LOGGERS,
    holders: ["implementation_lead", "training_coordinator"],
    prepare: (id) => unlogPartnerCoachingHours(db, id),
    state: (id) => partnerCoachingHoursState(db, id),
    send: (c, id) => c.request("POST", `/api/coaching/sessions/${id}/partner-hours`, {}),
    cleanUp: (id) => unlogPartnerCoachingHours(db, id),
  },
};

const TABLE: Record<string, RouteCase> = {
  "GET /api/health": { kind: "public", send: (c) => c.request("GET", "/api/health") },
  "GET /api/openapi.json": { kind: "public", send: (c) => c.request("GET", "/api/openapi.json") },
  "POST /api/auth/login": {
    kind: "public",
    send: (c, { email }) => c.request("POST", "/api/auth/login", { email, password: TEST_PASSWORD }),
  },

  "GET /api/auth/session": {
    kind: "own",
    allowed: EVERY_ROLE,
    send: ({ actor }) => actor.client.request("GET", "/api/auth/session"),
    check: async (response, { actor }) =>
      response.json<{ user: { id: string } }>().user.id === actor.userId ? null : "describes another user",
  },
  "POST /api/auth/logout": {
    kind: "own",
    allowed: EVERY_ROLE,
    // A session of its own, so the shared one stays signed in for the other cases.
    send: async ({ actor }) => (await signIn(app, actor.email)).request("POST", "/api/auth/logout"),
  },
  "POST /api/auth/password": {
    kind: "own",
    allowed: EVERY_ROLE,
    send: async ({ actor }) => {
      const { password_hash } = await db
        .selectFrom("users")
        .select("password_hash")
        .where("id", "=", actor.userId)
        .executeTakeFirstOrThrow();
      const response = await actor.client.request("POST", "/api/auth/password", {
        currentPassword: TEST_PASSWORD,
        newPassword: "a quiet river under seven bridges",
      });
      // Put the old password back so later sign-ins still work.
      await db.updateTable("users").set({ password_hash }).where("id", "=", actor.userId).execute();
      return response;
    },
  },
  "POST /api/auth/totp/setup": {
    kind: "own",
    allowed: EVERY_ROLE,
    send: ({ actor }) => actor.client.request("POST", "/api/auth/totp/setup", {}),
    cleanUp: ({ actor }) => clearTotp(actor.userId),
  },
  "POST /api/auth/totp/enable": {
    kind: "own",
    allowed: EVERY_ROLE,
    send: async ({ actor }) => {
      const secret = await startTotp(actor.client);
      return actor.client.request("POST", "/api/auth/totp/enable", { code: secret ? currentTotpCode(secret) : "0" });
    },
    cleanUp: ({ actor }) => clearTotp(actor.userId),
  },
  "POST /api/auth/totp/disable": {
    kind: "own",
    allowed: EVERY_ROLE,
    send: async ({ actor }) => {
      const secret = await startTotp(actor.client);
      const code = secret ? currentTotpCode(secret) : "0";
      await actor.client.request("POST", "/api/auth/totp/enable", { code });
      return actor.client.request("POST", "/api/auth/totp/disable", { code });
    },
    cleanUp: ({ actor }) => clearTotp(actor.userId),
  },

  "GET /api/home": { kind: "own", allowed: EVERY_ROLE, send: ({ actor }) => actor.client.request("GET", "/api/home") },
  "GET /api/agency": {
    kind: "own",
    allowed: EVERY_ROLE,
    send: ({ actor }) => actor.client.request("GET", "/api/agency"),
    check: async (response, { own }) =>
      response.json<{ id: string }>().id === own.world.agency.id ? null : "returned another agency",
  },
  "PUT /api/agency": {
    kind: "own",
    allowed: ["admin"],
    state: async ({ own }) => JSON.stringify(await agencyRow(own.world.agency.id)),
    send: async ({ actor, own }) => {
      const row = await agencyRow(own.world.agency.id);
      return actor.client.request("PUT", "/api/agency", {
        name: row.name,
        timeZone: row.time_zone,
        requireTotp: row.require_totp === 1,
        version: row.version,
      });
    },
  },
  "GET /api/org-units": {
    kind: "own",
    allowed: STAFF_ROLES,
    send: ({ actor }) => actor.client.request("GET", "/api/org-units"),
    check: async (response, { own }) => {
      const ids = response.json<{ units: { id: string }[] }>().units.map((u) => u.id);
      const rows = await db.selectFrom("org_units").select("id").where("agency_id", "=", own.world.agency.id).execute();
      const expected = rows.map((u) => u.id);
      return sameSet(ids, expected) ? null : `units ${ids.length}, expected ${expected.length}`;
    },
  },
  "GET /api/people": {
    kind: "own",
    allowed: STAFF_ROLES,
    send: ({ actor }) => actor.client.request("GET", "/api/people?active=all&pageSize=200"),
    check: async (response, ctx) => {
      const page = response.json<{ items: { id: string }[]; total: number }>();
      const ids = page.items.map((p) => p.id);
      const expected = await reachIds(READ_REACH[ctx.actor.role], "person", ctx.actor, ctx.own);
      if (!sameSet(ids, expected))
        return `listed ${describeIds(ids, ctx.own)}, expected ${describeIds(expected, ctx.own)}`;
      return page.total === expected.length ? null : `total ${page.total}, expected ${expected.length}`;
    },
  },
  "GET /api/audit-events": {
    kind: "own",
    allowed: ["admin"],
    send: ({ actor }) => actor.client.request("GET", "/api/audit-events?pageSize=200"),
  },

  "GET /api/people/:personId": {
    kind: "person",
    reach: READ_REACH,
    targets: PERSON_TARGETS,
    send: (c, id) => c.request("GET", `/api/people/${id}`),
  },
  "PUT /api/people/:personId": {
    kind: "person",
    reach: MANAGE_REACH,
    targets: PERSON_TARGETS,
    send: async (c, id) => c.request("PUT", `/api/people/${id}`, await personUpdateBody(id)),
  },
  "POST /api/people/:personId/account/deactivate": {
    kind: "person",
    reach: MANAGE_REACH,
    targets: ACCOUNT_TARGETS,
    prepare: (id) => setAccountActive(id, true),
    send: (c, id) => c.request("POST", `/api/people/${id}/account/deactivate`),
  },
  "POST /api/people/:personId/account/reactivate": {
    kind: "person",
    reach: MANAGE_REACH,
    targets: ACCOUNT_TARGETS,
    prepare: (id) => setAccountActive(id, false),
    send: (c, id) => c.request("POST", `/api/people/${id}/account/reactivate`),
  },

  "POST /api/people": {
    kind: "unit",
    reach: MANAGE_REACH,
    targets: UNITS,
    // The unit is named in the body, so an unknown one is a field error rather than a 404.
    unknownId: FIELD_ERROR,
    send: (c, orgUnitId) =>
      c.request("POST", "/api/people", {
        employeeId: `H-${randomUUID().slice(0, 8)}`,
        givenName: "New",
        familyName: "Hire",
        jobRole: "social_worker",
        level: "practice",
        orgUnitId,
      }),
    cleanUp: async (_orgUnitId, response) => {
      await db.deleteFrom("people").where("id", "=", response.json<{ id: string }>().id).execute();
    },
  },
  "POST /api/people/:personId/transfer": {
    kind: "person",
    reach: MANAGE_REACH,
    targets: PERSON_TARGETS,
    // A transfer to the person's current unit and supervisor: versioned, yet every scope stays as built.
    send: async (c, id) => {
      const row = await db.selectFrom("people").selectAll().where("id", "=", id).executeTakeFirst();
      return c.request("POST", `/api/people/${id}/transfer`, {
        orgUnitId: row?.org_unit_id ?? randomUUID(),
        supervisorId: row?.supervisor_id ?? null,
        version: row?.version ?? 1,
      });
    },
  },
  "POST /api/people/:personId/end-employment": {
    kind: "person",
    reach: MANAGE_REACH,
    targets: ACCOUNT_TARGETS,
    prepare: restoreEmployment,
    send: async (c, id) => {
      const row = await db.selectFrom("people").select("version").where("id", "=", id).executeTakeFirst();
      return c.request("POST", `/api/people/${id}/end-employment`, {
        endDate: new Date().toISOString().slice(0, 10),
        version: row?.version ?? 1,
      });
    },
    cleanUp: restoreEmployment,
  },

  "POST /api/roster-imports": {
    kind: "own",
    allowed: ["admin"],
    state: async ({ own }) => await rosterImportsOf(own.world.agency.id),
    send: ({ actor }) =>
      actor.client.request("POST", "/api/roster-imports", {
        fileName: "roster.csv",
        content: Buffer.from("Emp ID,First Name\nE4,Worker\n").toString("base64"),
      }),
  },
  "GET /api/roster-imports/:importId": {
    kind: "record",
    record: "rosterImport",
    allowed: ["admin"],
    state: rosterImportState,
    send: (c, id) => c.request("GET", `/api/roster-imports/${id}`),
  },
  "POST /api/roster-imports/:importId/preview": {
    kind: "record",
    record: "rosterImport",
    allowed: ["admin"],
    prepare: (id) => resetRosterImport(id, false),
    state: rosterImportState,
    send: (c, id) =>
      c.request("POST", `/api/roster-imports/${id}/preview`, {
        columns: {
          employeeId: "Emp ID",
          givenName: "First Name",
          familyName: "Last Name",
          jobRole: "Position",
          unit: "Unit",
        },
      }),
  },
  "POST /api/roster-imports/:importId/apply": {
    kind: "record",
    record: "rosterImport",
    allowed: ["admin"],
    prepare: (id) => resetRosterImport(id, true),
    state: rosterImportState,
    send: (c, id) => c.request("POST", `/api/roster-imports/${id}/apply`),
  },
  "POST /api/people/export": {
    kind: "own",
    allowed: STAFF_ROLES,
    send: ({ actor }) => actor.client.request("POST", "/api/people/export", { format: "csv" }),
    // Exactly the people the role may read, by employee id (the first column; none holds a comma or quote).
    check: async (response, ctx) => {
      const exported = response.body
        .trim()
        .split("\r\n")
        .slice(1)
        .map((line) => line.split(",")[0] ?? "");
      const expected = await employeeIdsOf(await reachIds(READ_REACH[ctx.actor.role], "person", ctx.actor, ctx.own));
      return sameSet(exported, expected) ? null : `exported ${exported.length} people, expected ${expected.length}`;
    },
  },

  "POST /api/org-units": {
    kind: "unit",
    reach: MANAGE_REACH,
    targets: UNITS,
    // The parent is named in the body, so an unknown one is a field error rather than a 404.
    unknownId: FIELD_ERROR,
    send: (c, parentId) =>
      c.request("POST", "/api/org-units", { parentId, name: `Unit ${randomUUID().slice(0, 8)}`, kind: "unit" }),
    cleanUp: async (_parentId, response) => {
      await db.deleteFrom("org_units").where("id", "=", response.json<{ id: string }>().id).execute();
    },
  },
  "PUT /api/org-units/:orgUnitId/name": {
    kind: "unit",
    reach: MANAGE_REACH,
    targets: UNITS,
    send: async (c, id) => {
      const unit = await unitRow(id);
      return c.request("PUT", `/api/org-units/${id}/name`, {
        name: unit?.name ?? "Nowhere",
        version: unit?.version ?? 1,
      });
    },
  },
  "POST /api/org-units/:orgUnitId/move": {
    kind: "unit",
    reach: MANAGE_REACH,
    targets: MOVABLE_UNITS,
    // Moving under the current parent is a real, versioned move that leaves every scope as built.
    send: async (c, id) => {
      const unit = await unitRow(id);
      return c.request("POST", `/api/org-units/${id}/move`, {
        parentId: unit?.parent_id ?? randomUUID(),
        version: unit?.version ?? 1,
      });
    },
  },
  "POST /api/org-units/:orgUnitId/retirement": {
    kind: "unit",
    reach: MANAGE_REACH,
    targets: MOVABLE_UNITS,
    // Reopening an open unit: a valid write that keeps the unit usable for later cases.
    send: async (c, id) =>
      c.request("POST", `/api/org-units/${id}/retirement`, {
        retired: false,
        version: (await unitRow(id))?.version ?? 1,
      }),
  },

  "GET /api/partner-organizations": {
    kind: "own",
    allowed: STAFF_ROLES,
    send: ({ actor }) => actor.client.request("GET", "/api/partner-organizations"),
    check: (response, { own }) => sameRowsOf("partner_organizations", response, own),
  },
  "POST /api/partner-organizations": {
    kind: "own",
    allowed: PARTNER_MANAGERS,
    state: async ({ own }) => String(await countOf("partner_organizations", own.world.agency.id)),
    send: ({ actor }) =>
      actor.client.request("POST", "/api/partner-organizations", {
        kind: "community_organization",
        name: `Partner ${randomUUID().slice(0, 8)}`,
      }),
  },
  "GET /api/partner-organizations/:partnerOrganizationId": {
    kind: "record",
    record: "partnerOrganization",
    allowed: STAFF_ROLES,
    state: partnerOrganizationState,
    send: (c, id) => c.request("GET", `/api/partner-organizations/${id}`),
  },
  "PUT /api/partner-organizations/:partnerOrganizationId": {
    kind: "record",
    record: "partnerOrganization",
    allowed: PARTNER_MANAGERS,
    state: partnerOrganizationState,
    send: async (c, id) => c.request("PUT", `/api/partner-organizations/${id}`, await partnerOrganizationBody(id)),
  },
  "POST /api/partner-organizations/:partnerOrganizationId/people": {
    kind: "record",
    record: "partnerOrganization",
    allowed: PARTNER_MANAGERS,
    state: partnerOrganizationState,
    send: (c, id) =>
      c.request("POST", `/api/partner-organizations/${id}/people`, { fullName: "New Partner", roles: ["coach"] }),
    cleanUp: async (_id, response) => {
      await db.deleteFrom("partner_people").where("id", "=", response.json<{ id: string }>().id).execute();
    },
  },
  "GET /api/partner-people/:partnerPersonId": {
    kind: "record",
    record: "partnerPerson",
    allowed: STAFF_ROLES,
    state: partnerPersonState,
    send: (c, id) => c.request("GET", `/api/partner-people/${id}`),
  },
  "PUT /api/partner-people/:partnerPersonId": {
    kind: "record",
    record: "partnerPerson",
    allowed: PARTNER_MANAGERS,
    state: partnerPersonState,
    send: async (c, id) => c.request("PUT", `/api/partner-people/${id}`, await partnerPersonBody(id)),
  },
  "POST /api/partner-people/:partnerPersonId/account": {
    kind: "record",
    record: "partnerPerson",
    allowed: ["admin"],
    state: partnerPersonState,
    send: (c, id) =>
      c.request("POST", `/api/partner-people/${id}/account`, {
        email: `viewer-${randomUUID().slice(0, 8)}@partner.test`,
        password: "a quiet river under seven bridges",
      }),
    cleanUp: async (_id, response) => {
      const { userId } = response.json<{ userId: string }>();
      await db.deleteFrom("user_roles").where("user_id", "=", userId).execute();
      await db.deleteFrom("users").where("id", "=", userId).execute();
    },
  },
  "POST /api/partner-people/:partnerPersonId/agreements": {
    kind: "record",
    record: "partnerPerson",
    allowed: PARTNER_MANAGERS,
    state: partnerPersonState,
    send: (c, id) =>
      c.request("POST", `/api/partner-people/${id}/agreements`, {
        kind: "stipend",
        rateCents: 25000,
        rateUnit: "month",
        budgetedHours: 20,
        startDate: "2026-01-01",
        endDate: "",
      }),
    cleanUp: async (_id, response) => {
      await db.deleteFrom("compensation_agreements").where("id", "=", response.json<{ id: string }>().id).execute();
    },
  },
  "PUT /api/partner-agreements/:agreementId": {
    kind: "record",
    record: "agreement",
    allowed: PARTNER_MANAGERS,
    state: agreementState,
    send: async (c, id) => c.request("PUT", `/api/partner-agreements/${id}`, await agreementBody(id)),
  },
  "POST /api/partner-agreements/:agreementId/hours": {
    kind: "record",
    record: "agreement",
    allowed: PARTNER_PAY_ROLES,
    state: agreementState,
    send: (c, id) =>
      c.request("POST", `/api/partner-agreements/${id}/hours`, {
        activity: "coaching",
        workDate: "2026-02-03",
        hours: 1.5,
        note: "Coached a unit",
      }),
  },
  "GET /api/teams": {
    kind: "own",
    allowed: STAFF_ROLES,
    send: ({ actor }) => actor.client.request("GET", "/api/teams"),
    check: (response, { own }) => sameRowsOf("teams", response, own),
  },
  "POST /api/teams": {
    kind: "own",
    allowed: PARTNER_MANAGERS,
    state: async ({ own }) => String(await countOf("teams", own.world.agency.id)),
    send: ({ actor }) =>
      actor.client.request("POST", "/api/teams", { name: `Team ${randomUUID().slice(0, 8)}`, kind: "unit_team" }),
  },
  "GET /api/teams/:teamId": {
    kind: "record",
    record: "team",
    allowed: STAFF_ROLES,
    state: teamState,
    send: (c, id) => c.request("GET", `/api/teams/${id}`),
  },
  "PUT /api/teams/:teamId": {
    kind: "record",
    record: "team",
    allowed: PARTNER_MANAGERS,
    state: teamState,
    send: async (c, id) => c.request("PUT", `/api/teams/${id}`, await teamBody(id)),
  },
  "POST /api/teams/:teamId/members": {
    kind: "record",
    record: "team",
    allowed: PARTNER_MANAGERS,
    state: teamState,
    send: async (c, id) =>
      c.request("POST", `/api/teams/${id}/members`, {
        partnerPersonId: await partnerPersonBesideTeam(id),
        role: "member",
      }),
    cleanUp: async (_id, response) => {
      await db.deleteFrom("team_members").where("id", "=", response.json<{ id: string }>().id).execute();
    },
  },
  "DELETE /api/teams/:teamId/members/:memberId": {
    kind: "record",
    record: "team",
    allowed: PARTNER_MANAGERS,
    state: teamState,
    prepare: ensureTeamMember,
    send: async (c, id) => {
      const member = await db.selectFrom("team_members").select("id").where("team_id", "=", id).executeTakeFirst();
      return c.request("DELETE", `/api/teams/${id}/members/${member?.id ?? randomUUID()}`);
    },
  },
  "GET /api/calendar-feed": {
    kind: "own",
    allowed: EVERY_ROLE,
    send: ({ actor }) => actor.client.request("GET", "/api/calendar-feed"),
  },
  "POST /api/calendar-feed": {
    kind: "own",
    allowed: EVERY_ROLE,
    send: ({ actor }) => actor.client.request("POST", "/api/calendar-feed"),
  },
  "DELETE /api/calendar-feed": {
    kind: "own",
    allowed: EVERY_ROLE,
    send: async ({ actor }) => {
      await actor.client.request("POST", "/api/calendar-feed");
      return actor.client.request("DELETE", "/api/calendar-feed");
    },
  },
  "GET /api/calendar/:token": {
    kind: "public",
    // Calendar programs have no session: the secret address alone opens the feed.
    send: async (requester, { email }) => requester.request("GET", await calendarFeedPathOf(email)),
  },
  "GET /api/model-schema.json": {
    kind: "public",
    send: (requester) => requester.request("GET", "/api/model-schema.json"),
  },
  "GET /api/models": {
    kind: "own",
    allowed: EVERY_ROLE,
    send: ({ actor }) => actor.client.request("GET", "/api/models"),
    check: async (response, { own }) =>
      response.json<{ items: { id: string }[] }>().items.some((m) => m.id === own.records.model)
        ? null
        : "the published model is missing",
  },
  "POST /api/models": {
    kind: "own",
    allowed: MODEL_EDITORS,
    state: async ({ own }) => await practiceModelsOf(own.world.agency.id),
    send: ({ actor }) =>
      actor.client.request("POST", "/api/models", { name: "Another model", description: "", template: "blank" }),
  },
  "POST /api/models/import": {
    kind: "own",
    allowed: MODEL_EDITORS,
    state: async ({ own }) => await practiceModelsOf(own.world.agency.id),
    send: async ({ actor, own }) =>
      actor.client.request("POST", "/api/models/import", { document: await practiceModelFile(db, own.records.model) }),
  },
  "GET /api/models/:modelId": {
    kind: "record",
    record: "model",
    allowed: EVERY_ROLE,
    state: (id) => practiceModelState(db, id),
    send: (c, id) => c.request("GET", `/api/models/${id}`),
  },
  "PUT /api/models/:modelId": {
    kind: "record",
    record: "model",
    allowed: MODEL_EDITORS,
    state: (id) => practiceModelState(db, id),
    send: async (c, id) => {
      const row = await db.selectFrom("practice_models").select("version").where("id", "=", id).executeTakeFirst();
      const body = { name: "Practice model", description: "", version: row?.version ?? 1 };
      return c.request("PUT", `/api/models/${id}`, body);
    },
  },
  "GET /api/models/:modelId/versions": {
    kind: "record",
    record: "model",
    allowed: EVERY_ROLE,
    state: (id) => practiceModelState(db, id),
    send: (c, id) => c.request("GET", `/api/models/${id}/versions`),
  },
  "GET /api/models/:modelId/versions/:number": {
    kind: "record",
    record: "model",
    allowed: EVERY_ROLE,
    state: (id) => practiceModelState(db, id),
    send: (c, id) => c.request("GET", `/api/models/${id}/versions/1`),
  },
  "GET /api/models/:modelId/versions/:number/export": {
    kind: "record",
    record: "model",
    allowed: EVERY_ROLE,
    state: (id) => practiceModelState(db, id),
    send: (c, id) => c.request("GET", `/api/models/${id}/versions/1/export`),
  },
  "GET /api/models/:modelId/draft": {
    kind: "record",
    record: "model",
    allowed: MODEL_EDITORS,
    prepare: (id) => resetPracticeModel(db, id, true),
    state: (id) => practiceModelState(db, id),
    send: (c, id) => c.request("GET", `/api/models/${id}/draft`),
  },
  "PUT /api/models/:modelId/draft": {
    kind: "record",
    record: "model",
    allowed: MODEL_EDITORS,
    prepare: (id) => resetPracticeModel(db, id, true),
    state: (id) => practiceModelState(db, id),
    send: async (c, id) => c.request("PUT", `/api/models/${id}/draft`, await practiceModelDraftBody(db, id)),
  },
  "POST /api/models/:modelId/draft": {
    kind: "record",
    record: "model",
    allowed: MODEL_EDITORS,
    prepare: (id) => resetPracticeModel(db, id, false),
    state: (id) => practiceModelState(db, id),
    send: (c, id) => c.request("POST", `/api/models/${id}/draft`),
  },
  "POST /api/models/:modelId/publish": {
    kind: "record",
    record: "model",
    allowed: MODEL_EDITORS,
    prepare: (id) => resetPracticeModel(db, id, true),
    state: (id) => practiceModelState(db, id),
    send: async (c, id) =>
      c.request("POST", `/api/models/${id}/publish`, { version: (await practiceModelDraftBody(db, id)).version }),
    cleanUp: (id) => resetPracticeModel(db, id, false),
  },
  "GET /api/models/:modelId/compare": {
    kind: "record",
    record: "model",
    allowed: EVERY_ROLE,
    state: (id) => practiceModelState(db, id),
    send: (c, id) => c.request("GET", `/api/models/${id}/compare?from=1&to=1`),
  },
  "GET /api/models/:modelId/versions/:number/booklet.pdf": {
    kind: "record",
    record: "model",
    allowed: EVERY_ROLE,
    state: (id) => practiceModelState(db, id),
    send: (c, id) => c.request("GET", `/api/models/${id}/versions/1/booklet.pdf?kind=booklet`),
  },
  "GET /api/model-focus/mine": {
    kind: "own",
    allowed: EVERY_ROLE,
    send: ({ actor }) => actor.client.request("GET", "/api/model-focus/mine"),
  },
  "GET /api/model-focus": {
    kind: "own",
    allowed: FOCUS_SETTERS,
    send: ({ actor }) => actor.client.request("GET", `/api/model-focus?month=${FOCUS_MONTH}`),
  },
  "PUT /api/model-focus/:orgUnitId/:month": {
    kind: "unit",
    reach: FOCUS_REACH,
    targets: UNITS,
    prepare: (id) => clearFocusesOfUnit(db, id),
    send: async (c, id) => c.request("PUT", `/api/model-focus/${id}/${FOCUS_MONTH}`, await focusBody(db, id)),
    cleanUp: (id) => clearFocusesOfUnit(db, id),
  },
  "DELETE /api/model-focus/:orgUnitId/:month": {
    kind: "unit",
    reach: FOCUS_REACH,
    targets: UNITS,
    prepare: (id) => resetFocus(db, id),
    send: (c, id) => c.request("DELETE", `/api/model-focus/${id}/${FOCUS_MONTH}?version=1`),
    cleanUp: (id) => clearFocusesOfUnit(db, id),
  },
  // Coaching (SPEC §4). The world's engagement: the coach account's person coaches the staff
  // account's person (unit N1 worker), whose supervisor is the supervisor account. Coach and
  // coachee are its parties; the supervisor sees that coaching happens; the coaching supervisor
  // and administrators oversee it; every other role on staff holds coaching.participate for their
  // own coaching only; partner viewers see aggregates.
  "GET /api/coaching/programs": {
    kind: "own",
    allowed: STAFF_ROLES,
    send: ({ actor }) => actor.client.request("GET", "/api/coaching/programs"),
    check: async (response, { own }) =>
      response.json<{ items: { id: string }[] }>().items.some((p) => p.id === own.records.coachingProgram)
        ? null
        : "the program is missing",
  },
  "POST /api/coaching/programs": {
    kind: "own",
    allowed: COACHING_MANAGERS,
    state: async ({ own }) => String(await coachingCountOf("coaching_programs", own.world.agency.id)),
    send: async ({ actor, own }) =>
      actor.client.request("POST", "/api/coaching/programs", {
        ...(await programBody(db, own.records.coachingProgram)),
        name: "Another program",
        version: undefined,
      }),
    cleanUp: async ({ own }) => {
      await db
        .deleteFrom("coaching_programs")
        .where("agency_id", "=", own.world.agency.id)
        .where("name", "=", "Another program")
        .execute();
    },
  },
  "PUT /api/coaching/programs/:programId": {
    kind: "record",
    record: "coachingProgram",
    allowed: COACHING_MANAGERS,
    state: (id) => coachingRowState(db, "coaching_programs", id),
    send: async (c, id) => c.request("PUT", `/api/coaching/programs/${id}`, await programBody(db, id)),
  },
  "GET /api/coaching/coverage": {
    kind: "own",
    allowed: COACHING_AGGREGATE_READERS,
    send: ({ actor }) => actor.client.request("GET", "/api/coaching/coverage"),
  },
  "GET /api/coaching/coaches": {
    kind: "own",
    allowed: STAFF_ROLES,
    send: ({ actor }) => actor.client.request("GET", "/api/coaching/coaches"),
    check: async (response, { own }) =>
      response.json<{ items: { id: string }[] }>().items.some((c) => c.id === own.records.coach)
        ? null
        : "the coach is missing",
  },
  "POST /api/coaching/coaches": {
    kind: "own",
    allowed: COACHING_MANAGERS,
    state: async ({ own }) => String(await coachingCountOf("coaches", own.world.agency.id)),
    send: ({ actor, own }) =>
      actor.client.request("POST", "/api/coaching/coaches", {
        ...coachBodyFor(own.people.director),
      }),
    cleanUp: async ({ own }) => {
      await db.deleteFrom("coaches").where("person_id", "=", own.people.director).execute();
    },
  },
  "PUT /api/coaching/coaches/:coachId": {
    kind: "record",
    record: "coach",
    allowed: COACHING_MANAGERS,
    state: (id) => coachingRowState(db, "coaches", id),
    send: async (c, id) => c.request("PUT", `/api/coaching/coaches/${id}`, await coachBody(db, id)),
  },
  "GET /api/coaching/coaches/:coachId/feedback": {
    kind: "record",
    record: "coach",
    allowed: ["coach", "coaching_supervisor"],
    holders: COACHING_PARTICIPANTS.filter((role) => role !== "coach" && role !== "coaching_supervisor"),
    state: (id) => coachingRowState(db, "coaches", id),
    send: (c, id) => c.request("GET", `/api/coaching/coaches/${id}/feedback`),
  },
  "GET /api/coaching/requests": {
    kind: "own",
    allowed: STAFF_ROLES,
    send: ({ actor }) => actor.client.request("GET", "/api/coaching/requests"),
    check: async (response, { actor }) => {
      const items = response.json<{ items: { coacheePersonId: string }[] }>().items;
      if (actor.role === "coaching_supervisor") return items.length >= 3 ? null : "requests are missing";
      return items.every((r) => r.coacheePersonId === actor.personId) ? null : "lists someone else's request";
    },
  },
  "POST /api/coaching/requests": {
    kind: "own",
    allowed: STAFF_ROLES,
    state: async ({ own }) => String(await coachingCountOf("coaching_requests", own.world.agency.id)),
    // One open request or invitation per person: the trainer's waiting invitation is set aside first.
    send: async ({ actor, own }) => {
      await db
        .updateTable("coaching_requests")
        .set({ status: "declined" })
        .where("id", "=", own.records.trainerInvitation)
        .execute();
      return actor.client.request("POST", "/api/coaching/requests", {
        programId: null,
        goalsText: "Grow in family engagement",
        goalItemIds: [],
        preferredLanguage: null,
      });
    },
    cleanUp: async ({ own }) => {
      await resetInvitation(db, own.records.trainerInvitation);
      await db
        .deleteFrom("coaching_requests")
        .where("agency_id", "=", own.world.agency.id)
        .where("goals_text", "=", "Grow in family engagement")
        .execute();
    },
  },
  "POST /api/coaching/invitations": {
    kind: "own",
    allowed: COACHING_MANAGERS,
    state: async ({ own }) => String(await coachingCountOf("coaching_requests", own.world.agency.id)),
    send: ({ actor, own }) =>
      actor.client.request("POST", "/api/coaching/invitations", {
        personId: own.people.northManager,
        programId: null,
        message: "Would you like a coach?",
      }),
    cleanUp: async ({ own }) => {
      await db.deleteFrom("coaching_requests").where("coachee_person_id", "=", own.people.northManager).execute();
    },
  },
  "POST /api/coaching/requests/:requestId/accept": {
    kind: "record",
    record: "trainerInvitation",
    allowed: ["trainer"],
    holders: COACHING_PARTICIPANTS.filter((role) => role !== "trainer"),
    prepare: (id) => resetInvitation(db, id),
    state: (id) => requestState(db, id),
    send: async (c, id) =>
      c.request("POST", `/api/coaching/requests/${id}/accept`, {
        goalsText: "Teach with the model in mind",
        goalItemIds: [],
        preferredLanguage: null,
        version: await versionOf(db, "coaching_requests", id),
      }),
    cleanUp: (id) => resetInvitation(db, id),
  },
  "POST /api/coaching/requests/:requestId/decline": {
    kind: "record",
    record: "trainerInvitation",
    allowed: ["trainer"],
    holders: COACHING_PARTICIPANTS.filter((role) => role !== "trainer"),
    prepare: (id) => resetInvitation(db, id),
    state: (id) => requestState(db, id),
    send: async (c, id) =>
      c.request("POST", `/api/coaching/requests/${id}/decline`, {
        version: await versionOf(db, "coaching_requests", id),
      }),
    cleanUp: (id) => resetInvitation(db, id),
  },
  "GET /api/coaching/requests/:requestId/suggestions": {
    kind: "record",
    record: "openRequest",
    allowed: COACHING_MANAGERS,
    state: (id) => requestState(db, id),
    send: (c, id) => c.request("GET", `/api/coaching/requests/${id}/suggestions`),
  },
  "POST /api/coaching/requests/:requestId/match": {
    kind: "record",
    record: "openRequest",
    allowed: COACHING_MANAGERS,
    prepare: (id) => resetOpenRequest(db, id),
    state: (id) => requestState(db, id),
    send: async (c, id) => {
      const coach = await db
        .selectFrom("coaching_requests as r")
        .innerJoin("coaches as c", "c.agency_id", "r.agency_id")
        .select("c.id")
        .where("r.id", "=", id)
        // The roster also holds a mentor coach who takes no new coachees; the top suggestion is the other.
        .where("c.available_for_new", "=", 1)
        .executeTakeFirst();
      return c.request("POST", `/api/coaching/requests/${id}/match`, {
        coachId: coach?.id ?? randomUUID(),
        overrideReason: null,
        version: await versionOf(db, "coaching_requests", id),
      });
    },
    cleanUp: (id) => resetOpenRequest(db, id),
  },
  "GET /api/coaching/engagements": {
    kind: "own",
    allowed: STAFF_ROLES,
    send: ({ actor }) => actor.client.request("GET", "/api/coaching/engagements"),
    check: async (response, { actor, own }) => {
      const listed = response.json<{ items: { id: string }[] }>().items.some((e) => e.id === own.records.engagement);
      return listed === ENGAGEMENT_READERS.includes(actor.role)
        ? null
        : `the engagement is ${listed ? "" : "not "}listed`;
    },
  },
  "GET /api/coaching/engagements/:engagementId": {
    kind: "record",
    record: "engagement",
    allowed: ENGAGEMENT_READERS,
    holders: COACHING_PARTICIPANTS.filter((role) => !ENGAGEMENT_READERS.includes(role)),
    state: (id) => engagementState(db, id),
    send: (c, id) => c.request("GET", `/api/coaching/engagements/${id}`),
  },
  "PUT /api/coaching/engagements/:engagementId/readiness": engagementPartyWrite((c, id, version) =>
    c.request("PUT", `/api/coaching/engagements/${id}/readiness`, {
      decision: "go",
      notes: "Ready",
      goals: [{ id: "goal-1", text: "Run family meetings with confidence", itemIds: [] }],
      version,
    }),
  ),
  "PUT /api/coaching/engagements/:engagementId/agreement": engagementPartyWrite((c, id, version) =>
    c.request("PUT", `/api/coaching/engagements/${id}/agreement`, {
      goals: [{ id: "goal-1", text: "Run family meetings with confidence", itemIds: [] }],
      frequency: "Every two weeks",
      format: "In person",
      duration: "Six months",
      roles: "",
      shareSummariesWithSupervisor: false,
      version,
    }),
  ),
  "POST /api/coaching/engagements/:engagementId/acknowledgement": engagementPartyWrite((c, id, version) =>
    c.request("POST", `/api/coaching/engagements/${id}/acknowledgement`, { version }),
  ),
  "POST /api/coaching/engagements/:engagementId/progress": engagementPartyWrite((c, id) =>
    c.request("POST", `/api/coaching/engagements/${id}/progress`, {
      goalId: "goal-1",
      rating: 3,
      ratedOn: "2026-03-01",
    }),
  ),
  "POST /api/coaching/engagements/:engagementId/close": engagementPartyWrite((c, id, version) =>
    c.request("POST", `/api/coaching/engagements/${id}/close`, { summary: "Goals reached", version }),
  ),
  "POST /api/coaching/engagements/:engagementId/sessions": {
    kind: "record",
    record: "engagement",
    allowed: ["coach"],
    holders: COACHING_PARTICIPANTS.filter((role) => role !== "coach"),
    prepare: (id) => reopenEngagement(db, id),
    state: (id) => engagementState(db, id),
    send: (c, id) =>
      c.request("POST", `/api/coaching/engagements/${id}/sessions`, {
        sessionDate: "2026-05-01",
        startTime: null,
        durationMinutes: 30,
        format: "individual",
      }),
    cleanUp: async (_id, response) => {
      await db.deleteFrom("coaching_sessions").where("id", "=", response.json<{ id: string }>().id).execute();
    },
  },
  "POST /api/coaching/engagements/:engagementId/feedback": {
    kind: "record",
    record: "engagement",
    allowed: ["staff"],
    holders: COACHING_PARTICIPANTS.filter((role) => role !== "staff"),
    state: (id) => engagementState(db, id),
    send: (c, id) =>
      c.request("POST", `/api/coaching/engagements/${id}/feedback`, {
        sessionId: null,
        satisfaction: 4,
        usefulness: 4,
        relationship: 5,
      }),
    cleanUp: async (_id, response) => {
      await db.deleteFrom("coaching_feedback").where("id", "=", response.json<{ id: string }>().id).execute();
    },
  },
  "GET /api/coaching/sessions/:sessionId": {
    kind: "record",
    record: "coachingSession",
    allowed: ENGAGEMENT_READERS,
    holders: COACHING_PARTICIPANTS.filter((role) => !ENGAGEMENT_READERS.includes(role)),
    // Coach and coachee read the private note, and that read is audited.
    auditedReaders: ["coach", "staff"],
    state: (id) => coachingRowState(db, "coaching_sessions", id),
    send: (c, id) => c.request("GET", `/api/coaching/sessions/${id}`),
  },
  "PUT /api/coaching/sessions/:sessionId": {
    kind: "record",
    record: "coachingSession",
    allowed: ["coach"],
    holders: COACHING_PARTICIPANTS.filter((role) => role !== "coach"),
    prepare: async (id) => {
      const row = await db
        .selectFrom("coaching_sessions")
        .select("engagement_id")
        .where("id", "=", id)
        .executeTakeFirst();
      if (row) await reopenEngagement(db, row.engagement_id);
    },
    state: (id) => coachingRowState(db, "coaching_sessions", id),
    send: async (c, id) => c.request("PUT", `/api/coaching/sessions/${id}`, await sessionBodyOf(db, id)),
  },

  // Training (SPEC §3): rollout plans.
  "GET /api/rollout-plans": {
    kind: "own",
    allowed: STAFF_ROLES,
    send: ({ actor }) => actor.client.request("GET", "/api/rollout-plans"),
    check: async (response, { own }) =>
      response.json<{ items: { id: string }[] }>().items.some((p) => p.id === own.records.rolloutPlan)
        ? null
        : "the agency's plan is missing",
  },
  "POST /api/rollout-plans/import": {
    kind: "own",
    allowed: TRAINING_MANAGERS,
    state: async ({ own }) => await rolloutPlansOf(db, own.world.agency.id),
    send: ({ actor }) =>
      actor.client.request("POST", "/api/rollout-plans/import", {
        name: "Imported plan",
        text: "Region\tMay '12\nNorth\tN1\n",
      }),
  },
  "GET /api/rollout-plans/:planId": {
    kind: "record",
    record: "rolloutPlan",
    allowed: STAFF_ROLES,
    state: (id) => rolloutPlanState(db, id),
    send: (c, id) => c.request("GET", `/api/rollout-plans/${id}`),
  },
  "GET /api/rollout-plans/:planId/summary": {
    kind: "record",
    record: "rolloutPlan",
    allowed: STAFF_ROLES,
    state: (id) => rolloutPlanState(db, id),
    send: (c, id) => c.request("GET", `/api/rollout-plans/${id}/summary`),
  },
  "GET /api/rollout-plans/:planId/proposal": {
    kind: "record",
    record: "rolloutPlan",
    allowed: TRAINING_MANAGERS,
    state: (id) => rolloutPlanState(db, id),
    send: (c, id) => c.request("GET", `/api/rollout-plans/${id}/proposal?volunteersFirst=true`),
  },
  "PUT /api/rollout-plans/:planId": {
    kind: "record",
    record: "rolloutPlan",
    allowed: TRAINING_MANAGERS,
    state: (id) => rolloutPlanState(db, id),
    send: async (c, id) => c.request("PUT", `/api/rollout-plans/${id}`, await rolloutPlanEditBody(db, id)),
  },
  "PUT /api/rollout-plans/:planId/units/:unitId": {
    kind: "record",
    record: "rolloutPlan",
    allowed: TRAINING_MANAGERS,
    state: (id) => rolloutPlanState(db, id),
    send: async (c, id) =>
      c.request(
        "PUT",
        `/api/rollout-plans/${id}/units/${(await firstPlannedUnitId(db, id)) ?? randomUUID()}`,
        await plannedUnitEditBody(db, id),
      ),
  },
  "POST /api/rollout-plans/:planId/proposal/accept": {
    kind: "record",
    record: "rolloutPlan",
    allowed: TRAINING_MANAGERS,
    prepare: (id) => clearLeaderPeriods(db, id),
    state: (id) => rolloutPlanState(db, id),
    send: async (c, id) =>
      c.request("POST", `/api/rollout-plans/${id}/proposal/accept`, {
        volunteersFirst: false,
        version: (await rolloutPlanEditBody(db, id)).version,
      }),
  },
  "GET /api/curricula": {
    kind: "own",
    allowed: STAFF_ROLES,
    send: ({ actor }) => actor.client.request("GET", "/api/curricula"),
    check: async (response, { own }) =>
      response.json<{ items: { id: string }[] }>().items.some((c) => c.id === own.records.curriculum)
        ? null
        : "the agency's curriculum is missing",
  },
  "POST /api/curricula": {
    kind: "own",
    allowed: TRAINING_MANAGERS,
    state: async ({ own }) => await curriculaOf(db, own.world.agency.id),
    send: ({ actor }) =>
      actor.client.request("POST", "/api/curricula", {
        title: "Another curriculum",
        modules: [{ title: "Module", durationMinutes: 60, audiences: ["leaders"] }],
      }),
  },
  "GET /api/curricula/:curriculumId": {
    kind: "record",
    record: "curriculum",
    allowed: STAFF_ROLES,
    state: (id) => curriculumState(db, id),
    send: (c, id) => c.request("GET", `/api/curricula/${id}`),
  },
  "PUT /api/curricula/:curriculumId": {
    kind: "record",
    record: "curriculum",
    allowed: TRAINING_MANAGERS,
    state: (id) => curriculumState(db, id),
    send: async (c, id) => c.request("PUT", `/api/curricula/${id}`, await curriculumEditBody(db, id)),
  },
  "GET /api/training-sessions": {
    kind: "own",
    allowed: STAFF_ROLES,
    send: ({ actor }) => actor.client.request("GET", "/api/training-sessions"),
    check: async (response, { own }) =>
      response.json<{ items: { id: string }[] }>().items.some((s) => s.id === own.records.trainingSession)
        ? null
        : "the agency's session is missing",
  },
  "POST /api/training-sessions": {
    kind: "own",
    allowed: TRAINING_MANAGERS,
    state: async ({ own }) => await trainingSessionsOf(db, own.world.agency.id),
    send: ({ actor, own }) =>
      actor.client.request("POST", "/api/training-sessions", {
        title: "Another session",
        date: "2026-12-10",
        startTime: "09:00",
        endTime: "12:00",
        place: "Central Office",
        capacity: 20,
        trainers: [{ personId: own.people.supervisorN1, role: "lead" }],
        enrolledPersonIds: [own.people.workerN1],
      }),
  },
  "GET /api/training-sessions/:sessionId": {
    kind: "record",
    record: "trainingSession",
    allowed: STAFF_ROLES,
    state: (id) => trainingSessionState(db, id),
    send: (c, id) => c.request("GET", `/api/training-sessions/${id}`),
  },
  "PUT /api/training-sessions/:sessionId": {
    kind: "record",
    record: "trainingSession",
    allowed: TRAINING_MANAGERS,
    state: (id) => trainingSessionState(db, id),
    send: async (c, id) => c.request("PUT", `/api/training-sessions/${id}`, await sessionEditBody(db, id)),
  },
  "PUT /api/training-sessions/:sessionId/attendance": {
    kind: "record",
    record: "trainingSession",
    allowed: ATTENDANCE_RECORDERS,
    state: (id) => trainingSessionState(db, id),
    send: async (c, id) => c.request("PUT", `/api/training-sessions/${id}/attendance`, await attendanceBody(db, id)),
  },
  "GET /api/training/staff-status": {
    kind: "own",
    allowed: STAFF_ROLES,
    send: ({ actor }) => actor.client.request("GET", "/api/training/staff-status"),
    // Only people the role may read: the same reach as the people list.
    check: async (response, { actor, own }) => {
      const listed = response.json<{ items: { personId: string }[] }>().items.map((i) => i.personId);
      const reachable = await reachIds(READ_REACH[actor.role], "person", actor, own);
      const outside = listed.filter((id) => !reachable.includes(id));
      return outside.length === 0 ? null : `lists ${outside.length} people outside the role's reach`;
    },
  },
  "POST /api/training/onboarding": {
    kind: "own",
    allowed: TRAINING_MANAGERS,
    state: async ({ own }) => await enrollmentsOf(db, own.people.newcomerN1),
    send: ({ actor, own }) =>
      actor.client.request("POST", "/api/training/onboarding", { personId: own.people.newcomerN1 }),
    cleanUp: async ({ own }) => await removeEnrollments(db, own.people.newcomerN1),
  },
  "GET /api/coaching/training-follow-up": {
    kind: "own",
    allowed: ["admin", "implementation_lead", "training_coordinator", "coaching_supervisor"],
    send: ({ actor }) => actor.client.request("GET", "/api/coaching/training-follow-up"),
    check: async (response, { own }) => {
      const ownUnits: string[] = Object.values(own.units);
      const listed = response.json<{ units: { orgUnitId: string }[] }>().units.map((u) => u.orgUnitId);
      return listed.every((id) => ownUnits.includes(id)) ? null : "lists a unit of another agency";
    },
  },
  ...FIDELITY_TABLE,
  ...COACH_DEVELOPMENT_TABLE,
  ...TRAINING_SURVEY_TABLE,
  ...SURVEY_REACH_TABLE,
  ...FIDELITY_SUPERVISION_TABLE,
  ...FIDELITY_CALIBRATION_TABLE,
  ...COACHING_PAGING_TABLE,
  ...COACHING_UI_TABLE,
  ...COACHING_FOLLOW_UP_TABLE,
  ...TRAINING_DELIVERY_TABLE,
  ...PARTNER_COACHING_HOURS_TABLE,
};

/** A fresh feed address for the account, made the way the service makes one. */
async function calendarFeedPathOf(email: string) {
  const user = await db.selectFrom("users").select(["id", "agency_id"]).where("email", "=", email).executeTakeFirst();
  const token = randomBytes(32).toString("base64url");
  if (user) {
    await replaceCalendarFeed(db, {
      id: randomUUID(),
      agencyId: user.agency_id,
      userId: user.id,
      tokenHash: createHash("sha256").update(token).digest("hex"),
      createdAt: new Date().toISOString(),
    });
  }
  return `/api/calendar/${token}.ics`;
}

async function practiceModelsOf(agencyId: string) {
  const rows = await db.selectFrom("practice_models").select("id").where("agency_id", "=", agencyId).execute();
  return String(rows.length);
}

function sameSet(actual: string[], expected: string[]): boolean {
  return (
    actual.length === expected.length &&
    new Set(actual).size === actual.length &&
    expected.every((id) => actual.includes(id))
  );
}

function resolve(kind: "person" | "unit", key: PersonKey | UnitKey, actor: RoleActor, side: Side): string | null {
  if (kind === "unit") return side.units[key as UnitKey] ?? null;
  return key === "self" ? side.actors[actor.role].personId : (side.people[key as NamedPerson] ?? null);
}

async function reachIds(reach: Reach, kind: "person" | "unit", actor: RoleActor, side: Side): Promise<string[]> {
  if (reach === EVERYONE) {
    const table = kind === "person" ? "people" : "org_units";
    const rows = await db.selectFrom(table).select("id").where("agency_id", "=", side.world.agency.id).execute();
    return rows.map((r) => r.id);
  }
  return [...new Set(reach.map((key) => resolve(kind, key, actor, side)).filter((id) => id !== null))];
}

function describeIds(ids: string[], side: Side): string {
  const names = new Map(Object.entries(side.people).map(([name, id]) => [id, name]));
  return `[${ids.map((id) => names.get(id) ?? id.slice(0, 8)).join(", ")}]`;
}

/** What a write may touch about a record: the row itself, and a person's account. */
async function stateOf(kind: "person" | "unit", id: string): Promise<string> {
  if (kind === "unit") {
    const [unit, children, people] = await Promise.all([
      db.selectFrom("org_units").selectAll().where("id", "=", id).executeTakeFirst(),
      db.selectFrom("org_units").select("id").where("parent_id", "=", id).execute(),
      db.selectFrom("people").select("id").where("org_unit_id", "=", id).execute(),
    ]);
    return JSON.stringify({
      unit,
      children: children.length,
      people: people.length,
      focuses: await focusesOfUnit(db, id),
    });
  }
  const person = await db.selectFrom("people").selectAll().where("id", "=", id).executeTakeFirst();
  const user = await db
    .selectFrom("users")
    .select(["is_active", "version"])
    .where("person_id", "=", id)
    .executeTakeFirst();
  return JSON.stringify({ person, user, trainingNudges: await nudgesOfPerson(db, id) });
}

async function partnerOrganizationState(id: string) {
  const [organization, people] = await Promise.all([
    db.selectFrom("partner_organizations").selectAll().where("id", "=", id).executeTakeFirst(),
    db.selectFrom("partner_people").select("id").where("partner_organization_id", "=", id).execute(),
  ]);
  return JSON.stringify({ organization, people: people.length });
}

async function partnerPersonState(id: string) {
  const [person, agreements, user] = await Promise.all([
    db.selectFrom("partner_people").selectAll().where("id", "=", id).executeTakeFirst(),
    db.selectFrom("compensation_agreements").select("id").where("partner_person_id", "=", id).execute(),
    db.selectFrom("users").select(["id", "email"]).where("partner_person_id", "=", id).executeTakeFirst(),
  ]);
  return JSON.stringify({ person, agreements: agreements.length, user });
}

async function agreementState(id: string) {
  const [agreement, hours] = await Promise.all([
    db.selectFrom("compensation_agreements").selectAll().where("id", "=", id).executeTakeFirst(),
    db.selectFrom("partner_hours").select("id").where("agreement_id", "=", id).execute(),
  ]);
  return JSON.stringify({ agreement, hours: hours.length });
}

async function teamState(id: string) {
  const [team, members] = await Promise.all([
    db.selectFrom("teams").selectAll().where("id", "=", id).executeTakeFirst(),
    db.selectFrom("team_members").selectAll().where("team_id", "=", id).orderBy("id").execute(),
  ]);
  return JSON.stringify({ team, members });
}

async function partnerOrganizationBody(id: string) {
  const row = await db.selectFrom("partner_organizations").selectAll().where("id", "=", id).executeTakeFirst();
  return {
    kind: row?.kind ?? "tribe",
    name: row?.name ?? "Nobody",
    contactName: row?.contact_name ?? "",
    contactEmail: row?.contact_email ?? "",
    contactPhone: row?.contact_phone ?? "",
    notes: row?.notes ?? "",
    retired: false,
    version: row?.version ?? 1,
  };
}

async function partnerPersonBody(id: string) {
  const row = await db.selectFrom("partner_people").selectAll().where("id", "=", id).executeTakeFirst();
  return {
    fullName: row?.full_name ?? "Nobody",
    email: row?.email ?? "",
    phone: row?.phone ?? "",
    languages: JSON.parse(row?.languages ?? "[]") as string[],
    roles: JSON.parse(row?.roles ?? "[]") as string[],
    version: row?.version ?? 1,
  };
}

async function agreementBody(id: string) {
  const row = await db.selectFrom("compensation_agreements").selectAll().where("id", "=", id).executeTakeFirst();
  return {
    kind: row?.kind ?? "hourly",
    rateCents: row?.rate_cents ?? 100,
    rateUnit: row?.rate_unit ?? "hour",
    budgetedHours: (row?.budgeted_minutes ?? 60) / 60,
    startDate: row?.start_date ?? "2020-01-01",
    endDate: row?.end_date ?? "",
    version: row?.version ?? 1,
  };
}

async function teamBody(id: string) {
  const row = await db.selectFrom("teams").selectAll().where("id", "=", id).executeTakeFirst();
  return {
    name: row?.name ?? "Nobody",
    kind: row?.kind ?? "other",
    orgUnitId: row?.org_unit_id ?? null,
    parentTeamId: row?.parent_team_id ?? null,
    version: row?.version ?? 1,
  };
}

/** A partner person of the team's own agency (or a made-up id), so only the team decides the outcome. */
async function partnerPersonBesideTeam(teamId: string): Promise<string> {
  const row = await db
    .selectFrom("teams")
    .innerJoin("partner_people", "partner_people.agency_id", "teams.agency_id")
    .select("partner_people.id")
    .where("teams.id", "=", teamId)
    .executeTakeFirst();
  return row?.id ?? randomUUID();
}

/** Makes sure the team has a staff member to remove (its agency's director). */
async function ensureTeamMember(teamId: string) {
  const team = await db.selectFrom("teams").select("agency_id").where("id", "=", teamId).executeTakeFirst();
  if (!team) return;
  const director = await db
    .selectFrom("people")
    .select("id")
    .where("agency_id", "=", team.agency_id)
    .where("job_role", "=", "executive")
    .executeTakeFirstOrThrow();
  await db.deleteFrom("team_members").where("team_id", "=", teamId).where("person_id", "=", director.id).execute();
  await db
    .insertInto("team_members")
    .values({
      id: randomUUID(),
      agency_id: team.agency_id,
      team_id: teamId,
      person_id: director.id,
      partner_person_id: null,
      role: "member",
      created_at: new Date().toISOString(),
    })
    .execute();
}

async function countOf(table: "partner_organizations" | "teams", agencyId: string) {
  return (await db.selectFrom(table).select("id").where("agency_id", "=", agencyId).execute()).length;
}

async function sameRowsOf(table: "partner_organizations" | "teams", response: Response, side: Side) {
  const ids = response.json<{ items: { id: string }[] }>().items.map((i) => i.id);
  let query = db.selectFrom(table).select("id").where("agency_id", "=", side.world.agency.id);
  if (table === "partner_organizations") query = query.where("retired_at", "is", null);
  const expected = (await query.execute()).map((r) => r.id);
  return sameSet(ids, expected) ? null : `listed ${ids.length}, expected ${expected.length}`;
}

let alpha: Side;
let beta: Side;
/** Every id of a side's agency: none of them may appear in a response to the other agency. */
const foreignIds = new Map<string, string[]>();

async function buildSide(slug: string): Promise<Side> {
  const world = await buildWorld(db, slug);
  const { newcomerN1 } = await addSpareAccounts(db, world);
  const partnersAndTeams = await buildPartnersAndTeams(db, world);
  const coachingRecords = await buildCoachingRecordsForRoleTable(db, world);
  const trainingSession = await buildTrainingSession(db, world);
  const records = {
    ...partnersAndTeams,
    rosterImport: await buildRosterImport(world),
    model: await buildPracticeModel(db, world.agency.id, world.emails.admin),
    ...coachingRecords,
    ...(await buildCoachDevelopmentRecords(db, world, coachingRecords.coach)),
    rolloutPlan: await buildRolloutPlan(db, world),
    curriculum: await buildCurriculum(db, world),
    trainingSession,
    trainingSurvey: await buildTrainingSurvey(db, world, trainingSession),
    ...(await buildFidelityRecords(db, world, partnersAndTeams.partnerOrganization)),
    ...(await buildCalibrationRecords(db, world)),
    ...(await buildTrainingDeliveryRecords(db, world)),
    ...(await buildPartnerCoaching(db, world, partnersAndTeams.partnerPerson)),
  };
  const actors = await signInEveryRole(app, db, world);
  const { people } = world;
  return {
    world,
    actors,
    records,
    people: {
      director: people.director.id,
      northManager: people.northManager.id,
      supervisorN1: people.supervisorN1.id,
      workerN1: people.workerN1.id,
      newcomerN1: newcomerN1.id,
      supervisorN2: people.supervisorN2.id,
      workerN2: people.workerN2.id,
      southManager: people.southManager.id,
      workerS1: people.workerS1.id,
    },
    units: {
      root: world.units.root.id,
      north: world.units.north.id,
      northOffice: world.units.northOffice.id,
      unitN1: world.units.unitN1.id,
      unitN2: world.units.unitN2.id,
      south: world.units.south.id,
      unitS1: world.units.unitS1.id,
    },
  };
}

async function idsOfAgency(agencyId: string): Promise<string[]> {
  const [units, people, users, partners, partnerPeople, teams, models] = await Promise.all([
    db.selectFrom("org_units").select("id").where("agency_id", "=", agencyId).execute(),
    db.selectFrom("people").select(["id", "work_email"]).where("agency_id", "=", agencyId).execute(),
    db.selectFrom("users").select(["id", "email"]).where("agency_id", "=", agencyId).execute(),
    db.selectFrom("partner_organizations").select("id").where("agency_id", "=", agencyId).execute(),
    db.selectFrom("partner_people").select("id").where("agency_id", "=", agencyId).execute(),
    db.selectFrom("teams").select("id").where("agency_id", "=", agencyId).execute(),
    db.selectFrom("practice_models").select("id").where("agency_id", "=", agencyId).execute(),
  ]);
  return [
    agencyId,
    ...[...partners, ...partnerPeople, ...teams, ...models].map((r) => r.id),
    ...units.map((u) => u.id),
    ...people.flatMap((p) => [p.id, ...(p.work_email ? [p.work_email] : [])]),
    ...users.flatMap((u) => [u.id, u.email]),
  ];
}

beforeAll(async () => {
  alpha = await buildSide("alpha");
  beta = await buildSide("beta");
  foreignIds.set(alpha.world.agency.id, await idsOfAgency(beta.world.agency.id));
  foreignIds.set(beta.world.agency.id, await idsOfAgency(alpha.world.agency.id));
});

function leakIn(response: Response, own: Side): string | null {
  const leaked = (foreignIds.get(own.world.agency.id) ?? []).find((id) => response.body.includes(id));
  return leaked ? `response names another agency's ${leaked}` : null;
}

function outcome(response: Response): string {
  if (response.statusCode >= 200 && response.statusCode < 300) return "success";
  const code = response.headers["content-type"]?.toString().startsWith("application/problem+json")
    ? response.json<{ code: string }>().code
    : "(no problem body)";
  return `${response.statusCode} ${code}`;
}

const DENIED = "403 FORBIDDEN";
const NOT_FOUND = "404 NOT_FOUND";
const SIGNED_OUT = "401 UNAUTHENTICATED";

function canReach(reach: Reach): boolean {
  return reach === EVERYONE || reach.length > 0;
}

async function auditCount(side: Side): Promise<number> {
  const rows = await db.selectFrom("audit_events").select("id").where("agency_id", "=", side.world.agency.id).execute();
  return rows.length;
}

async function runRoute(key: string, route: RouteCase, own: Side, other: Side): Promise<string[]> {
  const [method = "", url = ""] = key.split(" ");
  const writes = method !== "GET";
  const mismatches: string[] = [];
  const compare = (what: string, wanted: string, got: string) => {
    if (wanted !== got) mismatches.push(`${what}: expected ${wanted}, got ${got}`);
  };
  /**
   * Sends one request and checks what every request must respect: the status, no trace of
   * the other agency, the target record changed exactly when a write succeeded, and an audit
   * entry in the own agency's trail exactly then, never one in the other agency's.
   */
  const attempt = async (
    what: string,
    wanted: string,
    send: () => Promise<Response>,
    state?: () => Promise<string>,
    auditedRead = false,
  ) => {
    const stateBefore = await state?.();
    const [ownAudit, otherAudit] = [await auditCount(own), await auditCount(other)];
    const response = await send();
    const got = outcome(response);
    compare(what, wanted, got);
    const leak = leakIn(response, own);
    if (leak) mismatches.push(`${what}: ${leak}`);
    const succeededWrite = writes && got === "success";
    if (state && ((await state()) !== stateBefore) !== succeededWrite) {
      mismatches.push(`${what}: the record ${succeededWrite ? "did not change" : "changed"}`);
    }
    const audited = succeededWrite || (auditedRead && got === "success");
    if ((await auditCount(own)) > ownAudit !== audited) {
      mismatches.push(`${what}: ${audited ? "no audit entry was written" : "an audit entry was written"}`);
    }
    if ((await auditCount(other)) !== otherAudit) mismatches.push(`${what}: wrote to the other agency's audit trail`);
    return response;
  };

  for (const role of ROLES) {
    const actor = own.actors[role];
    const ctx: Ctx = { actor, own, other };

    if (route.kind === "public") {
      compare(role, "success", outcome(await route.send(actor.client, { email: actor.email })));
      continue;
    }

    if (route.kind === "own") {
      const allowed = route.allowed.includes(role);
      const state = route.state && (() => (route.state as (ctx: Ctx) => Promise<string>)(ctx));
      const response = await attempt(role, allowed ? "success" : DENIED, () => route.send(ctx), state);
      if (allowed && response.statusCode === 200 && route.check) {
        const problem = await route.check(response, ctx);
        if (problem) mismatches.push(`${role}: ${problem}`);
      }
      await route.cleanUp?.(ctx);
      continue;
    }

    if (route.kind === "record") {
      const allowed = route.allowed.includes(role);
      const holds = allowed || route.holders?.includes(role) === true;
      const unknown = holds ? (route.unknownId ?? NOT_FOUND) : DENIED;
      const cases = [
        { label: "own agency", id: own.records[route.record], wanted: allowed ? "success" : DENIED },
        { label: "other agency", id: other.records[route.record], wanted: unknown },
        { label: "an id that does not exist", id: randomUUID(), wanted: unknown },
      ];
      for (const { label, id, wanted } of cases) {
        await route.prepare?.(id);
        const response = await attempt(
          `${role} → ${label}`,
          wanted,
          () => route.send(actor.client, id),
          () => route.state(id),
          route.auditedReaders?.includes(role) === true,
        );
        if (outcome(response) === "success") await route.cleanUp?.(id, response);
      }
      continue;
    }

    const reach = route.reach[role];
    const reachable = await reachIds(reach, route.kind, actor, own);
    const unknownHere = canReach(reach) ? (route.unknownId ?? NOT_FOUND) : DENIED;
    const cases: { label: string; id: string; wanted: string }[] = [];
    for (const target of route.targets) {
      const ownId = resolve(route.kind, target, actor, own);
      if (ownId) {
        const inScope = reachable.includes(ownId);
        cases.push({
          label: `${target} (own agency, ${inScope ? "in" : "out of"} scope)`,
          id: ownId,
          wanted: inScope ? "success" : DENIED,
        });
      }
      const otherId = resolve(route.kind, target, actor, other);
      if (otherId) cases.push({ label: `${target} (other agency)`, id: otherId, wanted: unknownHere });
    }
    cases.push({ label: "an id that does not exist", id: randomUUID(), wanted: unknownHere });

    for (const { label, id, wanted } of cases) {
      await route.prepare?.(id);
      const response = await attempt(
        `${role} → ${label}`,
        wanted,
        () => route.send(actor.client, id),
        () => stateOf(route.kind, id),
      );
      if (outcome(response) === "success") await route.cleanUp?.(id, response);
    }
  }

  const anon = anonymous(app);
  if (route.kind === "public") {
    compare("anonymous", "success", outcome(await route.send(anon, { email: own.actors.staff.email })));
  } else {
    const address = url.replace(":personId", own.people.workerN1).replace(":orgUnitId", own.units.unitN1);
    const response = await anon.request(method as Method, address, writes ? {} : undefined);
    compare("anonymous", SIGNED_OUT, outcome(response));
  }
  return mismatches;
}

/**
 * A community partner who observes signs in with a partner account holding the fidelity observer
 * role beside partner viewer. None of the observer role's staff grants reach them: they open the
 * observations they are assigned to and the aggregates every partner sees, nothing row-level else.
 */
const PARTNER_OBSERVER_TABLE: Record<string, (side: Side) => { url: string; wanted: string }> = {
  "their assigned observations": () => ({ url: "/api/fidelity/observations", wanted: "success" }),
  "an assigned observation": (side) => ({
    url: `/api/fidelity/observations/${side.records.fidelityObservation}`,
    wanted: "success",
  }),
  "aggregate results": (side) => ({
    url: `/api/fidelity/results?instrumentId=${side.records.fidelityInstrument}`,
    wanted: "success",
  }),
  "individual results": (side) => ({
    url: `/api/fidelity/results/people?instrumentId=${side.records.fidelityInstrument}`,
    wanted: DENIED,
  }),
  "the observer roster": () => ({ url: "/api/fidelity/observers", wanted: DENIED }),
  "the instrument list": () => ({ url: "/api/fidelity/instruments", wanted: DENIED }),
  debriefs: () => ({ url: "/api/fidelity/debriefs", wanted: DENIED }),
  "the observed worker's debriefs": (side) => ({
    url: `/api/people/${side.people.workerN1}/fidelity-debriefs`,
    wanted: DENIED,
  }),
  "the observed worker's record": (side) => ({ url: `/api/people/${side.people.workerN1}`, wanted: DENIED }),
  "the staff list": () => ({ url: "/api/people", wanted: DENIED }),
  "the org tree": () => ({ url: "/api/org-units", wanted: DENIED }),
  teams: () => ({ url: "/api/teams", wanted: DENIED }),
  "partner organizations": () => ({ url: "/api/partner-organizations", wanted: DENIED }),
  "training sessions": () => ({ url: "/api/training-sessions", wanted: DENIED }),
};

describe("a community partner observer's account", () => {
  it.each(Object.keys(PARTNER_OBSERVER_TABLE))("%s", async (what) => {
    const observer = await signIn(app, partnerObserverEmail(alpha.world));
    const { url, wanted } = (PARTNER_OBSERVER_TABLE[what] as (side: Side) => { url: string; wanted: string })(alpha);
    const response = await observer.request("GET", url);
    expect(outcome(response)).toBe(wanted);
    expect(leakIn(response, alpha)).toBeNull();
  });
});

describe("the authorization table", () => {
  it("has one row per registered route, and every route declares its access", () => {
    const registered = routes.map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((r) => !(r in TABLE))).toEqual([]);
    expect(Object.keys(TABLE).filter((r) => !registered.includes(r))).toEqual([]);
    expect(routes.filter((r) => r.access === undefined)).toEqual([]);
  });

  it("marks as public exactly the routes the table calls public", () => {
    const publicRoutes = routes.filter((r) => r.access === "public").map((r) => `${r.method} ${r.url}`);
    const expected = Object.entries(TABLE)
      .filter(([, route]) => route.kind === "public")
      .map(([key]) => key);
    expect(publicRoutes.sort()).toEqual(expected.sort());
  });

  describe.each([
    ["alpha", "beta"],
    ["beta", "alpha"],
  ])("acting in %s, with %s as the other agency", (ownSlug, otherSlug) => {
    it.each(Object.keys(TABLE))("%s", async (key) => {
      const sides: Record<string, Side> = { alpha, beta };
      const own = sides[ownSlug] as Side;
      const other = sides[otherSlug] as Side;
      expect(await runRoute(key, TABLE[key] as RouteCase, own, other)).toEqual([]);
    });
  });
});
