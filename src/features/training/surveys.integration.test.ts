import { beforeAll, describe, expect, it } from "vitest";
import { buildPracticeModel } from "../../../tests/support/practice-models.js";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import { insertEnrollments, insertSession } from "./session.repo.js";
import type { MySurveys, SurveyInstrument, SurveyResults } from "./survey.schema.js";

const { app, db } = await startTestApp();
let world: World;
let coordinator: Client;
let worker: Client;
let supervisor: Client;
let trainer: Client;
let sessionId: string;

beforeAll(async () => {
  world = await buildWorld(db, "surveys");
  await buildPracticeModel(db, world.agency.id, world.emails.admin);
  coordinator = await signIn(app, world.emails.training_coordinator);
  worker = await signIn(app, world.emails.staff);
  supervisor = await signIn(app, world.emails.supervisor);
  trainer = await signIn(app, world.emails.trainer);
  sessionId = await insertSession(db, world.agency.id, {
    title: "Foundations, cohort 1",
    curriculumId: null,
    moduleIds: [],
    startsAt: "2026-12-03T15:00:00.000Z",
    endsAt: "2026-12-03T18:00:00.000Z",
    place: "North Office",
    videoLink: "",
    facility: "",
    capacity: 20,
  });
  // The staff account is the N1 worker, the supervisor account the N1 supervisor; the N2 worker never answers.
  await insertEnrollments(db, world.agency.id, sessionId, [
    world.people.workerN1.id,
    world.people.supervisorN1.id,
    world.people.workerN2.id,
  ]);
});

async function instrument() {
  const response = await coordinator.request("GET", "/api/training/survey-instrument");
  expect(response.statusCode, response.body).toBe(200);
  return response.json<SurveyInstrument>();
}

