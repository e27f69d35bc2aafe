import { z } from "zod";

/**
 * Fidelity assessment (SPEC §6): the shapes shared by the server and the web forms.
 * An instrument version is one JSON document (scale, measures, scoring rules); observations point
 * at the instrument id and the published version number they were rated with.
 */
const isoDate = z.iso.date({ message: "Use a date like 2024-03-31." });
const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);
const name = (max = 200) => z.string().trim().min(1, "Enter a name.").max(max, `Use at most ${max} characters.`);
const id = z.string().min(1).max(64);
export const ZMeasureCode = z
  .string()
  .trim()
  .min(1, "Enter a code.")
  .max(20, "Use at most 20 characters.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Use letters, digits, dots, dashes or underscores.");

// ── Instruments ───────────────────────────────────────────────────────────────

export const ZScaleLevel = z.object({
  value: z.number().int().min(0).max(10),
  label: name(80),
});

export const ZMeasureAnchor = z.object({
  value: z.number().int().min(0).max(10),
  /** What the staff member's practice looks like at this level of this measure. */
  text: text(1000),
});

export const ZMeasure = z.object({
  code: ZMeasureCode,
  name: name(),
  description: text(2000),
  /** Element ids of the practice model version named in the content. */
  elementIds: z.array(z.uuid()).max(20),
  anchors: z.array(ZMeasureAnchor).max(10),
});

export const ZScoringRules = z.object({
  /** Fidelity is met when the mean of the measure scores is at least this… */
  threshold: z.number().min(0).max(10),
  /** …and no measure scores below this. */
  floor: z.number().min(0).max(10),
});

const ZInstrumentContentShape = z.object({
  modelId: z.string().max(64).nullable(),
  modelVersionNumber: z.number().int().positive().nullable(),
  scale: z.array(ZScaleLevel).min(2, "A scale needs at least two levels.").max(10),
  measures: z.array(ZMeasure).min(1, "Add at least one measure.").max(30),
  scoring: ZScoringRules,
});

export const ZInstrumentContent = ZInstrumentContentShape.superRefine((content, ctx) => {
  const values = content.scale.map((level) => level.value);
  values.forEach((value, index) => {
    const previous = values[index - 1];
    if (previous !== undefined && value <= previous) {
      ctx.addIssue({ code: "custom", path: ["scale", index, "value"], message: "List levels from lowest to highest." });
    }
  });
  const codes = new Set<string>();
  content.measures.forEach((measure, index) => {
    const key = measure.code.toLowerCase();
    if (codes.has(key)) {
      ctx.addIssue({
        code: "custom",
        path: ["measures", index, "code"],
        message: `The code ${measure.code} is used twice.`,
      });
    }
    codes.add(key);
    measure.anchors.forEach((anchor, anchorIndex) => {
      if (!values.includes(anchor.value)) {
        ctx.addIssue({
          code: "custom",
          path: ["measures", index, "anchors", anchorIndex, "value"],
          message: "Anchor each level of the scale.",
        });
      }
    });
  });
  const lowest = values[0] ?? 0;
  const highest = values[values.length - 1] ?? 0;
  if (content.scoring.threshold < lowest || content.scoring.threshold > highest) {
    ctx.addIssue({ code: "custom", path: ["scoring", "threshold"], message: "Use a value on the scale." });
  }
  if (content.scoring.floor < lowest || content.scoring.floor > highest) {
    ctx.addIssue({ code: "custom", path: ["scoring", "floor"], message: "Use a value on the scale." });
  }
});
export type InstrumentContent = z.infer<typeof ZInstrumentContent>;

export const INSTRUMENT_TEMPLATES = ["nine-measures", "blank"] as const;
export const ZInstrumentInput = z.object({
  name: name(),
  template: z.enum(INSTRUMENT_TEMPLATES).default("nine-measures"),
});

export const ZInstrumentVersionSummary = z.object({ number: z.number().int(), publishedAt: z.string() });

