import type { Db } from "../../db/types.js";
import { AppError, type FieldError, forbidden, notFound } from "../../server/errors.js";
import { nowUtc } from "../../shared/time.js";
import { type Actor, authorize, canAct } from "../access/policy.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import {
  type CalibrationAttemptRow,
  type CalibrationCaseRow,
  findCalibrationAttempts,
  findCalibrationCaseById,
  findCalibrationCasesOfAgency,
  insertCalibrationAttempt,
  insertCalibrationCase,
} from "./calibration.repo.js";
import type {
  CalibrationCase,
  CalibrationCaseInput,
  CalibrationRatingsInput,
  CalibrationResults,
} from "./calibration.schema.js";
import { scoreCalibration } from "./calibration-score.js";
import type { InstrumentContent } from "./fidelity.schema.js";
import { findPublishedInstrument } from "./instrument.service.js";
import { findObserverForActor, listObservers } from "./observer.service.js";

const here = (actor: Actor) => ({ agencyId: actor.agencyId });
const invalid = (fieldErrors: FieldError[]) =>
  new AppError("VALIDATION", "Some fields need attention.", { fieldErrors });

async function publishedContentOf(db: Db, agencyId: string, calibrationCase: CalibrationCaseRow) {
  const instrument = await findPublishedInstrument(
    db,
    agencyId,
    calibrationCase.instrumentId,
    calibrationCase.instrumentVersionNumber,
  );
  if (!instrument) throw new Error(`calibration case ${calibrationCase.id} points at a missing instrument version`);
  return instrument;
}

function scoreOf(content: InstrumentContent, calibrationCase: CalibrationCaseRow, attempt: CalibrationAttemptRow) {
  return scoreCalibration(
    content.scale.map((level) => level.value),
    attempt.ratings,
    calibrationCase.reference,
  );
}

/** Every measure rated once, on the scale, and nothing that is not a measure of the instrument. */
function checkRatings(
  content: InstrumentContent,
  ratings: readonly { measureCode: string; rating: number }[],
  field: "reference" | "ratings",
): FieldError[] {
  const errors: FieldError[] = [];
  const codes = new Map(content.measures.map((m) => [m.code.toLowerCase(), m.code]));
  const values = new Set(content.scale.map((l) => l.value));
  const seen = new Set<string>();
  ratings.forEach((r, index) => {
    const key = r.measureCode.toLowerCase();
    if (!codes.has(key))
      errors.push({ field: `${field}.${index}.measureCode`, message: "Not a measure of this instrument." });
    else if (seen.has(key))
      errors.push({ field: `${field}.${index}.measureCode`, message: "This measure is rated twice." });
    if (!values.has(r.rating)) errors.push({ field: `${field}.${index}.rating`, message: "Use a level of the scale." });
    seen.add(key);
  });
  for (const [key, code] of codes) {
    if (!seen.has(key)) errors.push({ field, message: `Rate measure ${code}.` });
  }
  return errors;
}

function canonicalCodes<R extends { measureCode: string }>(content: InstrumentContent, ratings: readonly R[]): R[] {
  const canonical = new Map(content.measures.map((m) => [m.code.toLowerCase(), m.code]));
  return ratings.map((r) => ({ ...r, measureCode: canonical.get(r.measureCode.toLowerCase()) ?? r.measureCode }));
}

/**
 * Blindness: anyone on the observer roster sees a case's reference ratings and rationale only
 * after submitting their own ratings of it — even if they are also on the fidelity team, since
 * their result would otherwise measure nothing. Team members who do not observe always see it.
 */
async function readerOf(db: Db, actor: Actor) {
  authorize(actor, "fidelity.rate", here(actor));
  const observer = await findObserverForActor(db, actor);
  const isFidelityTeam = canAct(actor, "fidelity.manage");
  if (!observer && !isFidelityTeam)
    throw forbidden("Only observers on the roster and the fidelity team can calibrate.");
  return { observer, isFidelityTeam };
}

