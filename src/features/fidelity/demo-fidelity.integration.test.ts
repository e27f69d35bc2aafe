import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { DEMO_PASSWORD, ensureDemoAgency } from "../demo/demo-agency.js";
import { DEMO_PARTNER_OBSERVER_EMAIL } from "../demo/demo-fidelity.js";

const { app } = await startTestApp();
let lead: Client;

beforeAll(async () => {
  await ensureDemoAgency(app.database.db, {});
  lead = await signIn(app, "implementation.lead@wexler.example", DEMO_PASSWORD);
});

describe("the demo agency's fidelity history", () => {
  it("has two years of reconciled observations with plausible reliability and one drifting pair", async () => {
    const instruments = (await lead.request("GET", "/api/fidelity/instruments")).json<{ items: { id: string }[] }>();
    expect(instruments.items).toHaveLength(1);
    const instrumentId = instruments.items[0]?.id ?? "";
    const reliability = (await lead.request("GET", `/api/fidelity/reliability?instrumentId=${instrumentId}`)).json<{
      observations: number;
      overall: { kappa: number; exactAgreement: number };
      quarters: { quarter: string }[];
      pairs: { observerNames: string[]; drift: boolean }[];
    }>();
    expect(reliability.observations).toBe(64);
    expect(reliability.quarters).toHaveLength(8);
    expect(reliability.overall.exactAgreement).toBeGreaterThan(0.55);
    expect(reliability.overall.kappa).toBeGreaterThan(0.3);
    expect(reliability.pairs.map((p) => [p.observerNames.some((n) => n === "Marcus Bell"), p.drift]).sort()).toEqual([
      [false, false],
      [true, true],
    ]);
  });

  it("shows results by unit, with trained units meeting fidelity more often, to leaders and partners", async () => {
    const instrumentId = (await lead.request("GET", "/api/fidelity/instruments")).json<{ items: { id: string }[] }>()
      .items[0]?.id;
    const partner = await signIn(app, "partner@wexler.example", DEMO_PASSWORD);
    const response = await partner.request("GET", `/api/fidelity/results?instrumentId=${instrumentId}&groupBy=unit`);
    expect(response.statusCode).toBe(200);
    const groups = response.json<{
      groups: { label: string; observations: number; suppressed: boolean; meanOverall: number }[];
    }>().groups;
    expect(groups).toHaveLength(8);
    expect(groups.every((g) => g.observations === 8 && !g.suppressed)).toBe(true);
    // The rollout trains Region 1's Units 1 and 2 first (its first period ends in March 2026).
    const mean = (label: string) => groups.find((g) => g.label === label)?.meanOverall ?? 0;
    expect(mean("Region 1 Unit 1")).toBeGreaterThan(mean("Region 1 Unit 8"));
  });

  it("shows trained staff meeting fidelity more often than those not yet trained", async () => {
    const instrumentId = (await lead.request("GET", "/api/fidelity/instruments")).json<{ items: { id: string }[] }>()
      .items[0]?.id;
    const response = await lead.request("GET", `/api/fidelity/results?instrumentId=${instrumentId}&groupBy=cohort`);
    expect(response.statusCode).toBe(200);
    const groups = response.json<{
      groups: { key: string; observations: number; suppressed: boolean; meanOverall: number; shareMet: number }[];
    }>().groups;
    const trained = groups.find((g) => g.key === "trained");
    const notYet = groups.find((g) => g.key === "not_yet_trained");
    expect((trained?.observations ?? 0) + (notYet?.observations ?? 0)).toBe(64);
    expect(trained?.suppressed).toBe(false);
    expect(notYet?.suppressed).toBe(false);
    expect((trained?.meanOverall ?? 0) - (notYet?.meanOverall ?? 0)).toBeGreaterThan(0.5);
    expect(trained?.shareMet ?? 0).toBeGreaterThan(notYet?.shareMet ?? 1);
  });

  it("lets the community observer sign in with a partner account and see their observations", async () => {
    const partner = await signIn(app, DEMO_PARTNER_OBSERVER_EMAIL, DEMO_PASSWORD);
    const list = (await partner.request("GET", "/api/fidelity/observations")).json<{ items: unknown[] }>();
    expect(list.items).toHaveLength(32);
  });

  it("has a calibration case three observers rated, one not passed yet, still blind for the partner observer", async () => {
    const results = (await lead.request("GET", "/api/fidelity/calibration-results")).json<{
      items: { caseId: string; score: { passed: boolean } }[];
    }>();
    expect(results.items.map((r) => r.score.passed).sort()).toEqual([false, true, true]);
    const observer = await signIn(app, DEMO_PARTNER_OBSERVER_EMAIL, DEMO_PASSWORD);
    const view = await observer.request("GET", `/api/fidelity/calibration-cases/${results.items[0]?.caseId}`);
    expect(view.statusCode).toBe(200);
    expect(view.json<{ reference: unknown; mine: unknown }>()).toMatchObject({ reference: null, mine: null });
  });
});
