import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { DEMO_PASSWORD, DEMO_UNTRAINED_STAFF_LOGIN, ensureDemoAgency } from "../demo/demo-agency.js";

const { app, db } = await startTestApp();
let coordinator: Client;

beforeAll(async () => {
  await ensureDemoAgency(db, {});
  coordinator = await signIn(app, "training.coordinator@wexler.example", DEMO_PASSWORD);
});

describe("the demo agency's rollout plan", () => {
  it("follows the seeds' sample schedule over the demo's 70 units, every one linked with its staff counted", async () => {
    const list = (await coordinator.request("GET", "/api/rollout-plans")).json<{
      items: { id: string; unitCount: number; linkedUnitCount: number }[];
    }>();
    expect(list.items).toHaveLength(1);
    const plan = list.items[0] as { id: string; unitCount: number; linkedUnitCount: number };
    expect(plan).toMatchObject({ unitCount: 70, linkedUnitCount: 70 });
    const summary = (await coordinator.request("GET", `/api/rollout-plans/${plan.id}/summary`)).json<{
      periods: { cumulativeUnits: number; cumulativeStaff: number }[];
    }>();
    expect(summary.periods.map((p) => p.cumulativeUnits)).toEqual([8, 17, 26, 35, 44, 52, 57, 63, 66, 70]);
    expect(summary.periods.at(-1)?.cumulativeStaff).toBeGreaterThan(70 * 6);
  });

  it("explains the leaders-first rule for the first period's units, whose leaders have no earlier period", async () => {
    const [plan] = (await coordinator.request("GET", "/api/rollout-plans")).json<{ items: { id: string }[] }>().items;
    const detail = (await coordinator.request("GET", `/api/rollout-plans/${plan?.id}`)).json<{
      findings: { rule: string; message: string }[];
    }>();
    const leaders = detail.findings.filter((f) => f.rule === "leaders_first");
    expect(leaders).toHaveLength(8);
    expect(leaders[0]?.message).toContain("Unit 1 of Wexler County/ Region 1 trains in Jan '26");
  });
});

describe("the demo agency's training sessions", () => {
  it("has a session held with attendance recorded and one coming up online, both with the demo trainer", async () => {
    const sessions = (await coordinator.request("GET", "/api/training-sessions")).json<{
      items: { id: string; title: string; videoLink: string; enrolledCount: number }[];
    }>().items;
    expect(sessions.map((s) => s.title)).toEqual([
      "Practice model foundations: Region 1, cohort 1",
      "Family engagement: Region 1, cohort 1",
      "Practice model foundations: Region 1, cohort 2",
    ]);
    expect(sessions[2]?.videoLink).toContain("https://");
    const held = (await coordinator.request("GET", `/api/training-sessions/${sessions[0]?.id}`)).json<{
      trainers: { role: string }[];
      enrollments: { attendance: string | null }[];
    }>();
    expect(held.trainers.map((t) => t.role)).toEqual(["lead", "co_trainer"]);
    expect(new Set(held.enrollments.map((e) => e.attendance))).toEqual(new Set(["present", "absent", "partial"]));
  });
});

describe("the demo agency's training survey", () => {
  it("shows the held session's matched pre/post change per element, with the absent person missing after", async () => {
    const [held] = (await coordinator.request("GET", "/api/training-sessions")).json<{ items: { id: string }[] }>()
      .items;
    const response = await coordinator.request("GET", `/api/training-sessions/${held?.id}/survey-results`);
    expect(response.statusCode, response.body).toBe(200);
    const results = response.json<{
      overall: { invited: number; respondedBefore: number; respondedAfter: number; pairs: number; meanChange: number };
      byElement: { meanChange: number | null }[];
      knowledge: { meanChange: number | null };
    }>();
    expect(results.overall.respondedBefore).toBe(results.overall.invited);
    expect(results.overall.pairs).toBe(results.overall.invited - 1);
    expect(results.overall.meanChange).toBeGreaterThan(1);
    expect(results.byElement.length).toBeGreaterThan(0);
    expect(results.byElement.every((e) => (e.meanChange ?? 0) > 0)).toBe(true);
    expect(results.knowledge.meanChange).toBeGreaterThan(0);
  });
});

describe("the demo agency's training delivery", () => {
  it("has two recorded delivery checks, a partner co-trainer's hours logged once, and a nudge", async () => {
    const checks = (await coordinator.request("GET", "/api/training/delivery-checks")).json<{
      items: { sessionTitle: string; recordedAt: string | null; scores: { metPercent: number }[] }[];
    }>().items;
    expect(checks.map((c) => [c.sessionTitle, c.recordedAt !== null])).toEqual([
      ["Practice model foundations: Region 1, cohort 1", true],
      ["Family engagement: Region 1, cohort 1", true],
    ]);
    // January: one item not met in content coverage, one partly in each of the others.
    expect(checks[0]?.scores.map((s) => s.metPercent)).toEqual([75, 75, 75]);
    const linked = await db.selectFrom("training_partner_hours").select("minutes").execute();
    expect(linked.map((l) => l.minutes)).toEqual([180]);
    const nudges = await db.selectFrom("training_nudges").select("message").execute();
    expect(nudges).toHaveLength(1);
  });
});

describe("the demo agency's untrained staff login", () => {
  it("is in the supervisor's line, neither trained nor scheduled nor nudged, so a nudge can be tried", async () => {
    const supervisor = await signIn(app, "supervisor@wexler.example", DEMO_PASSWORD);
    const worker = await signIn(app, DEMO_UNTRAINED_STAFF_LOGIN.email, DEMO_PASSWORD);
    const { user } = (await worker.request("GET", "/api/auth/session")).json<{ user: { personId: string } }>();
    const status = (await supervisor.request("GET", "/api/training/staff-status")).json<{
      items: { personId: string; name: string; status: string; nudgedAt: string | null }[];
    }>();
    expect(status.items.find((i) => i.personId === user.personId)).toMatchObject({
      name: "Rowan Ellery",
      status: "missing",
      nudgedAt: null,
    });
    const home = (await worker.request("GET", "/api/home")).json<{ trainingNudge: unknown }>();
    expect(home.trainingNudge).toBeNull();
  });
});