export async function listCalibrationCases(db: Db, actor: Actor) {
  const reader = await readerOf(db, actor);
  const cases = await findCalibrationCasesOfAgency(db, actor.agencyId);
  const attempts = await findCalibrationAttempts(db, actor.agencyId);
  const contents = new Map<string, { name: string; content: InstrumentContent }>();
  const items = [];
  for (const calibrationCase of cases) {
    const key = `${calibrationCase.instrumentId}#${calibrationCase.instrumentVersionNumber}`;
    let instrument = contents.get(key);
    if (!instrument) {
      instrument = await publishedContentOf(db, actor.agencyId, calibrationCase);
      contents.set(key, instrument);
    }
    const ofCase = attempts.filter((a) => a.caseId === calibrationCase.id);
    const mine = reader.observer ? ofCase.find((a) => a.observerId === reader.observer?.id) : undefined;
    items.push({
      id: calibrationCase.id,
      title: calibrationCase.title,
      instrumentId: calibrationCase.instrumentId,
      instrumentName: instrument.name,
      instrumentVersionNumber: calibrationCase.instrumentVersionNumber,
      createdAt: calibrationCase.createdAt,
      attempts: ofCase.length,
      mine: mine ? { submittedAt: mine.submittedAt, score: scoreOf(instrument.content, calibrationCase, mine) } : null,
    });
  }
  return { items, readerIsObserver: reader.observer !== undefined };
}

async function present(db: Db, actor: Actor, calibrationCase: CalibrationCaseRow): Promise<CalibrationCase> {
  const reader = await readerOf(db, actor);
  const instrument = await publishedContentOf(db, actor.agencyId, calibrationCase);
  const attempts = await findCalibrationAttempts(db, actor.agencyId, { caseId: calibrationCase.id });
  const mine = reader.observer ? attempts.find((a) => a.observerId === reader.observer?.id) : undefined;
  const seesReference = mine !== undefined || (reader.isFidelityTeam && !reader.observer);
  const referenceByCode = new Map(calibrationCase.reference.map((r) => [r.measureCode, r]));
  return {
    id: calibrationCase.id,
    title: calibrationCase.title,
    description: calibrationCase.description,
    instrumentId: calibrationCase.instrumentId,
    instrumentName: instrument.name,
    instrumentVersionNumber: calibrationCase.instrumentVersionNumber,
    createdAt: calibrationCase.createdAt,
    attempts: attempts.length,
    scale: instrument.content.scale,
    measures: instrument.content.measures,
    reference: seesReference ? calibrationCase.reference : null,
    mine: mine ? { submittedAt: mine.submittedAt, score: scoreOf(instrument.content, calibrationCase, mine) } : null,
    comparison: mine
      ? instrument.content.measures.flatMap((measure) => {
          const own = mine.ratings.find((r) => r.measureCode === measure.code);
          const reference = referenceByCode.get(measure.code);
          if (!own || !reference) return [];
          return [
            {
              measureCode: measure.code,
              measureName: measure.name,
              rating: own.rating,
              referenceRating: reference.rating,
              rationale: reference.rationale,
            },
          ];
        })
      : null,
  };
}

async function loadCase(db: Db, actor: Actor, id: string) {
  const calibrationCase = await findCalibrationCaseById(db, actor.agencyId, id);
  if (!calibrationCase) throw notFound("The calibration case");
  authorize(actor, "fidelity.rate", here(actor), "The calibration case");
  return calibrationCase;
}

export async function getCalibrationCase(db: Db, actor: Actor, id: string) {
  return present(db, actor, await loadCase(db, actor, id));
}

