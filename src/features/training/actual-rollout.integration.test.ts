import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";

const { app, db } = await startTestApp();
let world: World;
let coordinator: Client;

interface Summary {
  periods: { label: string; cumulativeUnits: number; actualCumulativeUnits: number | null }[];
}
interface PlanDetail {
  id: string;
  units: { unitLabel: string; trainedOn: string | null }[];
  summary: Summary["periods"];
}

beforeAll(async () => {
  world = await buildWorld(db, "actual");
  coordinator = await signIn(app, world.emails.training_coordinator);
});

async function heldSession(date: string, attendance: Record<string, "present" | "absent" | "partial">) {
  const created = await coordinator.request("POST", "/api/training-sessions", {
    title: `Foundations on ${date}`,
    date,
    startTime: "09:00",
    endTime: "12:00",
    place: "North Office",
    capacity: 20,
    trainers: [{ personId: world.people.director.id, role: "lead" }],
    enrolledPersonIds: Object.keys(attendance),
  });
  expect(created.statusCode, created.body).toBe(201);
  const session = created.json<{ id: string; version: number }>();
  const recorded = await coordinator.request("PUT", `/api/training-sessions/${session.id}/attendance`, {
    records: Object.entries(attendance).map(([personId, mark]) => ({
      personId,
      attendance: mark,
      minutes: mark === "partial" ? 60 : null,
    })),
    version: session.version,
  });
  expect(recorded.statusCode, recorded.body).toBe(200);
}

describe("units actually trained, next to the plan", () => {
  it("counts a planned unit once half its current staff attended, by the end of each period that has begun", async () => {
    // Jan '26 and Mar '26 are over; the last period lies years ahead, so it has no actual number yet.
    const imported = await coordinator.request("POST", "/api/rollout-plans/import", {
      name: "Actual against plan",
      text: "Region\tJan '26\tMar '26\tJan '30\nNorth\tN1\tN2\t\nSouth\t\tS1\t\n",
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const plan = imported.json<PlanDetail>();

    // Unit N1 (supervisor and worker): the worker came in part, so half of it is trained from the next day.
    await heldSession("2026-02-10", {
      [world.people.workerN1.id]: "partial",
      [world.people.supervisorN1.id]: "absent",
    });
    // Unit N2: nobody came, so it does not count though a session was held.
    await heldSession("2026-03-10", { [world.people.workerN2.id]: "absent" });
    // Unit S1 (one worker) trained in March, after its planned period had begun.
    await heldSession("2026-03-20", { [world.people.workerS1.id]: "present" });

    const summary = await coordinator.request("GET", `/api/rollout-plans/${plan.id}/summary`);
    expect(summary.statusCode, summary.body).toBe(200);
    const periods = summary.json<Summary>().periods;
    expect(periods.map((p) => p.cumulativeUnits)).toEqual([1, 3, 3]);
    expect(periods.map((p) => p.actualCumulativeUnits)).toEqual([1, 2, null]);

    const detail = (await coordinator.request("GET", `/api/rollout-plans/${plan.id}`)).json<PlanDetail>();
    expect(Object.fromEntries(detail.units.map((u) => [u.unitLabel, u.trainedOn]))).toEqual({
      N1: "2026-02-11",
      N2: null,
      S1: "2026-03-21",
    });
    expect(detail.summary.map((p) => p.actualCumulativeUnits)).toEqual([1, 2, null]);
  });
});
