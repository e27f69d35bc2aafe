import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import type { Role } from "../access/roles.js";
import type { Home } from "../home/home.schema.js";
import { insertRolloutPlan } from "./rollout-plan.repo.js";
import { insertEnrollments, insertSession } from "./session.repo.js";
import { insertSurvey, saveResponse } from "./survey.repo.js";
import type { StaffSurveyChange, SurveyAnswer, SurveyChangeByPeriod, SurveyItem } from "./survey.schema.js";

const { app, db } = await startTestApp();
let world: World;
const clients = {} as Record<Role, Client>;

const ITEMS: SurveyItem[] = [
  { id: "c1", kind: "confidence", elementId: "e1", prompt: "Confident?", options: [], correctOption: null },
  { id: "k1", kind: "competence", elementId: "e2", prompt: "Able?", options: [], correctOption: null },
];
/** Both items rated the same, so the person's score is that rating. */
const rated = (rating: number, ratingBefore: number | null = null): SurveyAnswer[] =>
  ITEMS.map((item) => ({ itemId: item.id, rating, ratingBefore, choice: null }));

const PLAN = { regions: ["North"], cohortMin: 10, cohortMax: 20, cohortLimit: 35, sessionsPerPeriod: 6 };

async function session(title: string, startsAt: string, personIds: string[]) {
  const id = await insertSession(db, world.agency.id, {
    title,
    curriculumId: null,
    moduleIds: [],
    startsAt,
    endsAt: startsAt.replace(/T\d\d/, (t) => `T${String(Number(t.slice(1)) + 2).padStart(2, "0")}`),
    place: "North Office",
    videoLink: "",
    facility: "",
    capacity: 20,
  });
  await insertEnrollments(db, world.agency.id, id, personIds);
  return id;
}

async function survey(sessionId: string, phase: "pre" | "post", answers: [string, SurveyAnswer[]][], retro = false) {
  const id = await insertSurvey(db, world.agency.id, {
    sessionId,
    phase,
    retrospective: retro,
    modelId: null,
    items: ITEMS,
  });
  for (const [personId, given] of answers) await saveResponse(db, world.agency.id, id, personId, given);
  return id;
}

beforeAll(async () => {
  world = await buildWorld(db, "reach");
  const p = world.people;
  // An older plan with other periods: only the most recent plan counts.
  const old = await insertRolloutPlan(db, world.agency.id, {
    ...PLAN,
    name: "Old plan",
    periods: [{ label: "Jan '25", startDate: "2025-01-01" }],
  });
  await db
    .updateTable("training_rollout_plans")
    .set({ created_at: "2025-01-01T00:00:00.000Z" })
    .where("id", "=", old)
    .execute();
  await insertRolloutPlan(db, world.agency.id, {
    ...PLAN,
    name: "Current plan",
    periods: [
      { label: "Jan '26", startDate: "2026-01-01" },
      { label: "Mar '26", startDate: "2026-03-01" },
    ],
  });

  // January: N1 worker 2 → 4, N2 worker 3 → 4, the N1 supervisor answers only before.
  const s1 = await session("January cohort", "2026-01-20T15:00:00.000Z", [
    p.workerN1.id,
    p.workerN2.id,
    p.supervisorN1.id,
  ]);
  await survey(s1, "pre", [
    [p.workerN1.id, rated(2)],
    [p.workerN2.id, rated(3)],
    [p.supervisorN1.id, rated(3)],
  ]);
  await survey(s1, "post", [
    [p.workerN1.id, rated(4)],
    [p.workerN2.id, rated(4)],
  ]);
  // 03:00 UTC on March 1st is the evening of February 28th in the agency's Chicago: still January's period.
  const s2 = await session("Late February cohort", "2026-03-01T03:00:00.000Z", [p.workerS1.id]);
  await survey(s2, "pre", [[p.workerS1.id, rated(2)]]);
  await survey(s2, "post", [[p.workerS1.id, rated(2)]]);
  // March: a retrospective post survey only; the N1 worker rates before 1, now 3; the N2 worker never answers.
  const s3 = await session("March cohort", "2026-03-10T15:00:00.000Z", [p.workerN1.id, p.workerN2.id]);
  await survey(s3, "post", [[p.workerN1.id, rated(3, 1)]], true);
  // July is after the plan's last period (March runs to the end of its month): a pre survey still waiting.
  const s4 = await session("July cohort", "2026-07-07T15:00:00.000Z", [p.workerN1.id]);
  await survey(s4, "pre", []);

  for (const role of ["training_coordinator", "trainer", "supervisor", "manager", "staff", "executive"] as Role[]) {
    clients[role] = await signIn(app, world.emails[role]);
  }
});

