import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { DEMO_PASSWORD, ensureDemoAgency } from "../demo/demo-agency.js";
import type { TrainingFollowUp } from "./coaching.schema.js";

const { app, db } = await startTestApp();
let coachingSupervisor: Client;

beforeAll(async () => {
  await ensureDemoAgency(db, {});
  coachingSupervisor = await signIn(app, "coaching.supervisor@wexler.example", DEMO_PASSWORD);
});

describe("the demo agency's training follow-up", () => {
  it("shows at least one trained unit still waiting for coaching", async () => {
    const response = await coachingSupervisor.request("GET", "/api/coaching/training-follow-up");
    expect(response.statusCode).toBe(200);
    const units = response.json<TrainingFollowUp>().units;
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((u) => u.daysSinceTraining > 14)).toBe(true);
  });
});
