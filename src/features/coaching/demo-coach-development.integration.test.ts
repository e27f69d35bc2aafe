import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { DEMO_PASSWORD, ensureDemoAgency } from "../demo/demo-agency.js";
import type { CoachDevelopment } from "./coach-development.schema.js";
import type { Roundtable } from "./roundtable.schema.js";

const { app, db } = await startTestApp();
let coach: Client;
let supervisor: Client;

beforeAll(async () => {
  await ensureDemoAgency(db, {});
  coach = await signIn(app, "coach@wexler.example", DEMO_PASSWORD);
  supervisor = await signIn(app, "supervisor@wexler.example", DEMO_PASSWORD);
});

describe("the demo agency's coach development", () => {
  it("gives the demo coach their own profile and a mentee with self and mentor ratings over time", async () => {
    const directory = (await coach.request("GET", "/api/coaching/development")).json<{
      ownCoachId: string;
      coaches: { coachId: string; relation: string }[];
    }>();
    const mentee = directory.coaches.find((c) => c.relation === "mentor");
    expect(mentee).toBeDefined();
    for (const coachId of [directory.ownCoachId, mentee?.coachId]) {
      const profile = (
        await coach.request("GET", `/api/coaching/coaches/${coachId}/development`)
      ).json<CoachDevelopment>();
      expect(profile.rounds.filter((r) => r.raterKind === "self")).toHaveLength(2);
      expect(profile.rounds.filter((r) => r.raterKind === "mentor")).toHaveLength(2);
      expect(profile.observations).toHaveLength(1);
    }
  });

  it("shows the supervisor, a mentee, their observation with their reflection", async () => {
    const directory = (await supervisor.request("GET", "/api/coaching/development")).json<{ ownCoachId: string }>();
    const profile = (
      await supervisor.request("GET", `/api/coaching/coaches/${directory.ownCoachId}/development`)
    ).json<CoachDevelopment>();
    expect(profile.relation).toBe("coach");
    expect(profile.observations[0]?.coachReflection).toMatch(/count to five/);
  });

  it("has three roundtables, two of them with attendance recorded", async () => {
    const list = (await coach.request("GET", "/api/coaching/roundtables")).json<{ items: Roundtable[] }>();
    expect(list.items).toHaveLength(3);
    const recorded = list.items.filter((r) => r.attendance.every((a) => a.attendance !== "unrecorded"));
    expect(recorded).toHaveLength(2);
  });
});
