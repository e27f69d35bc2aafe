import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { DEMO_PASSWORD, ensureDemoAgency } from "../demo/demo-agency.js";

const { app, db } = await startTestApp();
let coordinator: Client;
let staff: Client;

beforeAll(async () => {
  await ensureDemoAgency(db, {});
  coordinator = await signIn(app, "training.coordinator@wexler.example", DEMO_PASSWORD);
  staff = await signIn(app, "social.worker@wexler.example", DEMO_PASSWORD);
});

interface Detail {
  fullName: string;
  agreements: { nearBudget: boolean; loggedHours: number; budgetedHours: number }[] | null;
}

describe("the demo agency's partners and teams", () => {
  it("has a Tribe and a community organization whose people carry agreements, one near its budget", async () => {
    const list = (await coordinator.request("GET", "/api/partner-organizations")).json<{
      items: { id: string; kind: string; peopleCount: number }[];
    }>();
    expect(new Set(list.items.map((o) => o.kind))).toEqual(new Set(["tribe", "community_organization"]));
    const details: Detail[] = [];
    for (const org of list.items) {
      const people = (await coordinator.request("GET", `/api/partner-organizations/${org.id}`)).json<{
        people: { id: string }[];
      }>().people;
      for (const p of people)
        details.push((await coordinator.request("GET", `/api/partner-people/${p.id}`)).json<Detail>());
    }
    const agreements = details.flatMap((d) => d.agreements ?? []);
    expect(agreements.length).toBeGreaterThanOrEqual(3);
    expect(agreements.every((a) => a.loggedHours > 0)).toBe(true);
    const warned = agreements.filter((a) => a.nearBudget);
    expect(warned).toHaveLength(1);
    expect(warned[0]?.loggedHours).toBeLessThan(warned[0]?.budgetedHours ?? 0);
  });

  it("escalates from a unit team through the site implementation team to the executive team", async () => {
    const teams = (await staff.request("GET", "/api/teams")).json<{ items: { id: string; kind: string }[] }>().items;
    const unitTeam = teams.find((t) => t.kind === "unit_team");
    const detail = (await staff.request("GET", `/api/teams/${unitTeam?.id}`)).json<{
      escalationChain: { kind: string }[];
      members: { kind: string }[];
    }>();
    expect(detail.escalationChain.map((t) => t.kind)).toEqual(["site_implementation_team", "executive_team"]);
    expect(new Set(detail.members.map((m) => m.kind))).toEqual(new Set(["staff", "partner"]));
  });
});
