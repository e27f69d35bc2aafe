import { z } from "zod";
import { ZAgreement, ZMeasure, ZMeasureCode, ZScaleLevel } from "./fidelity.schema.js";

/**
 * Calibration (SPEC §6): observers rate a written reference case on their own and then compare
 * their ratings with the fidelity team's reference ratings and rationale.
 */
const id = z.string().min(1).max(64);

/** An observer passes calibration with at least this share of measures within one level of the reference. */
export const CALIBRATION_PASS_WITHIN_ONE = 0.8;

/** A form sends null for a measure left unrated, so the message lands next to that measure. */
const level = z.number({ error: "Choose a level of the scale." }).int().min(0).max(10);

export const ZReferenceRating = z.object({
  measureCode: ZMeasureCode,
  rating: level,
  /** Why this is the reference rating: what in the case points to this level. */
  rationale: z.string().trim().min(1, "Explain the reference rating.").max(2000, "Use at most 2000 characters."),
});
export type ReferenceRating = z.infer<typeof ZReferenceRating>;

export const ZCalibrationCaseInput = z.object({
  instrumentId: id,
  title: z.string().trim().min(1, "Enter a title.").max(200, "Use at most 200 characters."),
  /** A fictional meeting: no names or details of a real family. */
  description: z
    .string()
    .trim()
    .min(1, "Describe the meeting observers will rate.")
    .max(20000, "Use at most 20000 characters."),
  reference: z.array(ZReferenceRating).min(1).max(30),
});
export type CalibrationCaseInput = z.infer<typeof ZCalibrationCaseInput>;

export const ZCalibrationRatingsInput = z.object({
  ratings: z.array(z.object({ measureCode: ZMeasureCode, rating: level })).max(30),
});
export type CalibrationRatingsInput = z.infer<typeof ZCalibrationRatingsInput>;

/** How one attempt compares with the reference. */
export const ZCalibrationScore = ZAgreement.extend({
  passed: z.boolean(),
});
export type CalibrationScore = z.infer<typeof ZCalibrationScore>;

export const ZCalibrationComparison = z.object({
  measureCode: z.string(),
  measureName: z.string(),
  rating: z.number().int(),
  referenceRating: z.number().int(),
  rationale: z.string(),
});

export const ZCalibrationCaseSummary = z.object({
  id: z.string(),
  title: z.string(),
  instrumentId: z.string(),
  instrumentName: z.string(),
  instrumentVersionNumber: z.number().int(),
  createdAt: z.string(),
  /** How many observers have submitted. */
  attempts: z.number().int(),
  /** The reader's own result, or null when they have not rated the case (or are not an observer). */
  mine: z.object({ submittedAt: z.string(), score: ZCalibrationScore }).nullable(),
});
export const ZCalibrationCaseList = z.object({
  items: z.array(ZCalibrationCaseSummary),
  /** Whether the reader is on the observer roster and so can rate cases. */
  readerIsObserver: z.boolean(),
});

export const ZCalibrationCase = ZCalibrationCaseSummary.extend({
  description: z.string(),
  scale: z.array(ZScaleLevel),
  measures: z.array(ZMeasure),
  /**
   * The reference ratings with rationale: for the fidelity team always, for an observer only once
   * they have submitted their own ratings of this case.
   */
  reference: z.array(ZReferenceRating).nullable(),
  /** The reader's ratings next to the reference, once they have submitted. */
  comparison: z.array(ZCalibrationComparison).nullable(),
});
export type CalibrationCase = z.infer<typeof ZCalibrationCase>;

export const ZCalibrationResult = z.object({
  caseId: z.string(),
  caseTitle: z.string(),
  observerId: z.string(),
  observerName: z.string(),
  submittedAt: z.string(),
  score: ZCalibrationScore,
});
export const ZCalibrationResults = z.object({
  /** Every submitted attempt, newest first. */
  items: z.array(ZCalibrationResult),
  /** Each rostered observer's latest attempt, or null when they have not calibrated yet. */
  latestByObserver: z.array(z.object({ observerId: z.string(), latest: ZCalibrationResult.nullable() })),
});
export type CalibrationResults = z.infer<typeof ZCalibrationResults>;
