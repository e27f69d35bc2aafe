import { describe, expect, it } from "vitest";
import type { SurveyAnswer, SurveyItem } from "./survey.schema.js";
import { type Invitee, surveyResults } from "./survey-results.js";

const items: SurveyItem[] = [
  { id: "c1", kind: "confidence", elementId: "e1", prompt: "", options: [], correctOption: null },
  { id: "k1", kind: "competence", elementId: "e2", prompt: "", options: [], correctOption: null },
  { id: "q1", kind: "knowledge", elementId: null, prompt: "", options: ["a", "b"], correctOption: 1 },
  { id: "q2", kind: "knowledge", elementId: null, prompt: "", options: ["a", "b"], correctOption: 0 },
];
const elements = [
  { id: "e1", code: "E1", name: "Engagement" },
  { id: "e2", code: "E2", name: "Teaming" },
];
const person = (personId: string, orgUnitId: string): Invitee => ({
  personId,
  name: personId,
  orgUnitId,
  orgUnitName: orgUnitId,
});
// A and B sit in unit U1; C, D, E and F in U2. E answers only before, F never.
const invited = [person("A", "U1"), person("B", "U1"), person("C", "U2"), person("D", "U2")];
invited.push(person("E", "U2"), person("F", "U2"));

/** [confidence c1, competence k1, choice q1, choice q2] */
function answers(c1: number, k1: number, q1: number, q2: number): SurveyAnswer[] {
  return [
    { itemId: "c1", rating: c1, ratingBefore: null, choice: null },
    { itemId: "k1", rating: k1, ratingBefore: null, choice: null },
    { itemId: "q1", rating: null, ratingBefore: null, choice: q1 },
    { itemId: "q2", rating: null, ratingBefore: null, choice: q2 },
  ];
}

const pre = {
  items,
  retrospective: false,
  answers: new Map([
    ["A", answers(2, 2, 1, 1)], // mean 2, knowledge 50%
    ["B", answers(3, 3, 0, 1)], // mean 3, knowledge 0%
    ["C", answers(2, 2, 1, 0)], // mean 2, knowledge 100%
    ["D", answers(2, 4, 0, 0)], // mean 3, knowledge 50%
    ["E", answers(3, 3, 1, 0)],
  ]),
};
const post = {
  items,
  retrospective: false,
  answers: new Map([
    ["A", answers(4, 4, 1, 0)], // mean 4, knowledge 100%
    ["B", answers(4, 4, 1, 1)], // mean 4, knowledge 50%
    ["C", answers(3, 3, 1, 0)], // mean 3, knowledge 100%
    ["D", answers(5, 5, 1, 0)], // mean 5, knowledge 100%
  ]),
};

