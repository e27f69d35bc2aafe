import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import { insertAgreement, insertPartnerOrganization, insertPartnerPerson } from "../partners/partner.repo.js";
import { DELIVERY_CHECKLIST } from "./delivery-checklist.js";

const { app, db } = await startTestApp();
let world: World;
let coordinator: Client;
let trainer: Client;
let supervisor: Client;
let staff: Client;
let trainerPersonId: string;
let paidPartner: string;
let unpaidPartner: string;

interface Trainer {
  id: string;
  kind: string;
  partnerPersonId: string | null;
}
interface AttendanceResult {
  version: number;
  trainers: Trainer[];
  partnerHours: { trainerId: string; name: string; outcome: string; hours: number | null; message: string }[];
}

async function partnerPerson(name: string) {
  const organization = await insertPartnerOrganization(db, world.agency.id, {
    kind: "community_organization",
    name: `${name} Family Network`,
    contactName: null,
    contactEmail: null,
    contactPhone: null,
    notes: "",
  });
  return insertPartnerPerson(db, world.agency.id, organization, {
    fullName: name,
    email: null,
    phone: null,
    languages: [],
    roles: ["co_trainer"],
  });
}

beforeAll(async () => {
  world = await buildWorld(db, "delivery");
  coordinator = await signIn(app, world.emails.training_coordinator);
  trainer = await signIn(app, world.emails.trainer);
  supervisor = await signIn(app, world.emails.supervisor);
  staff = await signIn(app, world.emails.staff);
  const user = await db
    .selectFrom("users")
    .select("person_id")
    .where("email", "=", world.emails.trainer)
    .executeTakeFirstOrThrow();
  trainerPersonId = user.person_id as string;
  paidPartner = await partnerPerson("Rosa Paid");
  unpaidPartner = await partnerPerson("Ned Unpaid");
  await insertAgreement(db, world.agency.id, paidPartner, {
    kind: "hourly",
    rateCents: 4000,
    rateUnit: "hour",
    budgetedMinutes: 40 * 60,
    startDate: "2026-01-01",
    endDate: "2026-12-31",
  });
});

async function schedule(overrides: Record<string, unknown> = {}) {
  const response = await coordinator.request("POST", "/api/training-sessions", {
    title: "Foundations, March",
    date: "2026-03-03",
    startTime: "09:00",
    endTime: "12:00",
    place: "North Office",
    capacity: 20,
    trainers: [
      { personId: trainerPersonId, role: "lead" },
      { partnerPersonId: paidPartner, role: "co_trainer" },
      { partnerPersonId: unpaidPartner, role: "co_trainer" },
    ],
    enrolledPersonIds: [world.people.workerS1.id],
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; version: number; trainers: Trainer[] }>();
}

function saveAttendance(client: Client, session: { id: string; version: number }, extra: object = {}) {
  return client.request("PUT", `/api/training-sessions/${session.id}/attendance`, {
    records: [{ personId: world.people.workerS1.id, attendance: "present" }],
    version: session.version,
    ...extra,
  });
}

async function hoursRowsOf(sessionId: string) {
  return db
    .selectFrom("partner_hours")
    .select(["minutes", "source_type", "work_date", "activity"])
    .where("source_id", "=", sessionId)
    .execute();
}

describe("partner co-trainers' hours", () => {
  it("logs a partner's session hours once against their agreement, and says when there is no agreement", async () => {
    const session = await schedule();
    const first = await saveAttendance(coordinator, session);
    expect(first.statusCode, first.body).toBe(200);
    const result = first.json<AttendanceResult>();
    expect(result.partnerHours.map((p) => [p.name, p.outcome, p.hours, p.message])).toEqual([
      ["Ned Unpaid", "not_logged", null, "No active agreement — hours not logged."],
      ["Rosa Paid", "logged", 3, "3 h logged."],
    ]);
    expect(await hoursRowsOf(session.id)).toEqual([
      { minutes: 180, source_type: "training_session", work_date: "2026-03-03", activity: "training" },
    ]);

    const again = await saveAttendance(coordinator, { id: session.id, version: result.version });
    expect(again.json<AttendanceResult>().partnerHours.map((p) => p.outcome)).toEqual(["not_logged", "already_logged"]);
    expect(await hoursRowsOf(session.id)).toHaveLength(1);
  });

  it("logs the hours the coordinator enters instead of the session's length", async () => {
    const session = await schedule({ title: "Foundations, half day" });
    const paid = session.trainers.find((t) => t.partnerPersonId === paidPartner) as Trainer;
    const response = await saveAttendance(coordinator, session, { partnerHours: [{ trainerId: paid.id, hours: 2.5 }] });
    expect(response.statusCode, response.body).toBe(200);
    expect((await hoursRowsOf(session.id)).map((r) => r.minutes)).toEqual([150]);
  });

  it("refuses hours for someone who is not a partner trainer of the session, changing nothing", async () => {
    const session = await schedule({ title: "Foundations, refused" });
    const lead = session.trainers.find((t) => t.kind === "staff") as Trainer;
    const response = await saveAttendance(coordinator, session, { partnerHours: [{ trainerId: lead.id, hours: 1 }] });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual([
      "partnerHours.0.trainerId",
    ]);
    expect(await hoursRowsOf(session.id)).toEqual([]);
  });

  it("leaves the hours to a coordinator when the trainer saves attendance", async () => {
    const session = await schedule({ title: "Foundations, trainer saves" });
    const response = await saveAttendance(trainer, session);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<AttendanceResult>().partnerHours.map((p) => p.outcome)).toEqual(["not_logged", "not_logged"]);
    expect(await hoursRowsOf(session.id)).toEqual([]);
  });
});