/** The fidelity team writes a reference case against the instrument's newest published version. */
export async function createCalibrationCase(db: Db, actor: Actor, input: CalibrationCaseInput) {
  authorize(actor, "fidelity.manage", here(actor));
  const id = await db.transaction().execute(async (trx) => {
    const instrument = await findPublishedInstrument(trx, actor.agencyId, input.instrumentId);
    if (!instrument)
      throw invalid([{ field: "instrumentId", message: "Choose an instrument with a published version." }]);
    const errors = checkRatings(instrument.content, input.reference, "reference");
    if (errors.length > 0) throw invalid(errors);
    const reference = canonicalCodes(instrument.content, input.reference);
    const caseId = await insertCalibrationCase(
      trx,
      actor.agencyId,
      {
        instrumentId: instrument.instrumentId,
        instrumentVersionNumber: instrument.number,
        title: input.title,
        description: input.description,
        reference,
      },
      actor.userId,
    );
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "fidelity_calibration_case",
      entityId: caseId,
      summary: `Created the calibration case ${input.title}`,
      after: { ...input, reference, instrumentVersionNumber: instrument.number },
    });
    return caseId;
  });
  return getCalibrationCase(db, actor, id);
}

/** An observer on the roster rates the case once; the answer then shows the reference beside their ratings. */
export async function submitCalibrationRatings(db: Db, actor: Actor, id: string, input: CalibrationRatingsInput) {
  authorize(actor, "fidelity.rate", here(actor));
  const observer = await findObserverForActor(db, actor);
  if (!observer) throw forbidden("Only observers on the roster can rate a calibration case.");
  await db.transaction().execute(async (trx) => {
    const calibrationCase = await loadCase(trx, actor, id);
    const instrument = await publishedContentOf(trx, actor.agencyId, calibrationCase);
    const errors = checkRatings(instrument.content, input.ratings, "ratings");
    if (errors.length > 0) throw invalid(errors);
    const already = await findCalibrationAttempts(trx, actor.agencyId, { caseId: id, observerId: observer.id });
    if (already.length > 0) throw new AppError("CONFLICT", "You have already rated this calibration case.");
    const ratings = canonicalCodes(instrument.content, input.ratings).map((r) => ({
      measureCode: r.measureCode,
      rating: r.rating,
    }));
    const attemptId = await insertCalibrationAttempt(trx, actor.agencyId, {
      caseId: id,
      observerId: observer.id,
      ratings,
      submittedAt: nowUtc(),
    });
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "fidelity_calibration_attempt",
      entityId: attemptId,
      summary: `${observer.name} rated the calibration case ${calibrationCase.title}`,
      after: { caseId: id, observerId: observer.id, ratings },
    });
  });
  return getCalibrationCase(db, actor, id);
}

/** For the fidelity team: every observer's results, and each rostered observer's latest for the roster. */
export async function listCalibrationResults(db: Db, actor: Actor): Promise<CalibrationResults> {
  authorize(actor, "fidelity.manage", here(actor));
  const [cases, attempts, observers] = await Promise.all([
    findCalibrationCasesOfAgency(db, actor.agencyId),
    findCalibrationAttempts(db, actor.agencyId),
    listObservers(db, actor),
  ]);
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const nameById = new Map(observers.items.map((o) => [o.id, o.name]));
  const contents = new Map<string, InstrumentContent>();
  const items: CalibrationResults["items"] = [];
  for (const attempt of attempts) {
    const calibrationCase = caseById.get(attempt.caseId);
    if (!calibrationCase) continue;
    let content = contents.get(calibrationCase.id);
    if (!content) {
      content = (await publishedContentOf(db, actor.agencyId, calibrationCase)).content;
      contents.set(calibrationCase.id, content);
    }
    items.push({
      caseId: calibrationCase.id,
      caseTitle: calibrationCase.title,
      observerId: attempt.observerId,
      observerName: nameById.get(attempt.observerId) ?? "",
      submittedAt: attempt.submittedAt,
      score: scoreOf(content, calibrationCase, attempt),
    });
  }
  return {
    items,
    // Attempts come newest first, so the first one found per observer is their latest.
    latestByObserver: observers.items.map((o) => ({
      observerId: o.id,
      latest: items.find((item) => item.observerId === o.id) ?? null,
    })),
  };
}