export const ZInstrument = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
  latestPublishedNumber: z.number().int().nullable(),
  hasDraft: z.boolean(),
});
export const ZInstrumentList = z.object({ items: z.array(ZInstrument) });

export const ZInstrumentDetail = ZInstrument.extend({
  published: z.array(ZInstrumentVersionSummary),
  /** The draft's content and its version for the optimistic check, or null when there is no draft. */
  draft: z.object({ content: ZInstrumentContent, version: z.number().int() }).nullable(),
  /** The newest published content, or null before the first publication. */
  current: z.object({ number: z.number().int(), content: ZInstrumentContent }).nullable(),
});

export const ZInstrumentDraftUpdate = z.object({ content: ZInstrumentContent, version: z.number().int().positive() });
export const ZInstrumentPublish = z.object({ version: z.number().int().positive() });

// ── Observers ─────────────────────────────────────────────────────────────────

export const OBSERVER_TYPES = ["community_partner", "agency_partner"] as const;
export const ZObserverType = z.enum(OBSERVER_TYPES);
export type ObserverType = z.infer<typeof ZObserverType>;

const ZObserverDates = z.object({
  trainedOn: isoDate.nullable(),
  certifiedOn: isoDate.nullable(),
  certificationExpiresOn: isoDate.nullable(),
});

export const ZObserverInput = ZObserverDates.extend({
  observerType: ZObserverType,
  /** The staff person, for an agency partner. */
  personId: id.nullable().default(null),
  /** The partner person, for a community partner. */
  partnerPersonId: id.nullable().default(null),
});
export type ObserverInput = z.infer<typeof ZObserverInput>;

export const ZObserverUpdate = ZObserverDates.extend({ version: z.number().int().positive() });
export type ObserverUpdate = z.infer<typeof ZObserverUpdate>;

export const ZObserver = z.object({
  id: z.string(),
  observerType: ZObserverType,
  personId: z.string().nullable(),
  partnerPersonId: z.string().nullable(),
  name: z.string(),
  trainedOn: z.string().nullable(),
  certifiedOn: z.string().nullable(),
  certificationExpiresOn: z.string().nullable(),
  version: z.number().int(),
});
export type Observer = z.infer<typeof ZObserver>;
export const ZObserverList = z.object({ items: z.array(ZObserver) });

// ── Sampling ──────────────────────────────────────────────────────────────────

export const ZSampleInput = z
  .object({
    orgUnitId: id,
    periodStart: isoDate,
    periodEnd: isoDate,
    size: z.number().int().min(1, "Sample at least one person.").max(200),
    /** Leave out to draw a fresh seed; send a seed shown earlier to draw the same sample again. */
    seed: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,40}$/, "Use up to 40 letters, digits or dashes.")
      .optional(),
  })
  .refine((s) => s.periodEnd >= s.periodStart, { path: ["periodEnd"], message: "End on or after the start." });
export type SampleInput = z.infer<typeof ZSampleInput>;

export const ZSample = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  seed: z.string(),
  size: z.number().int(),
  /** How many staff the sample was drawn from. */
  poolSize: z.number().int(),
  people: z.array(z.object({ id: z.string(), name: z.string() })),
  createdAt: z.string(),
});
export type Sample = z.infer<typeof ZSample>;

// ── Observations, ratings, consensus, debrief ─────────────────────────────────

export const EVENT_TYPES = ["teaming_event", "family_meeting"] as const;
export const ZEventType = z.enum(EVENT_TYPES);

export const ZObservationInput = z.object({
  instrumentId: id,
  eventType: ZEventType,
  eventDate: isoDate,
  staffPersonId: id,
  observerIds: z.array(id).length(2, "Choose exactly two observers: one community partner and one agency partner."),
  /** An opaque reference to where the family's consent is filed; no names, no case numbers. */
  consentReference: z
    .string()
    .trim()
    .min(1, "Enter the consent reference.")
    .max(40, "Use at most 40 characters.")
    .regex(/^[A-Za-z0-9-]+$/, "Use only letters, digits and dashes, nothing that names the family."),
  consentGiven: z.literal(true, "Observers may only attend with the family's consent."),
});
export type ObservationInput = z.infer<typeof ZObservationInput>;

