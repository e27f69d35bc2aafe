import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { DEMO_PASSWORD, ensureDemoAgency } from "../demo/demo-agency.js";

const { app, db } = await startTestApp();
let coachingSupervisor: Client;
let coach: Client;
let socialWorker: Client;

beforeAll(async () => {
  await ensureDemoAgency(db, {});
  coachingSupervisor = await signIn(app, "coaching.supervisor@wexler.example", DEMO_PASSWORD);
  coach = await signIn(app, "coach@wexler.example", DEMO_PASSWORD);
  socialWorker = await signIn(app, "social.worker@wexler.example", DEMO_PASSWORD);
});

describe("the demo agency's coaching", () => {
  it("has internal, community and Tribal coaches and engagements at every level in several states", async () => {
    const coaches = (await coachingSupervisor.request("GET", "/api/coaching/coaches")).json<{
      items: { coachKind: string }[];
    }>();
    expect(new Set(coaches.items.map((c) => c.coachKind))).toEqual(new Set(["internal", "community", "tribal"]));
    const engagements = (await coachingSupervisor.request("GET", "/api/coaching/engagements")).json<{
      items: { coacheeLevel: string; status: string }[];
    }>();
    expect(new Set(engagements.items.map((e) => e.coacheeLevel))).toEqual(
      new Set(["executive", "management", "supervisory", "practice"]),
    );
    expect(new Set(engagements.items.map((e) => e.status))).toEqual(
      new Set(["getting_started", "active", "not_yet", "closed"]),
    );
  });

  it("coaches the demo social worker, and shows the demo coach their feedback aggregate", async () => {
    const mine = (await socialWorker.request("GET", "/api/coaching/engagements")).json<{
      items: { relation: string; coachName: string }[];
    }>();
    expect(mine.items.some((e) => e.relation === "coachee")).toBe(true);
    const caseload = (await coach.request("GET", "/api/coaching/engagements")).json<{
      items: { id: string; coachId: string; relation: string }[];
    }>();
    const coachId = caseload.items.find((e) => e.relation === "coach")?.coachId;
    const feedback = (await coach.request("GET", `/api/coaching/coaches/${coachId}/feedback`)).json<{
      groups: { responses: number; averages: unknown }[];
    }>();
    expect(feedback.groups[0]?.responses).toBeGreaterThanOrEqual(5);
    expect(feedback.groups[0]?.averages).not.toBeNull();
  });

  it("has partner coaches' logged sessions waiting for their hours, each on an agreement in force", async () => {
    const waiting = (await coachingSupervisor.request("GET", "/api/coaching/partner-hours")).json<{
      items: { coachName: string; hasAgreement: boolean }[];
    }>();
    expect(waiting.items.length).toBeGreaterThanOrEqual(2);
    expect(new Set(waiting.items.map((s) => s.coachName)).size).toBe(2);
    expect(waiting.items.every((s) => s.hasAgreement)).toBe(true);
  });
});