describe("pre/post survey results", () => {
  const results = surveyResults({ invited, elements, pre, post });

  it("matches each person's before with their own after and computes d_z from the pairs only", () => {
    // Differences A 2, B 1, C 1, D 2: mean 1.5; squared deviations 4 × 0.25 = 1, / (4 − 1) → sd √(1/3) ≈ 0.57735;
    // d_z = 1.5 / 0.57735 ≈ 2.59808. E (before only) and F (nothing) are invited but not paired: 4 of 6.
    expect(results.overall).toMatchObject({ invited: 6, respondedBefore: 5, respondedAfter: 4, pairs: 4 });
    expect(results.overall.responseRate).toBeCloseTo(4 / 6, 10);
    expect(results.overall.meanBefore).toBeCloseTo(2.5, 10);
    expect(results.overall.meanAfter).toBeCloseTo(4, 10);
    expect(results.overall.meanChange).toBeCloseTo(1.5, 10);
    expect(results.overall.effectSize).toBeCloseTo(2.59808, 4);
  });

  it("splits confidence and competence, and each element counts only its own items", () => {
    // Confidence c1 (element E1): 2→4, 3→4, 2→3, 2→5: differences 2, 1, 1, 3, mean 1.75;
    // squared deviations 0.0625 + 0.5625 + 0.5625 + 1.5625 = 2.75, / 3 → sd 0.957427; d_z ≈ 1.82783.
    // Competence k1 (element E2): 2→4, 3→4, 2→3, 4→5: differences 2, 1, 1, 1, mean 1.25; sd 0.5; d_z = 2.5.
    const [confidence, competence] = results.byKind;
    expect(confidence?.kind).toBe("confidence");
    expect(confidence?.meanChange).toBeCloseTo(1.75, 10);
    expect(confidence?.effectSize).toBeCloseTo(1.82783, 4);
    expect(competence?.meanChange).toBeCloseTo(1.25, 10);
    expect(competence?.effectSize).toBeCloseTo(2.5, 10);
    expect(results.byElement.map((e) => [e.code, e.meanBefore, e.meanAfter])).toEqual([
      ["E1", 2.25, 4],
      ["E2", 2.75, 4],
    ]);
    expect(results.byElement[0]?.effectSize).toBeCloseTo(1.82783, 4);
  });

  it("gives each unit its own invited, response rate and change", () => {
    // U1: A 2, B 1 → mean 1.5, sd √0.5 ≈ 0.70711, d_z ≈ 2.12132, 2 of 2. U2: C 1, D 2 → the same, but 2 of 4.
    const [u1, u2] = results.byUnit;
    expect(u1).toMatchObject({ name: "U1", invited: 2, pairs: 2, responseRate: 1 });
    expect(u2).toMatchObject({ name: "U2", invited: 4, respondedBefore: 3, respondedAfter: 2, pairs: 2 });
    expect(u2?.responseRate).toBe(0.5);
    expect(u1?.effectSize).toBeCloseTo(2.12132, 4);
    expect(u2?.meanChange).toBeCloseTo(1.5, 10);
  });

  it("scores the knowledge check as percent correct before and after", () => {
    // Before A 50, B 0, C 100, D 50 (mean 50); after 100, 50, 100, 100 (mean 87.5).
    // Differences 50, 50, 0, 50: mean 37.5; squared deviations 3 × 156.25 + 1406.25 = 1875, / 3 = 625 → sd 25; d_z = 1.5.
    expect(results.knowledge).toMatchObject({ pairs: 4, meanBefore: 50, meanAfter: 87.5, meanChange: 37.5 });
    expect(results.knowledge.effectSize).toBeCloseTo(1.5, 10);
  });

  it("shows each person's own before, after and change, empty for those who did not answer", () => {
    const byName = new Map(results.people.map((p) => [p.name, p]));
    expect(byName.get("A")).toMatchObject({ before: 2, after: 4, change: 2, knowledgeBefore: 50, knowledgeAfter: 100 });
    expect(byName.get("E")).toMatchObject({ before: 3, after: null, change: null });
    expect(byName.get("F")).toMatchObject({ before: null, after: null, change: null, knowledgeBefore: null });
  });

  it("takes the ratings' before from a retrospective post survey, and the knowledge check's only from a pre survey", () => {
    const rated = (rating: number, ratingBefore: number): SurveyAnswer[] => [
      { itemId: "c1", rating, ratingBefore, choice: null },
      { itemId: "k1", rating, ratingBefore, choice: null },
      { itemId: "q1", rating: null, ratingBefore: null, choice: 1 },
      { itemId: "q2", rating: null, ratingBefore: null, choice: 0 },
    ];
    const retrospective = {
      items,
      retrospective: true,
      answers: new Map([
        ["A", rated(4, 2)],
        ["B", rated(3, 3)],
      ]),
    };
    // Differences 2 and 0: mean 1, sd √2 ≈ 1.41421, d_z ≈ 0.70711.
    const only = surveyResults({ invited: invited.slice(0, 2), elements, pre: null, post: retrospective });
    expect(only.overall).toMatchObject({ pairs: 2, meanBefore: 2.5, meanAfter: 3.5, meanChange: 1 });
    expect(only.overall.effectSize).toBeCloseTo(Math.SQRT1_2, 10);
    expect(only.knowledge).toMatchObject({ respondedBefore: 0, respondedAfter: 2, pairs: 0, meanChange: null });
  });
});