export const ZRatingInput = z.object({
  measureCode: ZMeasureCode,
  rating: z.number().int().min(0).max(10),
  note: text(2000).default(""),
});

export const ZMyRatingsInput = z.object({
  ratings: z.array(ZRatingInput).max(30),
  /** Submitting locks the ratings; every measure must be rated. */
  submit: z.boolean().default(false),
});
export type MyRatingsInput = z.infer<typeof ZMyRatingsInput>;

export const ZConsensusInput = z.object({
  ratings: z.array(ZRatingInput).min(1).max(30),
  debriefStrengths: text(4000).min(1, "Start the debrief with what went well."),
  debriefNextSteps: text(4000).default(""),
  version: z.number().int().positive(),
});
export type ConsensusInput = z.infer<typeof ZConsensusInput>;

const ZRating = z.object({ measureCode: z.string(), rating: z.number().int(), note: z.string() });

export const ZObservationObserver = z.object({
  observerId: z.string(),
  observerType: ZObserverType,
  name: z.string(),
  submitted: z.boolean(),
  /** Present only when the reader may see them: the observer themself, or anyone on the fidelity team once both have submitted. */
  ratings: z.array(ZRating).nullable(),
});

export const ZScore = z.object({
  overall: z.number().nullable(),
  fidelityMet: z.boolean().nullable(),
});

