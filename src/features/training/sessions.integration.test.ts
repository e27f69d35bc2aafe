import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import { toUtc, trainingCalendarEventsForPerson } from "./session.service.js";

const { app, db } = await startTestApp();
let world: World;
let coordinator: Client;
let trainer: Client;
let staff: Client;
let trainerPersonId: string;

interface Session {
  id: string;
  startsAt: string;
  endsAt: string;
  startsLocal: string;
  durationMinutes: number;
  version: number;
  cohortNote: string | null;
  trainers: { name: string; role: string }[];
  enrollments: { personId: string; attendance: string | null; minutesAttended: number | null }[];
}

beforeAll(async () => {
  world = await buildWorld(db, "sessions");
  coordinator = await signIn(app, world.emails.training_coordinator);
  trainer = await signIn(app, world.emails.trainer);
  staff = await signIn(app, world.emails.staff);
  const user = await db
    .selectFrom("users")
    .select("person_id")
    .where("email", "=", world.emails.trainer)
    .executeTakeFirstOrThrow();
  trainerPersonId = user.person_id as string;
});

const sessionBody = (overrides: Record<string, unknown> = {}) => ({
  title: "Foundations, cohort 1",
  date: "2026-12-03",
  startTime: "09:00",
  endTime: "12:00",
  place: "North Office, room 2",
  capacity: 20,
  trainers: [{ personId: trainerPersonId, role: "lead" }],
  enrolledPersonIds: [world.people.workerN1.id, world.people.workerN2.id],
  ...overrides,
});

