import type { Db } from "../../db/types.js";
import { AppError, type FieldError, fieldError, forbidden, notFound, staleVersion } from "../../server/errors.js";
import { newId } from "../../shared/ids.js";
import { formatInZone } from "../../shared/time.js";
import { type Actor, authorize } from "../access/policy.js";
import { findAgencySettings } from "../agencies/agency.service.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import { findModelInUse } from "../model/model.service.js";
import { findEnrollmentsOfSession, findSessionById } from "./session.repo.js";
import {
  closeSurvey,
  countUnansweredOpenSurveysOfPerson,
  findInviteesOfSession,
  findOpenSurveysOfPerson,
  findResponseOfPerson,
  findResponsesOfSurvey,
  findSurveyById,
  findSurveyInstrument,
  findSurveyItemsOfModel,
  findSurveysOfPerson,
  findSurveysOfSession,
  insertSurvey,
  insertSurveyInstrument,
  type SurveyRow,
  saveResponse,
  updateSurveyInstrument,
} from "./survey.repo.js";
import type {
  MySurveys,
  OpenSurveyInput,
  SurveyAnswer,
  SurveyInstrument,
  SurveyInstrumentInput,
  SurveyItem,
  SurveyResponseInput,
  SurveyResults,
} from "./survey.schema.js";
import { type SurveyTaken, surveyResults } from "./survey-results.js";
import { starterSurveyItems } from "./survey-starter.js";

const here = (actor: Actor) => ({ agencyId: actor.agencyId });
const SESSION = "The training session";
const SURVEY = "The survey";
const PHASE_NAMES = { pre: "pre", post: "post" } as const;

async function modelElements(db: Db, agencyId: string) {
  const model = await findModelInUse(db, agencyId);
  return {
    modelId: model?.modelId ?? null,
    elements: (model?.content.elements ?? []).map((e) => ({ id: e.id, code: e.code, name: e.name })),
  };
}

async function instrumentOf(db: Db, agencyId: string): Promise<SurveyInstrument> {
  const [saved, model] = await Promise.all([findSurveyInstrument(db, agencyId), modelElements(db, agencyId)]);
  if (saved)
    return {
      modelId: saved.modelId,
      elements: model.elements,
      items: saved.items,
      saved: true,
      version: saved.version,
    };
  return { ...model, items: starterSurveyItems(model.elements), saved: false, version: 0 };
}

/** The agency's instrument, or a starter made from the model in use until one is saved. */
export async function getSurveyInstrument(db: Db, actor: Actor) {
  authorize(actor, "trainingSurvey.manage", here(actor));
  return instrumentOf(db, actor.agencyId);
}

/** Saves the items; the first save creates the instrument (version 0), later ones need the version read. */
export async function saveSurveyInstrument(db: Db, actor: Actor, input: SurveyInstrumentInput) {
  authorize(actor, "trainingSurvey.manage", here(actor));
  return db.transaction().execute(async (trx) => {
    const before = await instrumentOf(trx, actor.agencyId);
    const elementIds = new Set(before.elements.map((e) => e.id));
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    const items: SurveyItem[] = input.items.map((item, i) => {
      if (item.elementId && !elementIds.has(item.elementId)) {
        errors.push({ field: `items.${i}.elementId`, message: "That element is not in the model in use." });
      }
      const id = item.id && !seen.has(item.id) ? item.id : newId();
      seen.add(id);
      const knowledge = item.kind === "knowledge";
      return {
        id,
        kind: item.kind,
        elementId: knowledge ? null : item.elementId,
        prompt: item.prompt,
        options: knowledge ? item.options : [],
        correctOption: knowledge ? item.correctOption : null,
      };
    });
    if (errors.length > 0) throw new AppError("VALIDATION", "Some fields need attention.", { fieldErrors: errors });
    if (input.version !== before.version) throw staleVersion(before);
    const modelId = (await modelElements(trx, actor.agencyId)).modelId;
    if (before.saved) {
      if (!(await updateSurveyInstrument(trx, actor.agencyId, modelId, items, input.version)))
        throw staleVersion(before);
    } else {
      await insertSurveyInstrument(trx, actor.agencyId, modelId, items);
    }
    const after = await instrumentOf(trx, actor.agencyId);
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: before.saved ? "update" : "create",
      entityType: "training_survey_instrument",
      entityId: actor.agencyId,
      summary: `Saved the training survey instrument with ${items.length} items`,
      before: before.saved ? before : undefined,
      after,
    });
    return after;
  });
}

function surveyOut(row: SurveyRow) {
  return {
    id: row.id,
    sessionId: row.sessionId,
    phase: row.phase,
    retrospective: row.retrospective,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    responses: row.responses,
  };
}

/**
 * Opens the pre or post survey of a session with the instrument's items as they are now. Opening
 * the post survey closes the pre survey: answers about "before" given after the training has
 * started would not be a before.
 */