describe("the training delivery check", () => {
  const allRated = (rating: string) => DELIVERY_CHECKLIST.map((i) => ({ item: i.key, rating, comment: "" }));

  it("is recorded by the assigned observer and read by the session's trainer with scores per section", async () => {
    const session = await schedule({ title: "Observed session" });
    const assigned = await coordinator.request("PUT", `/api/training-sessions/${session.id}/delivery-check`, {
      observerPersonId: world.people.workerN1.id,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const check = assigned.json<{ id: string; version: number; recordedAt: string | null }>();
    expect(check.recordedAt).toBeNull();

    // Someone else than the observer may not record it.
    const byTrainer = await trainer.request("PUT", `/api/training/delivery-checks/${check.id}`, {
      ratings: allRated("met"),
      version: check.version,
    });
    expect(byTrainer.statusCode).toBe(403);

    // Every item must be rated; nothing is saved until it is.
    const incomplete = await staff.request("PUT", `/api/training/delivery-checks/${check.id}`, {
      ratings: allRated("met").slice(1),
      version: check.version,
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual([
      "ratings.cc_elements",
    ]);

    // Content coverage 3 of 4 met (75 %), format and sequencing all partly (0 %), delivery quality all met (100 %).
    const ratings = allRated("met").map((r) =>
      r.item === "cc_practice"
        ? { ...r, rating: "not_met", comment: "No role play" }
        : r.item.startsWith("fs_")
          ? { ...r, rating: "partly" }
          : r,
    );
    const recorded = await staff.request("PUT", `/api/training/delivery-checks/${check.id}`, {
      ratings,
      comment: "Good energy.",
      version: check.version,
    });
    expect(recorded.statusCode, recorded.body).toBe(200);

    const stale = await staff.request("PUT", `/api/training/delivery-checks/${check.id}`, {
      ratings,
      version: check.version,
    });
    expect(stale.statusCode).toBe(409);

    const own = await trainer.request("GET", "/api/training/delivery-checks");
    const listed = own.json<{ items: { id: string; scores: { metPercent: number }[]; canRecord: boolean }[] }>().items;
    const mine = listed.find((c) => c.id === check.id);
    expect(mine?.scores.map((s) => s.metPercent)).toEqual([75, 0, 100]);
    expect(mine?.canRecord).toBe(false);
    const detail = await trainer.request("GET", `/api/training/delivery-checks/${check.id}`);
    expect(detail.json<{ comment: string; ratings: { item: string; comment: string }[] }>()).toMatchObject({
      comment: "Good energy.",
    });

    // A supervisor neither trains nor observes it.
    expect((await supervisor.request("GET", `/api/training/delivery-checks/${check.id}`)).statusCode).toBe(403);
    const supervisorList = await supervisor.request("GET", "/api/training/delivery-checks");
    expect(supervisorList.json<{ items: { id: string }[] }>().items.map((c) => c.id)).not.toContain(check.id);

    // Once recorded, the observer stays.
    const reassign = await coordinator.request("PUT", `/api/training-sessions/${session.id}/delivery-check`, {
      observerPersonId: world.people.workerN2.id,
    });
    expect(reassign.statusCode).toBe(400);
  });
});

interface Home {
  trainingNudge: {
    id: string;
    nudgedByName: string;
    message: string;
    suggestedSession: { title: string } | null;
  } | null;
}

describe("nudges to sign up for training", () => {
  const nudge = (body: object) =>
    supervisor.request("POST", `/api/training/staff/${world.people.workerN1.id}/nudges`, body);
  const homeNudge = async () => (await staff.request("GET", "/api/home")).json<Home>().trainingNudge;

  it("reach the staff member's home page until dismissed or enrolled, and show on the status list", async () => {
    await schedule({ title: "Spring foundations", date: "2099-04-01", enrolledPersonIds: [] });
    await schedule({ title: "Autumn foundations", date: "2099-09-01", enrolledPersonIds: [] });

    const first = await nudge({ message: "Please join the next one." });
    expect(first.statusCode, first.body).toBe(201);
    // Without a suggestion, the next session with room comes first.
    expect(await homeNudge()).toMatchObject({
      nudgedByName: "Supervisor delivery",
      message: "Please join the next one.",
      suggestedSession: { title: "Spring foundations" },
    });

    const firstId = first.json<{ id: string }>().id;
    expect((await supervisor.request("POST", `/api/training/nudges/${firstId}/dismiss`)).statusCode).toBe(403);
    expect((await staff.request("POST", `/api/training/nudges/${firstId}/dismiss`)).statusCode).toBe(200);
    expect(await homeNudge()).toBeNull();

    const autumn = (await coordinator.request("GET", "/api/training-sessions"))
      .json<{ items: { id: string; title: string }[] }>()
      .items.find((s) => s.title === "Autumn foundations");
    const second = await nudge({ sessionId: autumn?.id });
    expect(second.statusCode, second.body).toBe(201);
    expect((await homeNudge())?.suggestedSession?.title).toBe("Autumn foundations");

    const status = await supervisor.request("GET", "/api/training/staff-status");
    const row = status
      .json<{ items: { personId: string; nudgedAt: string | null }[] }>()
      .items.find((i) => i.personId === world.people.workerN1.id);
    expect(row?.nudgedAt).toBe(second.json<{ createdAt: string }>().createdAt);

    await schedule({ title: "Summer foundations", date: "2099-06-01", enrolledPersonIds: [world.people.workerN1.id] });
    expect(await homeNudge()).toBeNull();
  });

  it("refuse a suggested session that has already taken place", async () => {
    const past = await schedule({ title: "Past foundations", enrolledPersonIds: [] });
    const response = await nudge({ sessionId: past.id });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(["sessionId"]);
  });

  it("are only for the staff in the supervisor's line, and another agency's people are not found", async () => {
    const outOfLine = await supervisor.request("POST", `/api/training/staff/${world.people.workerN2.id}/nudges`, {});
    expect(outOfLine.statusCode).toBe(403);
    const other = await buildWorld(db, "elsewhere");
    const foreign = await supervisor.request("POST", `/api/training/staff/${other.people.workerN1.id}/nudges`, {});
    expect(foreign.statusCode).toBe(404);
    const self = await supervisor.request("POST", `/api/training/staff/${world.people.supervisorN1.id}/nudges`, {});
    expect(self.statusCode).toBe(403);
  });
});
