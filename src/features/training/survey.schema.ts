import { z } from "zod";

/**
 * Pre/post survey (SPEC §3): confidence and competence items rated 1–5, each about one element of
 * the practice model, and a short knowledge check of multiple-choice questions.
 */
export const SURVEY_ITEM_KINDS = ["confidence", "competence", "knowledge"] as const;
export const ZSurveyItemKind = z.enum(SURVEY_ITEM_KINDS);
export type SurveyItemKind = z.infer<typeof ZSurveyItemKind>;
export const SURVEY_ITEM_KIND_LABELS: Record<SurveyItemKind, string> = {
  confidence: "Confidence",
  competence: "Competence",
  knowledge: "Knowledge check",
};

/** The rating scale of confidence and competence items, lowest first. */
export const RATING_LABELS = ["Not at all", "A little", "Somewhat", "Mostly", "Completely"] as const;
export const RATING_MIN = 1;
export const RATING_MAX = RATING_LABELS.length;

export const SURVEY_PHASES = ["pre", "post"] as const;
export const ZSurveyPhase = z.enum(SURVEY_PHASES);
export type SurveyPhase = z.infer<typeof ZSurveyPhase>;

export const ZSurveyItem = z.object({
  id: z.string(),
  kind: ZSurveyItemKind,
  /** The model element a rating item is about; null for knowledge questions. */
  elementId: z.string().nullable(),
  prompt: z.string(),
  /** The answer options of a knowledge question; empty for rating items. */
  options: z.array(z.string()),
  /** Index into `options` of the right answer; null for rating items. */
  correctOption: z.number().int().nullable(),
});
export type SurveyItem = z.infer<typeof ZSurveyItem>;

export const ZModelElementRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const ZSurveyInstrument = z.object({
  modelId: z.string().nullable(),
  /** The elements of the model in use, for choosing what a rating item is about. */
  elements: z.array(ZModelElementRef),
  items: z.array(ZSurveyItem),
  /** False while the agency has not saved an instrument: the items are a starter made from the model. */
  saved: z.boolean(),
  /** 0 before the first save. */
  version: z.number().int(),
});
export type SurveyInstrument = z.infer<typeof ZSurveyInstrument>;

export const ZSurveyItemInput = z
  .object({
    id: z.string().max(64).default(""),
    kind: ZSurveyItemKind,
    elementId: z.string().max(64).nullable().default(null),
    prompt: z.string().trim().min(1, "Write the question.").max(500, "Use at most 500 characters."),
    options: z.array(z.string().trim().min(1, "Write the answer option.").max(300)).max(6).default([]),
    correctOption: z.number().int().min(0).nullable().default(null),
  })
  .superRefine((item, ctx) => {
    if (item.kind === "knowledge") {
      if (item.options.length < 2) {
        ctx.addIssue({ code: "custom", message: "Give at least two answer options.", path: ["options"] });
      }
      if (item.correctOption === null || item.correctOption >= item.options.length) {
        ctx.addIssue({ code: "custom", message: "Choose the right answer.", path: ["correctOption"] });
      }
    } else if (!item.elementId) {
      ctx.addIssue({ code: "custom", message: "Choose the element this item is about.", path: ["elementId"] });
    }
  });

export const ZSurveyInstrumentInput = z.object({
  items: z.array(ZSurveyItemInput).min(1, "Add at least one item.").max(100),
  version: z.number().int().min(0),
});
export type SurveyInstrumentInput = z.output<typeof ZSurveyInstrumentInput>;

export const ZOpenSurveyInput = z.object({
  phase: ZSurveyPhase,
  /** For a post survey: also ask how things were before the training, in place of a pre survey's ratings. */
  retrospective: z.boolean().default(false),
});
export type OpenSurveyInput = z.output<typeof ZOpenSurveyInput>;