/** Saves a small instrument: one confidence item on the first element, one on the second, one question. */
async function saveSmallInstrument() {
  const current = await instrument();
  const [first, second] = current.elements;
  const response = await coordinator.request("PUT", "/api/training/survey-instrument", {
    version: current.version,
    items: [
      { kind: "confidence", elementId: first?.id, prompt: "How confident are you engaging families?" },
      { kind: "competence", elementId: second?.id, prompt: "How well can you do the second element?" },
      { kind: "knowledge", prompt: "Which is right?", options: ["This", "That"], correctOption: 1 },
    ],
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<SurveyInstrument>();
}

async function waitingFor(client: Client) {
  const response = await client.request("GET", "/api/training/my-surveys");
  expect(response.statusCode, response.body).toBe(200);
  return response.json<MySurveys>();
}

/** Answers the first waiting survey with the same rating everywhere and the given knowledge choice. */
async function answer(client: Client, rating: number, choice: number, ratingBefore: number | null = null) {
  const [survey] = (await waitingFor(client)).waiting;
  if (!survey) throw new Error("no survey waiting");
  return client.request("PUT", `/api/training/my-surveys/${survey.surveyId}`, {
    answers: survey.questions.map((q) =>
      q.kind === "knowledge" ? { itemId: q.id, choice } : { itemId: q.id, rating, ratingBefore },
    ),
  });
}

describe("training pre/post surveys", () => {
  it("offers a starter made from the model in use: a confidence and a competence item per element, and a knowledge check", async () => {
    const starter = await instrument();
    expect(starter.saved).toBe(false);
    expect(starter.version).toBe(0);
    expect(starter.elements.length).toBeGreaterThan(0);
    for (const element of starter.elements) {
      const kinds = starter.items.filter((i) => i.elementId === element.id).map((i) => i.kind);
      expect(kinds).toEqual(["confidence", "competence"]);
    }
    const knowledge = starter.items.filter((i) => i.kind === "knowledge");
    expect(knowledge.length).toBeGreaterThanOrEqual(3);
    expect(knowledge.length).toBeLessThanOrEqual(5);
  });

  it("refuses an item without its element or right answer, field by field, and saves nothing", async () => {
    const response = await coordinator.request("PUT", "/api/training/survey-instrument", {
      version: 0,
      items: [
        { kind: "confidence", prompt: "About what?" },
        { kind: "knowledge", prompt: "Which?", options: ["Only one"] },
      ],
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["items.0.elementId", "items.1.options", "items.1.correctOption"]));
    expect((await instrument()).saved).toBe(false);
  });

  it("refuses a survey before an instrument is saved", async () => {
    const response = await coordinator.request("POST", `/api/training-sessions/${sessionId}/surveys`, { phase: "pre" });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("phase");
  });

  it("saves the instrument with its version and answers a stale save with 409", async () => {
    const saved = await saveSmallInstrument();
    expect(saved).toMatchObject({ saved: true, version: 1 });
    expect(saved.items.map((i) => i.kind)).toEqual(["confidence", "competence", "knowledge"]);
    const stale = await coordinator.request("PUT", "/api/training/survey-instrument", {
      version: 0,
      items: [{ kind: "knowledge", prompt: "Q", options: ["a", "b"], correctOption: 0 }],
    });
    expect(stale.statusCode).toBe(409);
    expect((await instrument()).items).toHaveLength(3);
  });

  it("sends the pre survey to the enrolled only, without the right answers, and takes one response per person", async () => {
    const opened = await coordinator.request("POST", `/api/training-sessions/${sessionId}/surveys`, { phase: "pre" });
    expect(opened.statusCode, opened.body).toBe(201);
    expect((await waitingFor(trainer)).waiting).toEqual([]);
    const [waiting] = (await waitingFor(worker)).waiting;
    expect(waiting).toMatchObject({ sessionTitle: "Foundations, cohort 1", phase: "pre", answers: [] });
    expect(JSON.stringify(waiting)).not.toContain("correctOption");
    const notAnswered = await worker.request("PUT", `/api/training/my-surveys/${waiting?.surveyId}`, { answers: [] });
    expect(notAnswered.statusCode).toBe(400);
    expect(notAnswered.json<{ errors: unknown[] }>().errors).toHaveLength(3);

    expect((await answer(worker, 3, 0)).statusCode).toBe(200);
    // Changing one's mind replaces the answer rather than adding a second response.
    expect((await answer(worker, 2, 0)).statusCode).toBe(200);
    expect((await answer(supervisor, 3, 1)).statusCode).toBe(200);
    const trainerTry = await trainer.request("PUT", `/api/training/my-surveys/${waiting?.surveyId}`, { answers: [] });
    expect(trainerTry.statusCode).toBe(403);
    const rows = await db.selectFrom("training_survey_responses").select("id").execute();
    expect(rows).toHaveLength(2);
  });

  it("closes the pre survey when the post survey opens, and matches each person's before and after", async () => {
    const opened = await coordinator.request("POST", `/api/training-sessions/${sessionId}/surveys`, { phase: "post" });
    expect(opened.statusCode, opened.body).toBe(201);
    const [post] = (await waitingFor(worker)).waiting;
    expect(post?.phase).toBe("post");
    expect((await waitingFor(worker)).waiting).toHaveLength(1);
    expect((await answer(worker, 4, 1)).statusCode).toBe(200);
    expect((await answer(supervisor, 4, 1)).statusCode).toBe(200);

    const response = await trainer.request("GET", `/api/training-sessions/${sessionId}/survey-results`);
    expect(response.statusCode, response.body).toBe(200);
    const results = response.json<SurveyResults>();
    // Worker 2 → 4, supervisor 3 → 4: mean change 1.5, differences 2 and 1, sd √0.5, d_z = 1.5 / 0.70711 ≈ 2.12132.
    expect(results.overall).toMatchObject({
      invited: 3,
      respondedBefore: 2,
      respondedAfter: 2,
      pairs: 2,
      meanBefore: 2.5,
      meanAfter: 4,
      meanChange: 1.5,
    });
    expect(results.overall.effectSize).toBeCloseTo(1.5 / Math.SQRT1_2, 10);
    expect(results.overall.responseRate).toBeCloseTo(2 / 3, 10);
    // Knowledge: worker wrong then right (0 → 100), supervisor right both times (100 → 100).
    expect(results.knowledge).toMatchObject({ pairs: 2, meanBefore: 50, meanAfter: 100, meanChange: 50 });
    expect(results.byElement).toHaveLength(2);
    expect(results.byUnit.map((u) => [u.name, u.invited, u.pairs])).toEqual([
      ["Unit N1", 2, 2],
      ["Unit N2", 1, 0],
    ]);
    expect(results.surveys.find((s) => s.phase === "pre")?.closedAt).not.toBeNull();

    const mine = await waitingFor(worker);
    // Still open, so the answers can be changed until the coordinator closes it.
    expect(mine.waiting.map((w) => [w.phase, w.answers.length])).toEqual([["post", 3]]);
    expect(mine.results).toEqual([
      expect.objectContaining({ sessionId, before: 2, after: 4, change: 2, knowledgeBefore: 0, knowledgeAfter: 100 }),
    ]);
  });

  it("takes no more answers once the post survey is closed", async () => {
    const [post] = (await waitingFor(worker)).waiting;
    const closed = await coordinator.request("POST", `/api/training/surveys/${post?.surveyId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<{ closedAt: string | null }>().closedAt).not.toBeNull();
    expect((await waitingFor(worker)).waiting).toEqual([]);
    const late = await worker.request("PUT", `/api/training/my-surveys/${post?.surveyId}`, { answers: [] });
    expect(late.statusCode).toBe(400);
  });

  it("keeps results from staff who are not trainers or coordinators", async () => {
    const response = await worker.request("GET", `/api/training-sessions/${sessionId}/survey-results`);
    expect(response.statusCode).toBe(403);
  });

  it("stops the model from dropping an element that survey items are about", async () => {
    const { referencesTo } = await import("../model/model-references.js");
    const saved = await instrument();
    const modelId = saved.modelId as string;
    const found = await referencesTo(db, world.agency.id, modelId, [saved.elements[0]?.id as string]);
    expect(found).toEqual(expect.arrayContaining([expect.objectContaining({ label: "training survey items" })]));
  });
});