async function get<T>(role: Role, url: string) {
  const response = await clients[role].request("GET", url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
}

describe("survey change per rollout period", () => {
  it("totals the sessions held in each period of the most recent plan, by the day in the agency's time zone", async () => {
    const result = await get<SurveyChangeByPeriod>("training_coordinator", "/api/training/survey-results/by-period");
    expect(result.planName).toBe("Current plan");
    expect(result.periods.map((p) => p.label)).toEqual(["Jan '26", "Mar '26"]);
    const [january, march] = result.periods;
    // Pairs 2 → 4, 3 → 4 and 2 → 2: changes 2, 1 and 0, mean 1, standard deviation 1, so d_z = 1.
    expect(january).toMatchObject({
      startsOn: "2026-01-01",
      endsOn: "2026-02-28",
      sessions: 2,
      invited: 4,
      respondedBefore: 4,
      respondedAfter: 3,
      pairs: 3,
      responseRate: 0.75,
      meanChange: 1,
      effectSize: 1,
    });
    expect(january?.meanBefore).toBeCloseTo(7 / 3, 10);
    expect(january?.meanAfter).toBeCloseTo(10 / 3, 10);
    // One retrospective pair 1 → 3 of two invited: no effect size from a single pair.
    expect(march).toMatchObject({
      endsOn: "2026-03-31",
      sessions: 1,
      invited: 2,
      pairs: 1,
      responseRate: 0.5,
      meanBefore: 1,
      meanAfter: 3,
      meanChange: 2,
      effectSize: null,
    });
    expect(result.outside).toMatchObject({ sessions: 1, invited: 1, pairs: 0, responseRate: 0 });
  });

  it("is for those who read survey results: the training team and trainers", async () => {
    await get<SurveyChangeByPeriod>("trainer", "/api/training/survey-results/by-period");
    for (const role of ["supervisor", "staff"] as Role[]) {
      const response = await clients[role].request("GET", "/api/training/survey-results/by-period");
      expect(response.statusCode, role).toBe(403);
    }
  });
});

describe("each person's change, by who is asking", () => {
  const names = (result: StaffSurveyChange) => result.items.map((i) => i.name.split(" ")[0]);

  it("shows the training team everyone surveyed, with their means over the sessions they answered both times", async () => {
    const result = await get<StaffSurveyChange>("training_coordinator", "/api/training/survey-results/staff");
    expect(result.reach).toBe("agency");
    expect(names(result).sort()).toEqual(["Supervisor", "Worker", "WorkerSouth", "WorkerTwo"]);
    const worker = result.items.find((i) => i.personId === world.people.workerN1.id);
    // January 2 → 4 and March 1 → 3 are matched; July has no answer yet.
    expect(worker).toMatchObject({ sessions: 3, matchedSessions: 2, before: 1.5, after: 3.5, change: 2 });
    const supervisor = result.items.find((i) => i.personId === world.people.supervisorN1.id);
    expect(supervisor).toMatchObject({ sessions: 1, matchedSessions: 0, before: null, after: null, change: null });
    expect(names(await get<StaffSurveyChange>("trainer", "/api/training/survey-results/staff"))).toHaveLength(4);
  });

  it("shows a supervisor only the people below them in their line, and a manager their whole line", async () => {
    const supervisor = await get<StaffSurveyChange>("supervisor", "/api/training/survey-results/staff");
    expect(supervisor.reach).toBe("line");
    expect(names(supervisor)).toEqual(["Worker"]);
    const manager = await get<StaffSurveyChange>("manager", "/api/training/survey-results/staff");
    expect(names(manager).sort()).toEqual(["Supervisor", "Worker", "WorkerTwo"]);
    expect(manager.items.find((i) => i.personId === world.people.workerN2.id)).toMatchObject({
      sessions: 2,
      matchedSessions: 1,
      before: 3,
      after: 4,
      change: 1,
    });
  });

  it("shows staff and leaders without a line grant only themselves", async () => {
    const own = await get<StaffSurveyChange>("staff", "/api/training/survey-results/staff");
    expect(own.reach).toBe("self");
    expect(own.items.map((i) => i.personId)).toEqual([world.people.workerN1.id]);
    const director = await get<StaffSurveyChange>("executive", "/api/training/survey-results/staff");
    expect(director.items).toEqual([]);
  });
});

describe("the home page's waiting surveys", () => {
  it("counts the open surveys the person has not answered, and stops counting one once answered", async () => {
    expect((await get<Home>("staff", "/api/home")).trainingSurveysWaiting).toBe(1);
    // The supervisor answered January's pre survey but still owes its post survey; the director is in no session.
    expect((await get<Home>("supervisor", "/api/home")).trainingSurveysWaiting).toBe(1);
    expect((await get<Home>("executive", "/api/home")).trainingSurveysWaiting).toBe(0);
    const mine = await clients.staff.request("GET", "/api/training/my-surveys");
    const july = mine
      .json<{ waiting: { surveyId: string; sessionTitle: string }[] }>()
      .waiting.find((w) => w.sessionTitle === "July cohort");
    const answered = await clients.staff.request("PUT", `/api/training/my-surveys/${july?.surveyId}`, {
      answers: rated(3),
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect((await get<Home>("staff", "/api/home")).trainingSurveysWaiting).toBe(0);
  });
});
