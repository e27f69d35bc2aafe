import { z } from "zod";
import { type LEVELS, ZLevel } from "../people/person.schema.js";

/**
 * Zod schemas of coaching (SPEC §4), shared by the API and the web forms: programs, the coach
 * roster, requests and matching, engagements with their agreement, the coaching log and feedback.
 */

export const isoDate = z.iso.date({ message: "Use a date like 2024-03-31." });
const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`);
const required = (max: number) => text(max).min(1, "Fill this in.");
const itemIds = z.array(z.string().min(1).max(64)).max(100);
const languages = z.array(text(60).min(1)).max(20);
const version = z.number().int().min(1);

/** The cascade: leaders are coached first, then the people they lead. */
export const CASCADE_ORDER = [
  "executive",
  "management",
  "supervisory",
  "practice",
] as const satisfies readonly (typeof LEVELS)[number][];
export const LEVEL_LABELS: Record<(typeof LEVELS)[number], string> = {
  executive: "Executives",
  management: "Managers",
  supervisory: "Supervisors",
  practice: "Social workers and practice staff",
};

// ---- Programs ----

export const PROGRAM_TYPES = ["skills_based", "developmental", "system", "cultural_community"] as const;
export const ZProgramType = z.enum(PROGRAM_TYPES);
export const PROGRAM_TYPE_LABELS: Record<z.infer<typeof ZProgramType>, string> = {
  skills_based: "Skills-based",
  developmental: "Developmental",
  system: "System",
  cultural_community: "Cultural / community",
};

/** A starting text for a program's goal and scope; agencies rewrite it as their own. */
export const GOAL_AND_SCOPE_TEMPLATE = [
  "Goal: help each person we coach put the practice model's behaviors to work with the children,",
  "families, communities and Tribes they serve, and keep doing so after training ends.",
  "",
  "Scope: coaching is offered to anyone who asks for it and is never part of a performance or",
  "disciplinary record. Coach and coachee agree on goals tied to specific behaviors, meet on a",
  "regular plan, and use observation, modeling, rehearsal, reflection and feedback. What is",
  "discussed stays between them unless their agreement says a summary is shared with the",
  "supervisor. Leaders are coached first so they can support the people they lead.",
].join("\n");

export const ZStartupStep = z.object({ level: ZLevel, startDate: isoDate });

export const ZProgramInput = z.object({
  name: required(120),
  programType: ZProgramType,
  goalAndScope: required(8000),
  levelsServed: z.array(ZLevel).min(1, "Choose at least one level.").max(4),
  startupSchedule: z.array(ZStartupStep).max(4),
  feedbackMinimum: z.number().int().min(1).max(50).default(5),
});
export type ProgramInput = z.infer<typeof ZProgramInput>;
export const ZProgramUpdate = ZProgramInput.extend({ version });
export type ProgramUpdate = z.infer<typeof ZProgramUpdate>;

export const ZProgram = z.object({
  id: z.string(),
  name: z.string(),
  programType: ZProgramType,
  goalAndScope: z.string(),
  levelsServed: z.array(ZLevel),
  startupSchedule: z.array(ZStartupStep),
  feedbackMinimum: z.number().int(),
  version: z.number().int(),
});
export type Program = z.infer<typeof ZProgram>;
export const ZProgramList = z.object({ items: z.array(ZProgram), goalAndScopeTemplate: z.string() });

export const ZCoverageLevel = z.object({
  level: ZLevel,
  startDate: z.string().nullable(),
  staff: z.number().int(),
  inCoaching: z.number().int(),
});
export const ZCoverage = z.object({
  levels: z.array(ZCoverageLevel),
  programs: z.array(
    z.object({ id: z.string(), name: z.string(), levels: z.array(ZCoverageLevel), engagements: z.number().int() }),
  ),
  coaches: z.object({ total: z.number().int(), availableForNew: z.number().int(), freePlaces: z.number().int() }),
  openRequests: z.number().int(),
});
export type Coverage = z.infer<typeof ZCoverage>;

// ---- Coaches ----

export const COACH_KINDS = ["internal", "external", "community", "tribal"] as const;
export const ZCoachKind = z.enum(COACH_KINDS);
export type CoachKind = z.infer<typeof ZCoachKind>;
export const COACH_KIND_LABELS: Record<CoachKind, string> = {
  internal: "Internal",
  external: "External",
  community: "Community",
  tribal: "Tribal",
};
export const MODEL_FLUENCIES = ["learning", "practicing", "fluent", "teaches_others"] as const;
export const ZModelFluency = z.enum(MODEL_FLUENCIES);
export const MODEL_FLUENCY_LABELS: Record<z.infer<typeof ZModelFluency>, string> = {
  learning: "Learning the model",
  practicing: "Practicing the model",
  fluent: "Fluent in the model",
  teaches_others: "Teaches the model to others",
};

export const ZCoachInput = z
  .object({
    personId: z.string().min(1).max(64).nullable(),
    partnerPersonId: z.string().min(1).max(64).nullable(),
    coachKind: ZCoachKind,
    credentials: text(2000),
    modelFluency: ZModelFluency,
    strengthItemIds: itemIds,
    languages,
    culturalKnowledge: text(2000),
    capacityCoachees: z.number().int().min(1, "A coach takes at least one coachee.").max(50),
    capacityHoursPerMonth: z.number().int().min(0).max(200),
    availableForNew: z.boolean(),
    regionOrgUnitId: z.string().min(1).max(64).nullable(),
    mentorCoachId: z.string().min(1).max(64).nullable(),
  })
  .superRefine((value, ctx) => {
    if ((value.personId === null) === (value.partnerPersonId === null)) {
      ctx.addIssue({ code: "custom", path: ["personId"], message: "Choose a staff person or a partner person." });
    }
    if (value.partnerPersonId !== null && value.coachKind === "internal") {
      ctx.addIssue({ code: "custom", path: ["coachKind"], message: "A partner person is not an internal coach." });
    }
  });
export type CoachInput = z.infer<typeof ZCoachInput>;
export const ZCoachUpdate = ZCoachInput.safeExtend({ version });
export type CoachUpdate = z.infer<typeof ZCoachUpdate>;

export const ZCoach = z.object({
  id: z.string(),
  name: z.string(),
  personId: z.string().nullable(),
  partnerPersonId: z.string().nullable(),
  coachKind: ZCoachKind,
  credentials: z.string(),
  modelFluency: ZModelFluency,
  modelId: z.string().nullable(),
  modelVersionNumber: z.number().int().nullable(),
  strengthItemIds: z.array(z.string()),
  languages: z.array(z.string()),
  culturalKnowledge: z.string(),
  capacityCoachees: z.number().int(),
  capacityHoursPerMonth: z.number().int(),
  availableForNew: z.boolean(),
  regionOrgUnitId: z.string().nullable(),
  regionName: z.string().nullable(),
  mentorCoachId: z.string().nullable(),
  activeCoachees: z.number().int(),
  version: z.number().int(),
});
export type Coach = z.infer<typeof ZCoach>;
/**
 * What a coach's strengths are chosen from: the practice model in use, one group per element
 * (the element itself or any of its behaviors) and per leadership commitment (its behaviors).
 */
export const ZStrengthGroup = z.object({
  label: z.string(),
  /** The element, which can be chosen as a whole; null for a leadership commitment. */
  elementId: z.string().nullable(),
  behaviors: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type StrengthGroup = z.infer<typeof ZStrengthGroup>;
export const ZCoachList = z.object({ items: z.array(ZCoach), strengthGroups: z.array(ZStrengthGroup) });

// ---- Requests, invitations and matching ----

export const REQUEST_STATUSES = ["invited", "requested", "declined", "matched"] as const;
export const ZRequestStatus = z.enum(REQUEST_STATUSES);

const goalFields = {
  goalsText: text(4000),
  goalItemIds: itemIds,
  preferredLanguage: text(60).nullable(),
};
export const ZRequestInput = z.object({ programId: z.string().min(1).max(64).nullable(), ...goalFields });
export type RequestInput = z.infer<typeof ZRequestInput>;
export const ZInvitationInput = z.object({
  personId: z.string().min(1).max(64),
  programId: z.string().min(1).max(64).nullable(),
  message: text(2000),
});
export type InvitationInput = z.infer<typeof ZInvitationInput>;
export const ZAcceptInvitation = z.object({ ...goalFields, version });
export type AcceptInvitation = z.infer<typeof ZAcceptInvitation>;
export const ZVersionOnly = z.object({ version });
export const ZMatchDecision = z.object({
  coachId: z.string().min(1).max(64),
  overrideReason: text(2000).nullable(),
  version,
});
export type MatchDecision = z.infer<typeof ZMatchDecision>;

export const ZCoachingRequest = z.object({
  id: z.string(),
  programId: z.string().nullable(),
  programName: z.string().nullable(),
  coacheePersonId: z.string(),
  coacheeName: z.string(),
  coacheeLevel: ZLevel,
  origin: z.enum(["self", "invitation"]),
  status: ZRequestStatus,
  goalsText: z.string(),
  goalItemIds: z.array(z.string()),
  preferredLanguage: z.string().nullable(),
  invitationMessage: z.string(),
  acceptedAt: z.string().nullable(),
  coachId: z.string().nullable(),
  overrideReason: z.string().nullable(),
  engagementId: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type CoachingRequest = z.infer<typeof ZCoachingRequest>;

/** Paging of the coaching lists, in the same terms as the people list. */
export const ZCoachingPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type CoachingPageQuery = z.infer<typeof ZCoachingPageQuery>;
const pageOf = { total: z.number().int(), page: z.number().int(), pageSize: z.number().int() };

export const ZRequestListQuery = ZCoachingPageQuery.extend({ status: ZRequestStatus.optional() });
export type RequestListQuery = z.infer<typeof ZRequestListQuery>;
export const ZCoachingRequestList = z.object({ items: z.array(ZCoachingRequest), ...pageOf });

export const ZSuggestions = z.object({
  ranked: z.array(
    z.object({
      coachId: z.string(),
      name: z.string(),
      score: z.number().int(),
      parts: z.array(
        z.object({
          factor: z.enum(["capacity", "strengths", "language", "region"]),
          points: z.number().int(),
          max: z.number().int(),
          explanation: z.string(),
        }),
      ),
    }),
  ),
  excluded: z.array(
    z.object({
      coachId: z.string(),
      name: z.string(),
      rule: z.enum(["self", "coaches-own-staff", "supervisory-authority", "not-available", "at-capacity"]),
      explanation: z.string(),
    }),
  ),
});

// ---- Engagements: readiness, agreement, progress, closing ----

export const ENGAGEMENT_STATUSES = ["getting_started", "active", "not_yet", "closed"] as const;
/**
 * Every status but closed, named, so queries read a range of an (agency, status, …) or
 * (agency, coach, status) index; `!= 'closed'` would read every engagement of the agency.
 */
export const OPEN_ENGAGEMENT_STATUSES = ENGAGEMENT_STATUSES.filter((status) => status !== "closed");
export const ZEngagementStatus = z.enum(ENGAGEMENT_STATUSES);
export type EngagementStatus = z.infer<typeof ZEngagementStatus>;
export const ENGAGEMENT_STATUS_LABELS: Record<EngagementStatus, string> = {
  getting_started: "Getting started",
  active: "Under way",
  not_yet: "Not yet ready",
  closed: "Closed",
};

export const ZGoal = z.object({
  id: z.string().min(1).max(64),
  text: required(1000),
  itemIds: itemIds,
});
export type Goal = z.infer<typeof ZGoal>;
const goals = z.array(ZGoal).max(10);

export const ZReadinessInput = z.object({
  decision: z.enum(["go", "not_yet"]),
  notes: text(4000),
  goals,
  version,
});
export type ReadinessInput = z.infer<typeof ZReadinessInput>;

export const ZAgreementInput = z.object({
  goals: goals.min(1, "Agree on at least one goal."),
  frequency: required(200),
  format: required(200),
  duration: required(200),
  roles: text(4000),
  shareSummariesWithSupervisor: z.boolean(),
  version,
});
export type AgreementInput = z.infer<typeof ZAgreementInput>;

export const ZProgressInput = z.object({
  goalId: z.string().min(1).max(64),
  rating: z.number().int().min(1).max(5),
  ratedOn: isoDate,
});
export type ProgressInput = z.infer<typeof ZProgressInput>;

export const ZCloseInput = z.object({ summary: required(8000), version });

/** How the reader relates to an engagement; it decides what they see. */
export const ZEngagementRelation = z.enum(["coach", "coachee", "supervisor", "oversight"]);
export type EngagementRelation = z.infer<typeof ZEngagementRelation>;

export const ZEngagementSummary = z.object({
  id: z.string(),
  relation: ZEngagementRelation,
  coachId: z.string(),
  coachName: z.string(),
  coacheePersonId: z.string(),
  coacheeName: z.string(),
  coacheeLevel: ZLevel,
  programName: z.string().nullable(),
  status: ZEngagementStatus,
  startedOn: z.string(),
  sessionsLogged: z.number().int(),
  lastSessionDate: z.string().nullable(),
});
export const ZEngagementList = z.object({ items: z.array(ZEngagementSummary), ...pageOf });

export const ZSessionSummary = z.object({
  id: z.string(),
  status: z.enum(["draft", "final"]),
  sessionDate: z.string(),
  durationMinutes: z.number().int(),
  format: z.string(),
  /** Shown only to the parties, and to the supervisor when the agreement shares summaries. */
  sharedSummary: z.string().nullable(),
  hasPrivateNotes: z.boolean(),
});

export const ZEngagement = ZEngagementSummary.extend({
  /** The reader keeps the coaching log: the coach, or the coachee of a partner coach without an account. */
  keepsLog: z.boolean(),
  readiness: z.object({
    decision: z.enum(["go", "not_yet"]).nullable(),
    notes: z.string().nullable(),
    checkedAt: z.string().nullable(),
  }),
  agreement: z.object({
    /** Null when the reader may not see the goals (a supervisor the agreement shares nothing with). */
    goals: z.array(ZGoal).nullable(),
    frequency: z.string(),
    format: z.string(),
    duration: z.string(),
    roles: z.string(),
    shareSummariesWithSupervisor: z.boolean(),
    coachAcknowledgedAt: z.string().nullable(),
    coacheeAcknowledgedAt: z.string().nullable(),
  }),
  modelId: z.string().nullable(),
  modelVersionNumber: z.number().int().nullable(),
  progress: z
    .array(z.object({ id: z.string(), goalId: z.string(), ratedOn: z.string(), rating: z.number().int() }))
    .nullable(),
  closingSummary: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The latest entries of the coaching log; `sessionsTotal` counts all the reader may see. */
  sessions: z.array(ZSessionSummary),
  sessionsTotal: z.number().int(),
  feedbackGiven: z.number().int().nullable(),
  version: z.number().int(),
});
export type Engagement = z.infer<typeof ZEngagement>;
export const ZSessionLog = z.object({ items: z.array(ZSessionSummary), ...pageOf });

// ---- The coaching log ----

export const SESSION_FORMATS = [
  "individual",
  "group",
  "field_observation",
  "case_consultation",
  "family_staffing",
  "unit_meeting",
  "modeling",
  "behavioral_rehearsal",
] as const;
export const ZSessionFormat = z.enum(SESSION_FORMATS);
export const SESSION_FORMAT_LABELS: Record<z.infer<typeof ZSessionFormat>, string> = {
  individual: "Individual",
  group: "Group",
  field_observation: "Field observation",
  case_consultation: "Case consultation",
  family_staffing: "Family staffing",
  unit_meeting: "Unit meeting",
  modeling: "Modeling",
  behavioral_rehearsal: "Behavioral rehearsal",
};
export const COACHING_STEPS = [
  "interest",
  "goals",
  "observation_or_demonstration",
  "self_reflection",
  "feedback",
  "evaluation",
  "action_planning",
] as const;
export const ZCoachingStep = z.enum(COACHING_STEPS);
export const COACHING_STEP_LABELS: Record<z.infer<typeof ZCoachingStep>, string> = {
  interest: "Interest",
  goals: "Goals",
  observation_or_demonstration: "Observation or demonstration",
  self_reflection: "Self-reflection",
  feedback: "Feedback",
  evaluation: "Evaluation",
  action_planning: "Action planning",
};
export const BARRIER_CATEGORIES = ["policy", "resources", "workload", "training", "community", "other"] as const;
export const ZBarrierCategory = z.enum(BARRIER_CATEGORIES);
export const BARRIER_CATEGORY_LABELS: Record<z.infer<typeof ZBarrierCategory>, string> = {
  policy: "Policy",
  resources: "Resources",
  workload: "Workload",
  training: "Training",
  community: "Community",
  other: "Other",
};

export const ZActionItem = z.object({
  id: z.string().min(1).max(64),
  text: required(1000),
  dueDate: isoDate.nullable(),
  status: z.enum(["open", "done", "dropped"]),
});
export const ZBarrierInput = z.object({ description: required(2000), category: ZBarrierCategory });
export const ZParticipant = z.object({ personId: z.string().min(1).max(64), attended: z.boolean() });

export const ZSessionStart = z.object({
  sessionDate: isoDate,
  startTime: z
    .string()
    .regex(/^\d{2}:\d{2}$/, "Use a time like 09:30.")
    .nullable(),
  durationMinutes: z.number().int().min(5).max(600),
  format: ZSessionFormat,
});
export type SessionStart = z.infer<typeof ZSessionStart>;

export const ZSessionInput = ZSessionStart.extend({
  status: z.enum(["draft", "final"]),
  location: text(200),
  participants: z.array(ZParticipant).max(50),
  focusItemIds: itemIds,
  stepsCovered: z.array(ZCoachingStep).max(COACHING_STEPS.length),
  reflectionEasy: text(4000),
  reflectionHard: text(4000),
  reflectionConfident: text(4000),
  privateNotes: text(20000),
  sharedSummary: text(8000),
  actionItems: z.array(ZActionItem).max(30),
  barriers: z.array(ZBarrierInput).max(20),
  version,
});
export type SessionInput = z.infer<typeof ZSessionInput>;

export const ZSession = z.object({
  id: z.string(),
  engagementId: z.string(),
  relation: ZEngagementRelation,
  keepsLog: z.boolean(),
  status: z.enum(["draft", "final"]),
  sessionDate: z.string(),
  startTime: z.string().nullable(),
  durationMinutes: z.number().int(),
  format: ZSessionFormat,
  location: z.string(),
  participants: z.array(ZParticipant),
  focusItemIds: z.array(z.string()),
  stepsCovered: z.array(ZCoachingStep),
  /** The rest is the parties' own: null for anyone else. */
  reflectionEasy: z.string().nullable(),
  reflectionHard: z.string().nullable(),
  reflectionConfident: z.string().nullable(),
  privateNotes: z.string().nullable(),
  hasPrivateNotes: z.boolean(),
  sharedSummary: z.string().nullable(),
  actionItems: z.array(ZActionItem).nullable(),
  barriers: z.array(ZBarrierInput).nullable(),
  version: z.number().int(),
});
export type Session = z.infer<typeof ZSession>;

/** Following up after a session: coach or coachee settles one of its action items. */
export const ZActionItemStatusInput = z.object({ status: ZActionItem.shape.status, version });
export type ActionItemStatusInput = z.infer<typeof ZActionItemStatusInput>;

/**
 * What an engagement's logged sessions left to follow up, for its coach and coachee only: the
 * action items still open (each with the session and version it is kept in) and the barriers raised.
 */
export const ZEngagementFollowUp = z.object({
  actionItems: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      dueDate: z.string().nullable(),
      /** Due before today in the agency's time zone. */
      overdue: z.boolean(),
      sessionId: z.string(),
      sessionDate: z.string(),
      sessionVersion: z.number().int(),
    }),
  ),
  barriers: z.array(
    z.object({
      id: z.string(),
      description: z.string(),
      category: ZBarrierCategory,
      sessionId: z.string(),
      sessionDate: z.string(),
    }),
  ),
});
export type EngagementFollowUp = z.infer<typeof ZEngagementFollowUp>;

// ---- Feedback ----

const rating = z.number().int().min(1, "Choose 1 to 5.").max(5, "Choose 1 to 5.");
export const ZFeedbackInput = z.object({
  sessionId: z.string().min(1).max(64).nullable(),
  satisfaction: rating,
  usefulness: rating,
  relationship: rating,
});
export type FeedbackInput = z.infer<typeof ZFeedbackInput>;

export const ZFeedbackSummary = z.object({
  coachId: z.string(),
  groups: z.array(
    z.object({
      programId: z.string().nullable(),
      programName: z.string().nullable(),
      responses: z.number().int(),
      minimum: z.number().int(),
      /** Null until `responses` reaches `minimum`, so no single coachee's answer can be picked out. */
      averages: z.object({ satisfaction: z.number(), usefulness: z.number(), relationship: z.number() }).nullable(),
    }),
  ),
});
export type FeedbackSummary = z.infer<typeof ZFeedbackSummary>;

// ---- Training follow-up ----
export const ZTrainingFollowUpQuery = z.object({
  thresholdDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(365)
    .optional()
    .describe(
      "Days after training a unit may go without coaching before it is flagged; the agency's setting when left out",
    ),
});
export type TrainingFollowUpQuery = z.infer<typeof ZTrainingFollowUpQuery>;

export const ZTrainingFollowUp = z.object({
  thresholdDays: z.number().int(),
  today: z.string().describe("Today in the agency's time zone (YYYY-MM-DD)"),
  units: z.array(
    z.object({
      orgUnitId: z.string(),
      orgUnitName: z.string(),
      trainingEndedOn: z.string(),
      daysSinceTraining: z.number().int(),
    }),
  ),
});
export type TrainingFollowUp = z.infer<typeof ZTrainingFollowUp>;

// ---- The coach's calendar ----
export const ZCoachCalendarQuery = z.object({
  from: isoDate.optional().describe("First day shown (YYYY-MM-DD); today in the agency's time zone when left out"),
  span: z.enum(["week", "month"]).default("week").describe("Seven days or a month from the first day"),
});
export type CoachCalendarQuery = z.infer<typeof ZCoachCalendarQuery>;

export const ZCoachCalendar = z.object({
  from: z.string(),
  to: z.string().describe("Last day shown, inclusive"),
  sessions: z.array(
    z.object({
      id: z.string(),
      engagementId: z.string(),
      coacheeName: z.string(),
      sessionDate: z.string(),
      startTime: z.string().nullable(),
      durationMinutes: z.number().int(),
      format: z.string(),
      location: z.string(),
      status: z.enum(["draft", "final"]),
    }),
  ),
});
export type CoachCalendar = z.infer<typeof ZCoachCalendar>;