async function schedule(overrides: Record<string, unknown> = {}) {
  const response = await coordinator.request("POST", "/api/training-sessions", sessionBody(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Session>();
}

describe("training sessions", () => {
  it("takes times on the agency's clock and stores them in UTC, across a daylight-saving change", async () => {
    // The world's agency is in America/Chicago: 09:00 is 15:00 UTC in December (CST) and 14:00 in June (CDT).
    const winter = await schedule();
    expect(winter.startsAt).toBe("2026-12-03T15:00:00.000Z");
    expect(winter.endsAt).toBe("2026-12-03T18:00:00.000Z");
    expect(winter.durationMinutes).toBe(180);
    expect(winter.startsLocal).toContain("9:00");
    expect(toUtc("2026-06-03", "09:00", "America/Chicago")).toBe("2026-06-03T14:00:00.000Z");
    expect(winter.trainers).toEqual([expect.objectContaining({ role: "lead" })]);
    expect(winter.cohortNote).toContain("fewer than the 10 a cohort needs");
  });

  it("refuses a session without a place or link, ending before it starts, or over capacity", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ place: "", videoLink: "" }, "place"],
      [{ endTime: "08:00" }, "endTime"],
      [{ capacity: 1 }, "enrolledPersonIds"],
      [{ enrolledPersonIds: ["nobody"] }, "enrolledPersonIds.0"],
    ];
    for (const [overrides, field] of cases) {
      const response = await coordinator.request("POST", "/api/training-sessions", sessionBody(overrides));
      expect(response.statusCode, field).toBe(400);
      expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(field);
    }
  });

  it("lets the session's trainer record attendance, partial with minutes, and answers 409 to a stale save", async () => {
    const session = await schedule();
    const records = [
      { personId: world.people.workerN1.id, attendance: "present" },
      { personId: world.people.workerN2.id, attendance: "partial", minutes: 90 },
    ];
    const response = await trainer.request("PUT", `/api/training-sessions/${session.id}/attendance`, {
      records,
      version: session.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    const byPerson = Object.fromEntries(response.json<Session>().enrollments.map((e) => [e.personId, e]));
    expect(byPerson[world.people.workerN1.id]).toMatchObject({ attendance: "present", minutesAttended: 180 });
    expect(byPerson[world.people.workerN2.id]).toMatchObject({ attendance: "partial", minutesAttended: 90 });

    const stale = await trainer.request("PUT", `/api/training-sessions/${session.id}/attendance`, {
      records: [{ personId: world.people.workerN1.id, attendance: "absent" }],
      version: session.version,
    });
    expect(stale.statusCode).toBe(409);
  });

  it("refuses partial attendance without minutes, and people not enrolled", async () => {
    const session = await schedule();
    const noMinutes = await coordinator.request("PUT", `/api/training-sessions/${session.id}/attendance`, {
      records: [{ personId: world.people.workerN1.id, attendance: "partial" }],
      version: session.version,
    });
    expect(noMinutes.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("records.0.minutes");
    const stranger = await coordinator.request("PUT", `/api/training-sessions/${session.id}/attendance`, {
      records: [{ personId: world.people.workerS1.id, attendance: "present" }],
      version: session.version,
    });
    expect(stranger.statusCode).toBe(400);
  });

  it("keeps trainers to their own sessions and staff to reading", async () => {
    const session = await schedule({ trainers: [{ personId: world.people.supervisorN1.id, role: "lead" }] });
    const body = { records: [{ personId: world.people.workerN1.id, attendance: "present" }], version: session.version };
    expect((await trainer.request("PUT", `/api/training-sessions/${session.id}/attendance`, body)).statusCode).toBe(
      403,
    );
    expect((await staff.request("PUT", `/api/training-sessions/${session.id}/attendance`, body)).statusCode).toBe(403);
    expect((await staff.request("GET", `/api/training-sessions/${session.id}`)).statusCode).toBe(200);
    expect((await staff.request("POST", "/api/training-sessions", sessionBody())).statusCode).toBe(403);
  });

  it("gives each person's calendar the sessions they attend or train, and nobody else's", async () => {
    const session = await schedule({ title: "Calendar check", videoLink: "https://meet.example/abc", place: "" });
    const forWorker = await trainingCalendarEventsForPerson(db, world.agency.id, world.people.workerN1.id);
    expect(forWorker).toContainEqual({
      uid: `training-session-${session.id}`,
      startUtc: session.startsAt,
      endUtc: session.endsAt,
      summary: "Calendar check",
      location: "https://meet.example/abc",
      description: "Join online: https://meet.example/abc",
    });
    const forTrainer = await trainingCalendarEventsForPerson(db, world.agency.id, trainerPersonId);
    expect(forTrainer.map((e) => e.uid)).toContain(`training-session-${session.id}`);
    const forOther = await trainingCalendarEventsForPerson(db, world.agency.id, world.people.workerS1.id);
    expect(forOther).toEqual([]);
    expect(await trainingCalendarEventsForPerson(db, "another-agency", world.people.workerN1.id)).toEqual([]);
  });

  it("shows a supervisor which of their staff are trained, scheduled or missing, and staff only themselves", async () => {
    const supervisor = await signIn(app, world.emails.supervisor);
    const response = await supervisor.request("GET", "/api/training/staff-status");
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      items: { personId: string; status: string; nextSession: { title: string } | null }[];
      counts: Record<string, number>;
    }>();
    const byPerson = Object.fromEntries(body.items.map((i) => [i.personId, i]));
    expect(Object.keys(byPerson).sort()).toEqual([world.people.supervisorN1.id, world.people.workerN1.id].sort());
    // Marked present in an earlier test: trained. The supervisor trains a session but never enrolled in one.
    expect(byPerson[world.people.workerN1.id]?.status).toBe("trained");
    expect(byPerson[world.people.supervisorN1.id]?.status).toBe("missing");
    expect(body.counts).toEqual({ trained: 1, scheduled: 0, missing: 1 });

    const own = (await staff.request("GET", "/api/training/staff-status")).json<{ items: { personId: string }[] }>();
    expect(own.items.map((i) => i.personId)).toEqual([world.people.workerN1.id]);
    const northManager = await signIn(app, world.emails.manager);
    const region = (await northManager.request("GET", "/api/training/staff-status")).json<{
      items: { personId: string }[];
    }>();
    expect(region.items.map((i) => i.personId)).not.toContain(world.people.workerS1.id);
  });

  it("enrolls a new hire in the next session with room meant for their job, once", async () => {
    // Far in the future, so an upcoming session with room exists whatever day the test runs.
    await schedule({ title: "Onboarding cohort", date: "2099-01-05", enrolledPersonIds: [] });
    const response = await coordinator.request("POST", "/api/training/onboarding", {
      personId: world.people.workerS1.id,
    });
    expect(response.statusCode, response.body).toBe(201);
    const session = response.json<Session & { title: string }>();
    expect(session.id).not.toBe("");
    expect(session.enrollments.map((e) => e.personId)).toContain(world.people.workerS1.id);
    const again = await coordinator.request("POST", "/api/training/onboarding", { personId: world.people.workerS1.id });
    expect(again.statusCode).toBe(400);
    expect(again.json<{ errors: { message: string }[] }>().errors[0]?.message).toContain("Already enrolled");
    expect(
      (await staff.request("POST", "/api/training/onboarding", { personId: world.people.workerS1.id })).statusCode,
    ).toBe(403);
  });
});

