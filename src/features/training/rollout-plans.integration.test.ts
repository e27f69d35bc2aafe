import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";

const { app, db } = await startTestApp();
let world: World;
let coordinator: Client;
let staff: Client;

const fixture = (name: string) =>
  readFileSync(new URL(`../../../tests/fixtures/rollout/${name}`, import.meta.url), "utf8");

interface PlannedUnit {
  id: string;
  regionLabel: string;
  unitLabel: string;
  periodIndex: number | null;
  leadersPeriodIndex: number | null;
  orgUnitId: string | null;
  orgUnitName: string | null;
  staff: number | null;
  volunteer: boolean;
}
interface PlanDetail {
  id: string;
  name: string;
  version: number;
  periods: { label: string }[];
  units: PlannedUnit[];
  summary: { cumulativeUnits: number; staffTrained: number }[];
  findings: { rule: string; severity: string; message: string }[];
}
interface Summary {
  planId: string;
  periods: { label: string; unitsTrained: number; cumulativeUnits: number; cumulativeStaff: number }[];
}

beforeAll(async () => {
  world = await buildWorld(db, "rollout");
  coordinator = await signIn(app, world.emails.training_coordinator);
  staff = await signIn(app, world.emails.staff);
});

async function importPlan(name: string, text: string) {
  const response = await coordinator.request("POST", "/api/rollout-plans/import", { name, text });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<PlanDetail>();
}

async function plannedUnitRows(planId: string) {
  return db.selectFrom("training_planned_units").selectAll().where("plan_id", "=", planId).execute();
}

describe("importing a rollout plan", () => {
  it.each([
    ["the grid as CSV", "sample-grid.csv"],
    ["the grid pasted as tab-separated text", "sample-grid.tsv"],
    ["the long layout", "sample-long.csv"],
  ])("gives the seeds' total row from %s", async (_layout, file) => {
    const { id } = await importPlan(`Sample from ${file}`, fixture(file));
    const summary = await staff.request("GET", `/api/rollout-plans/${id}/summary`);
    expect(summary.statusCode).toBe(200);
    const body = summary.json<Summary>();
    expect(body.planId).toBe(id);
    expect(body.periods.map((p) => p.label)).toEqual([
      "May '12",
      "July '12",
      "Sep '12",
      "Nov '12",
      "Jan '13",
      "Mar '13",
      "May '13",
      "July '13",
      "Sep '13",
      "Nov '13",
    ]);
    expect(body.periods.map((p) => p.unitsTrained)).toEqual([8, 9, 9, 9, 9, 8, 5, 6, 3, 4]);
    expect(body.periods.map((p) => p.cumulativeUnits)).toEqual([8, 17, 26, 35, 44, 52, 57, 63, 66, 70]);
  });

  it("keeps labels that match no org unit as planned units, unlinked, and says so", async () => {
    const plan = await importPlan("Unlinked sample", fixture("sample-grid.csv"));
    expect(plan.units).toHaveLength(70);
    expect(plan.units.every((u) => u.orgUnitId === null && u.staff === null)).toBe(true);
    expect(plan.units[0]).toMatchObject({
      regionLabel: "Wexler County/ Region 1",
      unitLabel: "Unit 1",
      periodIndex: 0,
    });
    expect(plan.findings[0]).toMatchObject({ rule: "unit_links", severity: "warning" });
    expect(plan.findings[0]?.message).toContain("70 units are not linked");
  });

  it("links labels that clearly name an org unit and counts their staff", async () => {
    const text = "Region\tMay '12\tJuly '12\nNorth\tN1\tN2\nSouth\t\tS1\n";
    const plan = await importPlan("Linked", text);
    const byLabel = Object.fromEntries(plan.units.map((u) => [u.unitLabel, u]));
    expect(byLabel.N1?.orgUnitId).toBe(world.units.unitN1.id);
    expect(byLabel.N2?.orgUnitName).toBe("Unit N2");
    expect(byLabel.S1?.orgUnitId).toBe(world.units.unitS1.id);
    const staffN1 = byLabel.N1?.staff ?? 0;
    expect(staffN1).toBeGreaterThan(0);
    expect(plan.summary[0]?.staffTrained).toBe(staffN1);
  });

  it("refuses a bad file with the row and column of each problem and saves nothing", async () => {
    const before = await db.selectFrom("training_rollout_plans").select("id").execute();
    const text = "Region,May '12,July '12\nNorth,Units 1-2,Units 5-3\nSouth,Unit 1,Units x\n";
    const response = await coordinator.request("POST", "/api/rollout-plans/import", { name: "Broken", text });
    expect(response.statusCode).toBe(400);
    const errors = response.json<{ errors: { field: string; message: string }[] }>().errors;
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Row 2, column C: .*backwards/),
      expect.stringMatching(/^Row 3, column C: /),
    ]);
    expect(errors.every((e) => e.field === "text")).toBe(true);
    expect(await db.selectFrom("training_rollout_plans").select("id").execute()).toHaveLength(before.length);
  });

  it("is for those who manage training; everyone on staff reads plans", async () => {
    const response = await staff.request("POST", "/api/rollout-plans/import", { name: "Mine", text: "a,b\nc,Unit 1" });
    expect(response.statusCode).toBe(403);
    const list = await staff.request("GET", "/api/rollout-plans");
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: { name: string }[] }>().items.map((p) => p.name)).toContain("Linked");
  });
});

