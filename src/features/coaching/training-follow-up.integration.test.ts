import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCoachingRecords } from "../../../tests/support/coaching.js";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildFollowUpPlan, monthStart } from "../../../tests/support/training-follow-up.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import type { TrainingFollowUp } from "./coaching.schema.js";

const { app, db } = await startTestApp();
let world: World;
let otherWorld: World;
const clients = {} as Record<"coachingSupervisor" | "trainingCoordinator" | "staff" | "otherAdmin", Client>;

beforeAll(async () => {
  world = await buildWorld(db, "followup");
  otherWorld = await buildWorld(db, "followupother");
  await buildCoachingRecords(db, world);
  await buildFollowUpPlan(db, world);
  clients.coachingSupervisor = await signIn(app, world.emails.coaching_supervisor);
  clients.trainingCoordinator = await signIn(app, world.emails.training_coordinator);
  clients.staff = await signIn(app, world.emails.staff);
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