describe("editing a training session", () => {
  const editBody = (session: Session, overrides: Record<string, unknown> = {}) => ({
    ...sessionBody(),
    enrolledPersonIds: undefined,
    version: session.version,
    ...overrides,
  });
  const sessionRow = (id: string) =>
    db.selectFrom("training_sessions").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  it("changes the time, place, capacity and trainers, keeps the cohort, and audits the change", async () => {
    const session = await schedule();
    const response = await coordinator.request(
      "PUT",
      `/api/training-sessions/${session.id}`,
      editBody(session, {
        title: "Foundations, cohort 1 (moved)",
        date: "2026-12-04",
        startTime: "13:00",
        endTime: "15:30",
        place: "South Office, hall",
        capacity: 12,
        trainers: [
          { personId: trainerPersonId, role: "lead" },
          { personId: world.people.supervisorN1.id, role: "co_trainer" },
        ],
      }),
    );
    expect(response.statusCode, response.body).toBe(200);
    const edited = response.json<Session & { place: string; capacity: number; title: string }>();
    // 13:00 in Chicago in December is 19:00 UTC.
    expect(edited.startsAt).toBe("2026-12-04T19:00:00.000Z");
    expect(edited.durationMinutes).toBe(150);
    expect(edited.place).toBe("South Office, hall");
    expect(edited.capacity).toBe(12);
    expect(edited.version).toBe(session.version + 1);
    expect(edited.trainers.map((t) => t.role)).toEqual(["lead", "co_trainer"]);
    expect(edited.enrollments.map((e) => e.personId).sort()).toEqual(
      [world.people.workerN1.id, world.people.workerN2.id].sort(),
    );
    const audit = await db
      .selectFrom("audit_events")
      .select(["action", "summary"])
      .where("entity_id", "=", session.id)
      .orderBy("id")
      .execute();
    expect(audit.at(-1)).toEqual({
      action: "update",
      summary: expect.stringContaining("Changed training session Foundations, cohort 1 (moved)"),
    });
  });

  it("answers 409 with the current session to a stale version, changing nothing", async () => {
    const session = await schedule();
    const first = await coordinator.request("PUT", `/api/training-sessions/${session.id}`, editBody(session));
    expect(first.statusCode, first.body).toBe(200);
    const saved = await sessionRow(session.id);
    const stale = await coordinator.request(
      "PUT",
      `/api/training-sessions/${session.id}`,
      editBody(session, { place: "Somewhere else" }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ current: { version: number } }>().current.version).toBe(session.version + 1);
    expect(await sessionRow(session.id)).toEqual(saved);
  });

  it("refuses bad input field by field, including a capacity below the number enrolled, and changes nothing", async () => {
    const session = await schedule();
    const before = await sessionRow(session.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ capacity: 1 }, "capacity"],
      [{ place: "", videoLink: "" }, "place"],
      [{ endTime: "08:00" }, "endTime"],
      [{ title: "" }, "title"],
      [{ trainers: [{ personId: "nobody", role: "lead" }] }, "trainers.0.personId"],
    ];
    for (const [overrides, field] of cases) {
      const response = await coordinator.request(
        "PUT",
        `/api/training-sessions/${session.id}`,
        editBody(session, overrides),
      );
      expect(response.statusCode, field).toBe(400);
      expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(field);
    }
    expect(await sessionRow(session.id)).toEqual(before);
  });

  it("lets only training managers edit, and answers 404 to another agency", async () => {
    const session = await schedule();
    const forbidden = await trainer.request("PUT", `/api/training-sessions/${session.id}`, editBody(session));
    expect(forbidden.statusCode).toBe(403);
    const otherWorld = await buildWorld(db, "sessions-other");
    const otherCoordinator = await signIn(app, otherWorld.emails.training_coordinator);
    const before = await sessionRow(session.id);
    const response = await otherCoordinator.request(
      "PUT",
      `/api/training-sessions/${session.id}`,
      editBody(session, { trainers: [{ personId: otherWorld.people.supervisorN1.id, role: "lead" }] }),
    );
    expect(response.statusCode).toBe(404);
    expect(await sessionRow(session.id)).toEqual(before);
  });
});