describe("editing a rollout plan", () => {
  let plan: PlanDetail;
  beforeAll(async () => {
    plan = await importPlan("Editable", "Region\tMay '12\tJuly '12\nNorth\tN1\tN2\nSouth\t\tS1\n");
  });

  function gridOf(detail: PlanDetail, cells: string[][]) {
    return {
      name: detail.name,
      periods: detail.periods.map((p) => p.label),
      regions: [
        { label: "North", cells: cells[0] ?? [] },
        { label: "South", cells: cells[1] ?? [] },
      ],
      cohortMin: 10,
      cohortMax: 20,
      cohortLimit: 35,
      sessionsPerPeriod: 6,
      version: detail.version,
    };
  }

  it("moves units between cells, keeping their links, and answers 409 to a stale edit", async () => {
    const n2 = plan.units.find((u) => u.unitLabel === "N2") as PlannedUnit;
    const response = await coordinator.request(
      "PUT",
      `/api/rollout-plans/${plan.id}`,
      gridOf(plan, [
        ["N1; N2", ""],
        ["", "S1"],
      ]),
    );
    expect(response.statusCode, response.body).toBe(200);
    const edited = response.json<PlanDetail>();
    const moved = edited.units.find((u) => u.unitLabel === "N2");
    expect(moved).toMatchObject({ id: n2.id, periodIndex: 0, orgUnitId: world.units.unitN2.id });
    expect(edited.version).toBe(plan.version + 1);

    const stale = await coordinator.request(
      "PUT",
      `/api/rollout-plans/${plan.id}`,
      gridOf(plan, [
        ["N1", "N2"],
        ["S1", ""],
      ]),
    );
    expect(stale.statusCode).toBe(409);
    const rows = await plannedUnitRows(plan.id);
    expect(rows.find((r) => r.id === n2.id)?.period_index).toBe(0);
    plan = edited;
  });

  it("points at the cell that cannot be read and changes nothing", async () => {
    const before = await plannedUnitRows(plan.id);
    const response = await coordinator.request(
      "PUT",
      `/api/rollout-plans/${plan.id}`,
      gridOf(plan, [
        ["N1", "Units 4-2"],
        ["", "S1"],
      ]),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors).toEqual([
      expect.objectContaining({ field: "regions.0.cells.1" }),
    ]);
    expect(await plannedUnitRows(plan.id)).toEqual(before);
  });

  it("links a planned unit later, sets when its leaders train, and explains the leaders-first rule", async () => {
    const s1 = plan.units.find((u) => u.unitLabel === "S1") as PlannedUnit;
    const sameTime = await coordinator.request("PUT", `/api/rollout-plans/${plan.id}/units/${s1.id}`, {
      orgUnitId: world.units.unitS1.id,
      volunteer: true,
      leadersPeriodIndex: 1,
      version: plan.version,
    });
    expect(sameTime.statusCode, sameTime.body).toBe(200);
    const detail = sameTime.json<PlanDetail>();
    expect(detail.units.find((u) => u.id === s1.id)).toMatchObject({ volunteer: true, leadersPeriodIndex: 1 });
    const leaders = detail.findings.filter((f) => f.rule === "leaders_first");
    expect(leaders.map((f) => f.message)).toContainEqual(
      expect.stringContaining("S1 of South trains in July '12, but its supervisor"),
    );

    const stale = await coordinator.request("PUT", `/api/rollout-plans/${plan.id}/units/${s1.id}`, {
      orgUnitId: null,
      volunteer: false,
      leadersPeriodIndex: 0,
      version: plan.version,
    });
    expect(stale.statusCode).toBe(409);
    plan = detail;
  });

  it("proposes a schedule without saving it, then makes it the plan when accepted", async () => {
    const before = await plannedUnitRows(plan.id);
    const proposal = await coordinator.request("GET", `/api/rollout-plans/${plan.id}/proposal?volunteersFirst=true`);
    expect(proposal.statusCode, proposal.body).toBe(200);
    const body = proposal.json<{
      placements: { unitId: string; periodIndex: number }[];
      unscheduledUnitIds: string[];
    }>();
    const volunteer = plan.units.find((u) => u.volunteer) as PlannedUnit;
    expect(body.placements[0]).toMatchObject({ unitId: volunteer.id, periodIndex: 1 });
    expect(await plannedUnitRows(plan.id)).toEqual(before);

    const accepted = await coordinator.request("POST", `/api/rollout-plans/${plan.id}/proposal/accept`, {
      volunteersFirst: true,
      version: plan.version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const detail = accepted.json<PlanDetail>();
    expect(detail.units.every((u) => u.periodIndex === 1 && u.leadersPeriodIndex === 0)).toBe(true);
    expect(detail.findings.filter((f) => f.rule === "leaders_first")).toEqual([]);
    const audit = await db
      .selectFrom("audit_events")
      .select("summary")
      .where("entity_id", "=", plan.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.summary)).toEqual([
      expect.stringContaining("Imported rollout plan Editable"),
      "Edited rollout plan Editable",
      expect.stringContaining("Changed S1 of South"),
      "Accepted the auto-planner's schedule for rollout plan Editable (volunteer units first)",
    ]);
  });
});

describe("rollout plans and other agencies", () => {
  it("links only to the own agency's org units and never shows a plan to another agency", async () => {
    const otherWorld = await buildWorld(db, "rollout-other");
    const otherCoordinator = await signIn(app, otherWorld.emails.training_coordinator);
    const plan = await importPlan("Ours only", "Region\tMay '12\nNorth\tN1\n");
    expect(plan.units[0]?.orgUnitId).toBe(world.units.unitN1.id);

    const list = (await otherCoordinator.request("GET", "/api/rollout-plans")).json<{ items: { id: string }[] }>();
    expect(list.items.map((p) => p.id)).not.toContain(plan.id);
    for (const path of [`/api/rollout-plans/${plan.id}`, `/api/rollout-plans/${plan.id}/summary`]) {
      expect((await otherCoordinator.request("GET", path)).statusCode).toBe(404);
    }
    const link = await otherCoordinator.request("PUT", `/api/rollout-plans/${plan.id}/units/${plan.units[0]?.id}`, {
      orgUnitId: otherWorld.units.unitN1.id,
      volunteer: false,
      leadersPeriodIndex: null,
      version: plan.version,
    });
    expect(link.statusCode).toBe(404);

    const mine = await otherCoordinator.request("POST", "/api/rollout-plans/import", {
      name: "Theirs",
      text: "Region\tMay '12\nNorth\tN1\n",
    });
    const theirs = mine.json<PlanDetail>();
    expect(theirs.units[0]?.orgUnitId).toBe(otherWorld.units.unitN1.id);
    const crossLink = await coordinator.request("PUT", `/api/rollout-plans/${plan.id}/units/${plan.units[0]?.id}`, {
      orgUnitId: otherWorld.units.unitN1.id,
      volunteer: false,
      leadersPeriodIndex: null,
      version: plan.version,
    });
    expect(crossLink.statusCode).toBe(400);
    expect(crossLink.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("orgUnitId");
  });
});