export const ZObservation = z.object({
  id: z.string(),
  instrumentId: z.string(),
  instrumentVersionNumber: z.number().int(),
  eventType: ZEventType,
  eventDate: z.string(),
  staffPersonId: z.string(),
  staffName: z.string(),
  orgUnitName: z.string().nullable(),
  consentReference: z.string(),
  status: z.enum(["scheduled", "rated", "reconciled"]),
  source: z.enum(["app", "import"]),
  observers: z.array(ZObservationObserver),
  consensus: z.array(ZRating).nullable(),
  score: ZScore.nullable(),
  debriefStrengths: z.string(),
  debriefNextSteps: z.string(),
  version: z.number().int(),
  /** The reader's own place on the observer team, or null when they are not one of its observers. */
  viewerObserverId: z.string().nullable(),
});
export type Observation = z.infer<typeof ZObservation>;
export const ZObservationsQuery = z.object({
  status: z.enum(["scheduled", "rated", "reconciled"]).optional(),
  orgUnitId: id.optional().describe("This unit and everything below it"),
  from: isoDate.optional().describe("Events on or after this date"),
  to: isoDate.optional().describe("Events on or before this date"),
  observerId: id.optional().describe("Observations this observer is assigned to"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ObservationsQuery = z.infer<typeof ZObservationsQuery>;

/** One page of observations, newest first, and how many match the filters. */
export const ZObservationList = z.object({
  items: z.array(ZObservation.omit({ observers: true, consensus: true, viewerObserverId: true })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZDebrief = z.object({
  observationId: z.string(),
  eventType: ZEventType,
  eventDate: z.string(),
  staffName: z.string(),
  strengths: z.string(),
  nextSteps: z.string(),
  /** Consensus only: the observers' individual ratings stay with the fidelity team. */
  measures: z.array(
    z.object({ code: z.string(), name: z.string(), rating: z.number().int(), label: z.string(), note: z.string() }),
  ),
  score: ZScore,
});
export const ZDebriefList = z.object({ items: z.array(ZDebrief) });

export const ZDebriefsQuery = z.object({
  personId: id.optional().describe("Only this staff member's debriefs"),
  from: isoDate.optional().describe("Events on or after this date"),
  to: isoDate.optional().describe("Events on or before this date"),
});
export type DebriefsQuery = z.infer<typeof ZDebriefsQuery>;

/** The debriefs a reader may open: their own and, for a supervisor, their supervisor line's. */
export const ZDebriefSummaryList = z.object({
  items: z.array(
    z.object({
      observationId: z.string(),
      staffPersonId: z.string(),
      staffName: z.string(),
      orgUnitName: z.string().nullable(),
      eventType: ZEventType,
      eventDate: z.string(),
      score: ZScore,
    }),
  ),
  /** Whose debriefs the reader may filter by: themself and the staff below them. */
  people: z.array(z.object({ id: z.string(), name: z.string() })),
});

/** One debrief with what each agreed level means; never the observers' individual ratings. */
export const ZDebriefDetail = ZDebrief.extend({
  staffPersonId: z.string(),
  orgUnitName: z.string().nullable(),
  measures: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      description: z.string(),
      rating: z.number().int(),
      label: z.string(),
      /** What practice looks like at the agreed level of this measure, from the instrument. */
      anchor: z.string(),
      note: z.string(),
    }),
  ),
});

// ── Import and reliability ────────────────────────────────────────────────────

/** What an observer needs on the rating form, beside the observation itself. */
export const ZObservationForRating = ZObservation.extend({ scale: z.array(ZScaleLevel), measures: z.array(ZMeasure) });

export const ZImportQuery = z.object({
  instrumentId: id,
  dryRun: z.enum(["true", "false"]).default("false"),
});

export const ZImportReport = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  rows: z.number().int(),
  observations: z.number().int(),
  ratings: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
});
export type ImportReport = z.infer<typeof ZImportReport>;

export const ZReliabilityQuery = z.object({ instrumentId: id });

export const ZAgreement = z.object({
  n: z.number().int(),
  exactAgreement: z.number().nullable(),
  withinOneAgreement: z.number().nullable(),
  kappa: z.number().nullable(),
  weightedKappa: z.number().nullable(),
});

export const ZReliability = z.object({
  instrumentId: z.string(),
  /** Observations with exactly two submitted observers. */
  observations: z.number().int(),
  overall: ZAgreement,
  measures: z.array(ZAgreement.extend({ measureCode: z.string(), measureName: z.string() })),
  pairs: z.array(
    ZAgreement.extend({
      observerIds: z.array(z.string()),
      observerNames: z.array(z.string()),
      quarters: z.array(ZAgreement.extend({ quarter: z.string() })),
      drift: z.boolean(),
      driftQuarter: z.string().nullable(),
    }),
  ),
  quarters: z.array(ZAgreement.extend({ quarter: z.string() })),
});
export type Reliability = z.infer<typeof ZReliability>;

// ── Results ───────────────────────────────────────────────────────────────────

/** Groups with fewer observations than this show counts only: nothing that could point at a person. */
export const SMALL_CELL = 5;

export const ZResultsQuery = z.object({
  /** Leave out for the agency's instrument in use (the first with a published version). */
  instrumentId: id.optional(),
  /** `cohort` splits observations into trained and not yet trained, by the training domain's rule. */
  groupBy: z.enum(["unit", "office", "quarter", "cohort"]).default("quarter"),
});

export const ZResults = z.object({
  instrumentId: z.string(),
  /** Whose observations count: the whole agency, or the reader's own part of the organization. */
  scope: z.object({ kind: z.enum(["agency", "subtree"]), name: z.string() }),
  groupBy: z.enum(["unit", "office", "quarter", "cohort"]),
  groups: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      observations: z.number().int(),
      /** True when the group has fewer than 5 observations: the figures below are withheld. */
      suppressed: z.boolean(),
      shareMet: z.number().nullable(),
      meanOverall: z.number().nullable(),
      /** Per measure, how many observations reached each level of the scale. */
      measures: z
        .array(
          z.object({
            measureCode: z.string(),
            counts: z.array(z.object({ value: z.number().int(), count: z.number().int() })),
          }),
        )
        .nullable(),
    }),
  ),
});

/** Per person, for a supervisor or manager: each person below them in their supervisor line. */
export const ZPersonResults = z.object({
  instrumentId: z.string(),
  people: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      orgUnitName: z.string().nullable(),
      observations: z.number().int(),
      met: z.number().int(),
      meanOverall: z.number().nullable(),
      latestEventDate: z.string().nullable(),
    }),
  ),
});