export async function openSurvey(db: Db, actor: Actor, sessionId: string, input: OpenSurveyInput) {
  return db.transaction().execute(async (trx) => {
    const session = await findSessionById(trx, actor.agencyId, sessionId);
    if (!session) throw notFound(SESSION);
    authorize(actor, "trainingSurvey.manage", here(actor), SESSION);
    if (input.phase === "pre" && input.retrospective) {
      throw fieldError("retrospective", "Only a post survey asks about before the training.");
    }
    const instrument = await findSurveyInstrument(trx, actor.agencyId);
    if (!instrument) throw fieldError("phase", "Save the survey instrument first.");
    const surveys = await findSurveysOfSession(trx, actor.agencyId, sessionId);
    if (surveys.some((s) => s.phase === input.phase)) {
      throw fieldError("phase", `The ${PHASE_NAMES[input.phase]} survey of this session is already open.`);
    }
    if (input.phase === "post") {
      for (const s of surveys) await closeSurvey(trx, actor.agencyId, s.id);
    }
    const id = await insertSurvey(trx, actor.agencyId, {
      sessionId,
      phase: input.phase,
      retrospective: input.retrospective,
      modelId: instrument.modelId,
      items: instrument.items,
    });
    const after = surveyOut((await findSurveyById(trx, actor.agencyId, id)) as SurveyRow);
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "training_survey",
      entityId: id,
      summary: `Opened the ${input.phase}${input.retrospective ? " (with retrospective pre)" : ""} survey of ${session.title}`,
      after,
    });
    return after;
  });
}

/** Closes an open survey: its answers stay, and nobody can change them any more. */
export async function closeTrainingSurvey(db: Db, actor: Actor, surveyId: string) {
  return db.transaction().execute(async (trx) => {
    const survey = await findSurveyById(trx, actor.agencyId, surveyId);
    if (!survey) throw notFound(SURVEY);
    authorize(actor, "trainingSurvey.manage", here(actor), SURVEY);
    if (survey.closedAt !== null) throw fieldError("surveyId", "This survey is already closed.");
    await closeSurvey(trx, actor.agencyId, surveyId);
    const after = surveyOut((await findSurveyById(trx, actor.agencyId, surveyId)) as SurveyRow);
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "training_survey",
      entityId: surveyId,
      summary: `Closed the ${survey.phase} survey of a training session with ${survey.responses} responses`,
      before: surveyOut(survey),
      after,
    });
    return after;
  });
}

async function takenOf(db: Db, agencyId: string, survey: SurveyRow | undefined): Promise<SurveyTaken | null> {
  if (!survey) return null;
  return {
    items: survey.items,
    retrospective: survey.retrospective,
    answers: await findResponsesOfSurvey(db, agencyId, survey.id),
  };
}

/** The session's matched-pair change overall, per kind of item, element, unit and person. */
export async function getSurveyResults(db: Db, actor: Actor, sessionId: string): Promise<SurveyResults> {
  const session = await findSessionById(db, actor.agencyId, sessionId);
  if (!session) throw notFound(SESSION);
  authorize(actor, "trainingSurvey.results", here(actor), SESSION);
  const [surveys, invited, model] = await Promise.all([
    findSurveysOfSession(db, actor.agencyId, sessionId),
    findInviteesOfSession(db, actor.agencyId, sessionId),
    modelElements(db, actor.agencyId),
  ]);
  const [pre, post] = await Promise.all([
    takenOf(
      db,
      actor.agencyId,
      surveys.find((s) => s.phase === "pre"),
    ),
    takenOf(
      db,
      actor.agencyId,
      surveys.find((s) => s.phase === "post"),
    ),
  ]);
  return {
    sessionId,
    sessionTitle: session.title,
    sessionStartsAt: session.startsAt,
    surveys: surveys.map(surveyOut),
    ...surveyResults({ invited, elements: model.elements, pre, post }),
  };
}

