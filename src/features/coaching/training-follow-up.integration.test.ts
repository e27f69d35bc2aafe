import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCoachingRecords } from "../../../tests/support/coaching.js";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildFollowUpPlan, monthStart } from "../../../tests/support/training-follow-up.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import type { Agency } from "../agencies/agency.schema.js";
import type { TrainingFollowUp } from "./coaching.schema.js";

const { app, db } = await startTestApp();
let world: World;
let otherWorld: World;
const clients = {} as Record<"coachingSupervisor" | "trainingCoordinator" | "staff" | "admin" | "otherAdmin", Client>;

beforeAll(async () => {
  world = await buildWorld(db, "followup");
  otherWorld = await buildWorld(db, "followupother");
  await buildCoachingRecords(db, world);
  await buildFollowUpPlan(db, world);
  clients.coachingSupervisor = await signIn(app, world.emails.coaching_supervisor);
  clients.trainingCoordinator = await signIn(app, world.emails.training_coordinator);
  clients.staff = await signIn(app, world.emails.staff);
  clients.admin = await signIn(app, world.emails.admin);
  clients.otherAdmin = await signIn(app, otherWorld.emails.admin);
});

const trainingEnded = DateTime.fromISO(monthStart(-3)).endOf("month").toISODate() as string;

describe("trained units waiting for coaching", () => {
  it("flags the unit whose training ended months ago with nobody in coaching", async () => {
    const response = await clients.coachingSupervisor.request("GET", "/api/coaching/training-follow-up");
    expect(response.statusCode).toBe(200);
    const body = response.json<TrainingFollowUp>();
    const today = DateTime.now().setZone("America/Chicago").toISODate() as string;
    expect(body.thresholdDays).toBe(14);
    expect(body.today).toBe(today);
    // N1 has a coachee and S1 has not trained yet; N2 only has an open invitation.
    expect(body.units).toEqual([
      {
        orgUnitId: world.units.unitN2.id,
        orgUnitName: "Unit N2",
        trainingEndedOn: trainingEnded,
        daysSinceTraining: Math.round(DateTime.fromISO(today).diff(DateTime.fromISO(trainingEnded), "days").days),
      },
    ]);
  });

  it("gives the training coordinator the same list", async () => {
    const response = await clients.trainingCoordinator.request("GET", "/api/coaching/training-follow-up");
    expect(response.json<TrainingFollowUp>().units.map((u) => u.orgUnitName)).toEqual(["Unit N2"]);
  });

  it("waits longer when the agency asks for a longer threshold", async () => {
    const response = await clients.coachingSupervisor.request(
      "GET",
      "/api/coaching/training-follow-up?thresholdDays=120",
    );
    expect(response.statusCode).toBe(200);
    expect(response.json<TrainingFollowUp>().units).toEqual([]);
  });

  it("refuses a threshold that is not a whole number of days", async () => {
    const response = await clients.coachingSupervisor.request(
      "GET",
      "/api/coaching/training-follow-up?thresholdDays=soon",
    );
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain("thresholdDays");
  });

  it("is not for staff, and another agency sees none of these units", async () => {
    expect((await clients.staff.request("GET", "/api/coaching/training-follow-up")).statusCode).toBe(403);
    const other = await clients.otherAdmin.request("GET", "/api/coaching/training-follow-up");
    expect(other.statusCode).toBe(200);
    expect(other.json<TrainingFollowUp>().units).toEqual([]);
  });
});

describe("the agency's own follow-up threshold", () => {
  async function setFollowUpDays(client: Client, days: unknown) {
    const agency = (await client.request("GET", "/api/agency")).json<Agency>();
    return client.request("PUT", "/api/agency", {
      name: agency.name,
      timeZone: agency.timeZone,
      requireTotp: agency.requireTotp,
      coachingFollowUpDays: days,
      version: agency.version,
    });
  }
  async function flaggedUnits() {
    const response = await clients.coachingSupervisor.request("GET", "/api/coaching/training-follow-up");
    return response.json<TrainingFollowUp>();
  }
  const today = () => DateTime.now().setZone("America/Chicago").toISODate() as string;
  const daysSinceTraining = () =>
    Math.round(DateTime.fromISO(today()).diff(DateTime.fromISO(trainingEnded), "days").days);

  it("starts at 14 days and decides which units are flagged when the agency changes it", async () => {
    expect((await clients.admin.request("GET", "/api/agency")).json<Agency>().coachingFollowUpDays).toBe(14);

    // Exactly as many days as N2 has waited is not yet "more than": N2 drops off the list.
    expect((await setFollowUpDays(clients.admin, daysSinceTraining())).statusCode).toBe(200);
    expect(await flaggedUnits()).toMatchObject({ thresholdDays: daysSinceTraining(), units: [] });

    expect((await setFollowUpDays(clients.admin, daysSinceTraining() - 1)).statusCode).toBe(200);
    const flagged = await flaggedUnits();
    expect(flagged.thresholdDays).toBe(daysSinceTraining() - 1);
    expect(flagged.units.map((u) => u.orgUnitName)).toEqual(["Unit N2"]);

    // Another agency's setting is its own.
    expect((await clients.otherAdmin.request("GET", "/api/agency")).json<Agency>().coachingFollowUpDays).toBe(14);
  });

  it.each([
    ["zero days", 0],
    ["more than 180 days", 181],
    ["a part of a day", 2.5],
    ["words instead of a number", "two weeks"],
  ])("refuses %s with a field error and keeps the setting", async (_label, days) => {
    const before = (await clients.admin.request("GET", "/api/agency")).json<Agency>();
    const response = await setFollowUpDays(clients.admin, days);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual([
      "coachingFollowUpDays",
    ]);
    expect((await clients.admin.request("GET", "/api/agency")).json<Agency>()).toEqual(before);
  });

  it("keeps the setting when a client leaves it out", async () => {
    const before = (await clients.admin.request("GET", "/api/agency")).json<Agency>();
    const { coachingFollowUpDays: _left, ...withoutDays } = before;
    const response = await clients.admin.request("PUT", "/api/agency", withoutDays);
    expect(response.statusCode).toBe(200);
    expect(response.json<Agency>().coachingFollowUpDays).toBe(before.coachingFollowUpDays);
  });
});
