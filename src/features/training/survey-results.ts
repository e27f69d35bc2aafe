import { matchPairs, pairedChange, responseRate } from "../../shared/paired-change.js";
import type { Change, PersonChange, SurveyAnswer, SurveyItem, SurveyItemKind } from "./survey.schema.js";

/**
 * The change a session's surveys show (pure). The "before" of a rating is the pre survey's
 * answer, or, when the post survey is retrospective, the "before the training" answer given on
 * it. The knowledge check has no retrospective form: its before is always the pre survey.
 * Each person's score is the mean of the items that count; their before and after are matched.
 */

export interface Invitee {
  personId: string;
  name: string;
  orgUnitId: string | null;
  orgUnitName: string | null;
}

export interface SurveyTaken {
  items: SurveyItem[];
  retrospective: boolean;
  answers: Map<string, SurveyAnswer[]>;
}

export interface SurveyResultsInput {
  invited: Invitee[];
  elements: { id: string; code: string; name: string }[];
  pre: SurveyTaken | null;
  post: SurveyTaken | null;
}

type Scores = Map<string, number>;

const mean = (values: number[]) =>
  values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;

/** Each person's mean rating over the items chosen, from the rating (or the retrospective rating). */
function ratingScores(taken: SurveyTaken | null, counts: (item: SurveyItem) => boolean, retrospectivePart: boolean) {
  const scores: Scores = new Map();
  if (!taken) return scores;
  const itemIds = new Set(taken.items.filter((i) => i.kind !== "knowledge" && counts(i)).map((i) => i.id));
  for (const [personId, answers] of taken.answers) {
    const values = answers
      .filter((a) => itemIds.has(a.itemId))
      .map((a) => (retrospectivePart ? a.ratingBefore : a.rating))
      .filter((v) => v !== null);
    const score = mean(values);
    if (score !== undefined) scores.set(personId, score);
  }
  return scores;
}

/** Each person's share of knowledge questions answered right, as a percentage. */
function knowledgeScores(taken: SurveyTaken | null) {
  const scores: Scores = new Map();
  const questions = taken?.items.filter((i) => i.kind === "knowledge") ?? [];
  if (!taken || questions.length === 0) return scores;
  for (const [personId, answers] of taken.answers) {
    const chosen = new Map(answers.map((a) => [a.itemId, a.choice]));
    const right = questions.filter((q) => chosen.get(q.id) === q.correctOption).length;
    scores.set(personId, (100 * right) / questions.length);
  }
  return scores;
}

function ratingsBefore(input: SurveyResultsInput, counts: (item: SurveyItem) => boolean) {
  return input.post?.retrospective ? ratingScores(input.post, counts, true) : ratingScores(input.pre, counts, false);
}

/** Invited, responded, matched pairs and the paired change among the people given. */
export function changeAmong(personIds: string[], before: Scores, after: Scores): Change {
  const invited = new Set(personIds);
  const pick = (scores: Scores) => new Map([...scores].filter(([id]) => invited.has(id)));
  const [b, a] = [pick(before), pick(after)];
  const { matched } = matchPairs(b, a);
  const change = pairedChange(matched);
  return {
    invited: invited.size,
    respondedBefore: b.size,
    respondedAfter: a.size,
    pairs: change.pairs,
    responseRate: responseRate(change.pairs, invited.size),
    meanBefore: change.meanBefore,
    meanAfter: change.meanAfter,
    meanChange: change.meanChange,
    effectSize: change.effectSize,
  };
}

export function surveyResults(input: SurveyResultsInput) {
  const everyone = input.invited.map((p) => p.personId);
  const all = () => true;
  const [before, after] = [ratingsBefore(input, all), ratingScores(input.post, all, false)];
  const [knowledgeBefore, knowledgeAfter] = [knowledgeScores(input.pre), knowledgeScores(input.post)];

  const byKind = (["confidence", "competence"] as SurveyItemKind[]).map((kind) => {
    const counts = (item: SurveyItem) => item.kind === kind;
    return { kind, ...changeAmong(everyone, ratingsBefore(input, counts), ratingScores(input.post, counts, false)) };
  });

  const askedElements = new Set(
    [...(input.pre?.items ?? []), ...(input.post?.items ?? [])].map((i) => i.elementId).filter((id) => id !== null),
  );
  const byElement = input.elements
    .filter((e) => askedElements.has(e.id))
    .map((element) => {
      const counts = (item: SurveyItem) => item.elementId === element.id;
      return {
        elementId: element.id,
        code: element.code,
        name: element.name,
        ...changeAmong(everyone, ratingsBefore(input, counts), ratingScores(input.post, counts, false)),
      };
    });

  const units = new Map<string | null, { name: string; personIds: string[] }>();
  for (const person of input.invited) {
    const unit = units.get(person.orgUnitId) ?? { name: person.orgUnitName ?? "No unit", personIds: [] };
    unit.personIds.push(person.personId);
    units.set(person.orgUnitId, unit);
  }
  const byUnit = [...units]
    .map(([orgUnitId, unit]) => ({ orgUnitId, name: unit.name, ...changeAmong(unit.personIds, before, after) }))
    .sort((a, b) => a.name.localeCompare(b.name));

  const people: PersonChange[] = input.invited.map((person) => {
    const [b, a] = [before.get(person.personId) ?? null, after.get(person.personId) ?? null];
    return {
      personId: person.personId,
      name: person.name,
      orgUnitName: person.orgUnitName,
      before: b,
      after: a,
      change: b !== null && a !== null ? a - b : null,
      knowledgeBefore: knowledgeBefore.get(person.personId) ?? null,
      knowledgeAfter: knowledgeAfter.get(person.personId) ?? null,
    };
  });

  return {
    overall: changeAmong(everyone, before, after),
    byKind,
    byElement,
    byUnit,
    knowledge: changeAmong(everyone, knowledgeBefore, knowledgeAfter),
    people,
  };
}

/**
 * The change of rows pooled from several sessions (one row per person and session): each row
 * with both a before and an after is a matched pair, the rest count as invited only.
 */
export function changeOfRows(rows: { before: number | null; after: number | null }[]): Change {
  const keys = rows.map((_, i) => String(i));
  const scores = (pick: (row: (typeof rows)[number]) => number | null): Scores =>
    new Map(
      rows.flatMap((row, i) => {
        const value = pick(row);
        return value === null ? [] : [[String(i), value] as const];
      }),
    );
  return changeAmong(
    keys,
    scores((r) => r.before),
    scores((r) => r.after),
  );
}