/** The open surveys waiting for the actor, and their own change in each session they were surveyed in. */
export async function getMySurveys(db: Db, actor: Actor): Promise<MySurveys> {
  authorize(actor, "training.read", here(actor));
  const personId = actor.personId;
  if (!personId) return { waiting: [], results: [] };
  const [open, all, model, settings] = await Promise.all([
    findOpenSurveysOfPerson(db, actor.agencyId, personId),
    findSurveysOfPerson(db, actor.agencyId, personId),
    modelElements(db, actor.agencyId),
    findAgencySettings(db, actor.agencyId),
  ]);
  const elementNames = new Map(model.elements.map((e) => [e.id, `${e.code} ${e.name}`]));
  const timeZone = settings?.timeZone ?? "UTC";
  const waiting = [];
  for (const survey of open) {
    const session = await findSessionById(db, actor.agencyId, survey.sessionId);
    if (!session) continue;
    waiting.push({
      surveyId: survey.id,
      sessionId: survey.sessionId,
      sessionTitle: session.title,
      sessionStartsLocal: formatInZone(session.startsAt, timeZone),
      phase: survey.phase,
      retrospective: survey.retrospective,
      questions: survey.items.map((item) => ({
        id: item.id,
        kind: item.kind,
        elementName: item.elementId ? (elementNames.get(item.elementId) ?? null) : null,
        prompt: item.prompt,
        options: item.options,
      })),
      answers: (await findResponseOfPerson(db, actor.agencyId, survey.id, personId))?.answers ?? [],
    });
  }
  const results = [];
  for (const sessionId of new Set(all.filter((s) => s.phase === "post").map((s) => s.sessionId))) {
    const session = await findSessionById(db, actor.agencyId, sessionId);
    if (!session) continue;
    const mine = async (survey: SurveyRow | undefined): Promise<SurveyTaken | null> => {
      if (!survey) return null;
      const response = await findResponseOfPerson(db, actor.agencyId, survey.id, personId);
      return {
        items: survey.items,
        retrospective: survey.retrospective,
        answers: new Map(response ? [[personId, response.answers]] : []),
      };
    };
    const ofSession = all.filter((s) => s.sessionId === sessionId);
    const computed = surveyResults({
      invited: [{ personId, name: "", orgUnitId: null, orgUnitName: null }],
      elements: [],
      pre: await mine(ofSession.find((s) => s.phase === "pre")),
      post: await mine(ofSession.find((s) => s.phase === "post")),
    });
    const [own] = computed.people;
    if (own && (own.after !== null || own.knowledgeAfter !== null)) {
      results.push({ ...own, name: "", sessionId, sessionTitle: session.title });
    }
  }
  return { waiting, results };
}

/** For the home page: how many open surveys wait for the actor's answers (0 without a staff record). */
export async function countSurveysWaitingForHome(db: Db, actor: Actor): Promise<number> {
  if (!actor.personId) return 0;
  return countUnansweredOpenSurveysOfPerson(db, actor.agencyId, actor.personId);
}

/** Checks every question has its answer and nothing else is answered; errors name the question. */
function checkAnswers(survey: SurveyRow, answers: SurveyAnswer[]) {
  const errors: FieldError[] = [];
  const given = new Map(answers.map((a) => [a.itemId, a]));
  for (const item of survey.items) {
    const answer = given.get(item.id);
    const field = `answers.${item.id}`;
    if (item.kind === "knowledge") {
      if (answer?.choice == null || answer.choice >= item.options.length)
        errors.push({ field, message: "Choose an answer." });
      continue;
    }
    if (answer?.rating == null) errors.push({ field, message: "Choose a rating." });
    if (survey.retrospective && answer?.ratingBefore == null)
      errors.push({ field: `${field}.ratingBefore`, message: "Choose a rating for before the training." });
  }
  const known = new Set(survey.items.map((i) => i.id));
  for (const answer of answers) {
    if (!known.has(answer.itemId)) errors.push({ field: "answers", message: "An answer is for a question not asked." });
  }
  if (errors.length > 0) throw new AppError("VALIDATION", "Some questions need an answer.", { fieldErrors: errors });
  return survey.items.map((item) => {
    const answer = given.get(item.id) as SurveyAnswer;
    const knowledge = item.kind === "knowledge";
    return {
      itemId: item.id,
      rating: knowledge ? null : answer.rating,
      ratingBefore: !knowledge && survey.retrospective ? answer.ratingBefore : null,
      choice: knowledge ? answer.choice : null,
    };
  });
}

/** Saves the actor's answers to an open survey of a session they are enrolled in; answering again replaces them. */
export async function answerSurvey(db: Db, actor: Actor, surveyId: string, input: SurveyResponseInput) {
  await db.transaction().execute(async (trx) => {
    const survey = await findSurveyById(trx, actor.agencyId, surveyId);
    if (!survey) throw notFound(SURVEY);
    authorize(actor, "training.read", here(actor), SURVEY);
    const enrolled = await findEnrollmentsOfSession(trx, actor.agencyId, survey.sessionId);
    const personId = actor.personId;
    if (!personId || !enrolled.some((e) => e.personId === personId)) {
      throw forbidden("Only the people enrolled in this session answer its survey.");
    }
    if (survey.closedAt !== null) throw fieldError("answers", "This survey is closed.");
    const answers = checkAnswers(survey, input.answers);
    const before = await findResponseOfPerson(trx, actor.agencyId, surveyId, personId);
    await saveResponse(trx, actor.agencyId, surveyId, personId, answers);
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: before ? "update" : "create",
      entityType: "training_survey_response",
      entityId: surveyId,
      summary: `Answered the ${survey.phase} survey of a training session`,
      before: before?.answers,
      after: answers,
    });
  });
  return getMySurveys(db, actor);
}

/** For the model editor: rating items (in the instrument or an opened survey) about any of the items. */
export async function countSurveyItemsReferencingModelItems(
  db: Db,
  agencyId: string,
  modelId: string,
  itemIds: string[],
): Promise<number> {
  const wanted = new Set(itemIds);
  const items = await findSurveyItemsOfModel(db, agencyId, modelId);
  return items.filter((i) => i.elementId !== null && wanted.has(i.elementId)).length;
}