export const ZTrainingSurvey = z.object({
  id: z.string(),
  sessionId: z.string(),
  phase: ZSurveyPhase,
  retrospective: z.boolean(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  responses: z.number().int(),
});

/** One answer: a rating (and, on a retrospective post survey, the rating for before) or a chosen option. */
export const ZSurveyAnswer = z.object({
  itemId: z.string().max(64),
  rating: z.number().int().min(RATING_MIN).max(RATING_MAX).nullable().default(null),
  ratingBefore: z.number().int().min(RATING_MIN).max(RATING_MAX).nullable().default(null),
  choice: z.number().int().min(0).nullable().default(null),
});
export type SurveyAnswer = z.output<typeof ZSurveyAnswer>;

export const ZSurveyResponseInput = z.object({ answers: z.array(ZSurveyAnswer).max(100) });
export type SurveyResponseInput = z.output<typeof ZSurveyResponseInput>;

/** What a trainee is asked: the right answers of the knowledge check stay on the server. */
export const ZSurveyQuestion = z.object({
  id: z.string(),
  kind: ZSurveyItemKind,
  elementName: z.string().nullable(),
  prompt: z.string(),
  options: z.array(z.string()),
});

export const ZChange = z.object({
  invited: z.number().int(),
  respondedBefore: z.number().int(),
  respondedAfter: z.number().int(),
  /** People who answered both before and after: only they count toward the change. */
  pairs: z.number().int(),
  /** Matched pairs over invited, 0–1. */
  responseRate: z.number().nullable(),
  meanBefore: z.number().nullable(),
  meanAfter: z.number().nullable(),
  meanChange: z.number().nullable(),
  /** Cohen's d_z of the matched pairs; null with fewer than two pairs or no spread. */
  effectSize: z.number().nullable(),
});
export type Change = z.infer<typeof ZChange>;

export const ZPersonChange = z.object({
  personId: z.string(),
  name: z.string(),
  orgUnitName: z.string().nullable(),
  before: z.number().nullable(),
  after: z.number().nullable(),
  change: z.number().nullable(),
  knowledgeBefore: z.number().nullable().describe("% correct"),
  knowledgeAfter: z.number().nullable().describe("% correct"),
});
export type PersonChange = z.infer<typeof ZPersonChange>;

export const ZSurveyResults = z.object({
  sessionId: z.string(),
  sessionTitle: z.string(),
  sessionStartsAt: z.string(),
  surveys: z.array(ZTrainingSurvey),
  /** Mean of each person's confidence and competence ratings, 1–5. */
  overall: ZChange,
  byKind: z.array(ZChange.extend({ kind: ZSurveyItemKind })),
  byElement: z.array(ZChange.extend({ elementId: z.string(), code: z.string(), name: z.string() })),
  byUnit: z.array(ZChange.extend({ orgUnitId: z.string().nullable(), name: z.string() })),
  /** The knowledge check as % correct, 0–100. */
  knowledge: ZChange,
  people: z.array(ZPersonChange),
});
export type SurveyResults = z.infer<typeof ZSurveyResults>;

export const ZMySurveys = z.object({
  waiting: z.array(
    z.object({
      surveyId: z.string(),
      sessionId: z.string(),
      sessionTitle: z.string(),
      sessionStartsLocal: z.string(),
      phase: ZSurveyPhase,
      retrospective: z.boolean(),
      questions: z.array(ZSurveyQuestion),
      /** What the person already answered (they may change it while the survey is open); empty if not yet. */
      answers: z.array(ZSurveyAnswer),
    }),
  ),
  /** The person's own change per session where they answered both before and after. */
  results: z.array(ZPersonChange.extend({ sessionId: z.string(), sessionTitle: z.string() })),
});
export type MySurveys = z.infer<typeof ZMySurveys>;

const ZSessionCount = z.number().int().describe("Sessions with a survey opened");

/** The pooled change of the sessions held in one period of the rollout plan. */
export const ZPeriodSurveyChange = ZChange.extend({
  periodIndex: z.number().int(),
  label: z.string(),
  startsOn: z.string().nullable().describe("First day the period covers; null when the plan names no date"),
  endsOn: z.string().nullable().describe("Last day the period covers; null when the plan names no date"),
  sessions: ZSessionCount,
});

export const ZSurveyChangeByPeriod = z.object({
  /** The agency's most recent rollout plan; null when it has none. */
  planId: z.string().nullable(),
  planName: z.string().nullable(),
  /** One row per period of the plan, in order; a person in two sessions of a period counts twice. */
  periods: z.array(ZPeriodSurveyChange),
  /** Surveyed sessions on days no period covers. */
  outside: ZChange.extend({ sessions: ZSessionCount }),
});
export type SurveyChangeByPeriod = z.infer<typeof ZSurveyChangeByPeriod>;

export const ZStaffSurveyChange = z.object({
  /** Whose rows these are: everyone surveyed, the people below the reader in their supervisor line, or the reader. */
  reach: z.enum(["agency", "line", "self"]),
  items: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      orgUnitName: z.string().nullable(),
      sessions: z.number().int().describe("Surveyed sessions the person was enrolled in"),
      matchedSessions: z.number().int().describe("Sessions where they answered both before and after"),
      before: z.number().nullable().describe("Mean rating 1–5 before, over the matched sessions"),
      after: z.number().nullable().describe("Mean rating 1–5 after, over the matched sessions"),
      change: z.number().nullable(),
    }),
  ),
});
export type StaffSurveyChange = z.infer<typeof ZStaffSurveyChange>;
