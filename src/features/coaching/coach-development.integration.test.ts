import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildCoachDevelopmentRecords,
  type CoachDevelopmentRecords,
} from "../../../tests/support/coach-development.js";
import { buildCoachingRecords, type CoachingRecords } from "../../../tests/support/coaching.js";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import type { CoachDevelopment, CoachObservation } from "./coach-development.schema.js";
import { roundtableCalendarEventsForPerson } from "./coaching.service.js";
import type { Roundtable } from "./roundtable.schema.js";

const { app, db } = await startTestApp();
let world: World;
let coaching: CoachingRecords;
let development: CoachDevelopmentRecords;
let otherCoachId: string;
const clients = {} as Record<"coach" | "mentor" | "coachingSupervisor" | "lineSupervisor" | "admin" | "staff", Client>;

const json = <T>(response: LightMyRequestResponse) => response.json<T>();

beforeAll(async () => {
  world = await buildWorld(db, "coachdev");
  coaching = await buildCoachingRecords(db, world);
  development = await buildCoachDevelopmentRecords(db, world, coaching.coach);
  const other = await buildWorld(db, "coachdevother");
  otherCoachId = (await buildCoachingRecords(db, other)).coach;
  clients.coach = await signIn(app, world.emails.coach);
  // The supervisor account's person mentors the roster coach.
  clients.mentor = await signIn(app, world.emails.supervisor);
  clients.coachingSupervisor = await signIn(app, world.emails.coaching_supervisor);
  // The director is the coach's own line supervisor, and no mentor.
  clients.lineSupervisor = await signIn(app, world.emails.executive);
  clients.admin = await signIn(app, world.emails.admin);
  clients.staff = await signIn(app, world.emails.staff);
});

const developmentUrl = () => `/api/coaching/coaches/${coaching.coach}/development`;

async function ratingCount() {
  const rows = await db.selectFrom("coach_skill_ratings").select("id").where("coach_id", "=", coaching.coach).execute();
  return rows.length;
}

describe("a coach's skills profile", () => {
  it("shows the latest self rating next to the latest mentor rating, with the history over time", async () => {
    const byMentor = await clients.mentor.request("POST", `/api/coaching/coaches/${coaching.coach}/skill-ratings`, {
      ratedOn: "2026-01-15",
      ratings: [
        { skill: "inquiry", rating: 2, note: "Asks, then answers for them." },
        { skill: "modeling", rating: 3, note: "" },
      ],
    });
    expect(byMentor.statusCode).toBe(201);
    expect(json<CoachDevelopment>(byMentor).relation).toBe("mentor");
    for (const [ratedOn, rating] of [
      ["2026-01-14", 1],
      ["2026-04-01", 3],
    ] as const) {
      const bySelf = await clients.coach.request("POST", `/api/coaching/coaches/${coaching.coach}/skill-ratings`, {
        ratedOn,
        ratings: [
          { skill: "inquiry", rating, note: "" },
          { skill: "goal_setting", rating: 2, note: "" },
        ],
      });
      expect(bySelf.statusCode).toBe(201);
    }

    const response = await clients.coach.request("GET", developmentUrl());
    expect(response.statusCode).toBe(200);
    const profile = json<CoachDevelopment>(response);
    expect(profile.relation).toBe("coach");
    expect(profile.mentorName).toBe("Supervisor coachdev");
    expect(profile.latest.map((l) => l.skill)).toHaveLength(8);
    expect(profile.latest.find((l) => l.skill === "inquiry")).toEqual({
      skill: "inquiry",
      self: { rating: 3, ratedOn: "2026-04-01" },
      mentor: { rating: 2, ratedOn: "2026-01-15" },
    });
    expect(profile.latest.find((l) => l.skill === "modeling")).toEqual({
      skill: "modeling",
      self: null,
      mentor: { rating: 3, ratedOn: "2026-01-15" },
    });
    // Self on 01-14: (1 + 2) / 2 = 1.5; mentor on 01-15: (2 + 3) / 2 = 2.5; self on 04-01: (3 + 2) / 2 = 2.5.
    expect(profile.rounds).toEqual([
      { ratedOn: "2026-01-14", raterKind: "self", skillsRated: 2, average: 1.5 },
      { ratedOn: "2026-01-15", raterKind: "mentor", skillsRated: 2, average: 2.5 },
      { ratedOn: "2026-04-01", raterKind: "self", skillsRated: 2, average: 2.5 },
    ]);
    expect(profile.ratings).toHaveLength(6);
    expect(profile.ratings.find((r) => r.note === "Asks, then answers for them.")?.raterKind).toBe("mentor");
  });

  it("files the coaching supervisor's rating as the mentor's view", async () => {
    const response = await clients.coachingSupervisor.request(
      "POST",
      `/api/coaching/coaches/${coaching.coach}/skill-ratings`,
      { ratedOn: "2026-04-02", ratings: [{ skill: "cultural_responsiveness", rating: 3, note: "" }] },
    );
    expect(response.statusCode).toBe(201);
    const profile = json<CoachDevelopment>(response);
    expect(profile.relation).toBe("oversight");
    expect(profile.latest.find((l) => l.skill === "cultural_responsiveness")?.mentor).toEqual({
      rating: 3,
      ratedOn: "2026-04-02",
    });
  });

  it("refuses a level outside the scale or a skill rated twice, naming the field, and stores nothing", async () => {
    const before = await ratingCount();
    const outOfScale = await clients.coach.request("POST", `/api/coaching/coaches/${coaching.coach}/skill-ratings`, {
      ratedOn: "2026-05-01",
      ratings: [{ skill: "inquiry", rating: 5, note: "" }],
    });
    expect(outOfScale.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(outOfScale).errors.map((e) => e.field)).toContain("ratings.0.rating");
    const twice = await clients.coach.request("POST", `/api/coaching/coaches/${coaching.coach}/skill-ratings`, {
      ratedOn: "2026-05-01",
      ratings: [
        { skill: "inquiry", rating: 2, note: "" },
        { skill: "inquiry", rating: 3, note: "" },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(await ratingCount()).toBe(before);
  });

  it("keeps rating levels out of the audit trail, which administrators browse", async () => {
    const rows = await db
      .selectFrom("audit_events")
      .select(["summary", "after_json"])
      .where("entity_type", "=", "coach_skill_rating")
      .where("agency_id", "=", world.agency.id)
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row.after_json ?? "").not.toMatch(/"rating"|Asks, then answers/);
  });
});

describe("who reads a coach's development", () => {
  it("is the coach, their mentor and the coaching supervisor", async () => {
    for (const client of [clients.coach, clients.mentor, clients.coachingSupervisor]) {
      expect((await client.request("GET", developmentUrl())).statusCode).toBe(200);
    }
  });

  it("is not the coach's own line supervisor, an administrator or anyone else on staff", async () => {
    for (const client of [clients.lineSupervisor, clients.admin, clients.staff]) {
      expect((await client.request("GET", developmentUrl())).statusCode).toBe(403);
      const rating = await client.request("POST", `/api/coaching/coaches/${coaching.coach}/skill-ratings`, {
        ratedOn: "2026-05-01",
        ratings: [{ skill: "inquiry", rating: 1, note: "" }],
      });
      expect(rating.statusCode).toBe(403);
    }
  });

  it("answers 404 for another agency's coach, even to the coaching supervisor", async () => {
    const response = await clients.coachingSupervisor.request(
      "GET",
      `/api/coaching/coaches/${otherCoachId}/development`,
    );
    expect(response.statusCode).toBe(404);
  });

  it("lists for each reader the records they may open", async () => {
    const ofMentor = json<{ ownCoachId: string; coaches: { coachId: string; relation: string }[] }>(
      await clients.mentor.request("GET", "/api/coaching/development"),
    );
    expect(ofMentor.ownCoachId).toBe(development.mentorCoach);
    expect(ofMentor.coaches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ coachId: development.mentorCoach, relation: "coach" }),
        expect.objectContaining({ coachId: coaching.coach, relation: "mentor" }),
      ]),
    );
    const ofStaff = json<{ ownCoachId: string | null; coaches: unknown[] }>(
      await clients.staff.request("GET", "/api/coaching/development"),
    );
    expect(ofStaff).toEqual({ ownCoachId: null, coaches: [] });
  });
});

describe("mentor observations", () => {
  it("are recorded by the mentor, not by the coach, and the coach adds a reflection afterwards", async () => {
    const body = {
      observedOn: "2026-03-12",
      format: "field_observation",
      skills: ["behavioral_rehearsal"],
      strengths: "Rehearsed the opening of the family meeting twice before going in.",
      thingsToTry: ["Let the worker lead the second rehearsal.", "Name one thing that went well first."],
    };
    expect(
      (await clients.coach.request("POST", `/api/coaching/coaches/${coaching.coach}/observations`, body)).statusCode,
    ).toBe(403);
    const created = await clients.mentor.request("POST", `/api/coaching/coaches/${coaching.coach}/observations`, body);
    expect(created.statusCode).toBe(201);
    const observation = json<CoachObservation>(created);
    expect(observation).toMatchObject({ coachReflection: null, observerName: "supervisor of coachdev", version: 1 });

    const byMentor = await clients.mentor.request(
      "PUT",
      `/api/coaching/coach-observations/${observation.id}/reflection`,
      {
        reflection: "Not mine to write",
        version: 1,
      },
    );
    expect(byMentor.statusCode).toBe(403);
    const reflected = await clients.coach.request(
      "PUT",
      `/api/coaching/coach-observations/${observation.id}/reflection`,
      {
        reflection: "I will hand over the second rehearsal next time.",
        version: 1,
      },
    );
    expect(reflected.statusCode).toBe(200);
    expect(json<CoachObservation>(reflected)).toMatchObject({
      coachReflection: "I will hand over the second rehearsal next time.",
      version: 2,
    });
    const stale = await clients.coach.request("PUT", `/api/coaching/coach-observations/${observation.id}/reflection`, {
      reflection: "An older draft",
      version: 1,
    });
    expect(stale.statusCode).toBe(409);

    const profile = json<CoachDevelopment>(await clients.coachingSupervisor.request("GET", developmentUrl()));
    expect(profile.observations.map((o) => o.id)).toEqual([observation.id, development.coachObservation]);
  });

  it("refuse more than two things to try", async () => {
    const response = await clients.mentor.request("POST", `/api/coaching/coaches/${coaching.coach}/observations`, {
      observedOn: "2026-03-12",
      format: "individual",
      skills: ["inquiry"],
      strengths: "Good questions.",
      thingsToTry: ["One", "Two", "Three"],
    });
    expect(response.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(response).errors.map((e) => e.field)).toContain("thingsToTry");
  });
});

describe("peer roundtables", () => {
  const roundtableBody = () => ({
    title: "Rehearsal in group supervision",
    heldOn: "2026-06-04",
    startTime: "09:30",
    durationMinutes: 60,
    facilitatorCoachId: development.mentorCoach,
    topics: [{ text: "When rehearsal feels awkward", itemId: null }],
    invitedCoachIds: [coaching.coach, development.mentorCoach],
  });

  it("are listed for the agency's coaches and the coaching supervisor, not for others on staff", async () => {
    for (const client of [clients.coach, clients.mentor, clients.coachingSupervisor]) {
      const response = await client.request("GET", "/api/coaching/roundtables");
      expect(response.statusCode).toBe(200);
      expect(json<{ items: Roundtable[] }>(response).items.map((r) => r.id)).toContain(development.roundtable);
    }
    expect((await clients.staff.request("GET", "/api/coaching/roundtables")).statusCode).toBe(403);
    expect((await clients.admin.request("GET", "/api/coaching/roundtables")).statusCode).toBe(403);
  });

  it("are scheduled by the coaching supervisor; a coach schedules only one they facilitate", async () => {
    const byCoach = await clients.coach.request("POST", "/api/coaching/roundtables", roundtableBody());
    expect(byCoach.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(byCoach).errors.map((e) => e.field)).toEqual(["facilitatorCoachId"]);

    const created = await clients.coachingSupervisor.request("POST", "/api/coaching/roundtables", roundtableBody());
    expect(created.statusCode).toBe(201);
    expect(json<Roundtable>(created)).toMatchObject({
      facilitatorName: "Supervisor coachdev",
      attendance: [
        { coachId: coaching.coach, name: "coach coachdev", attendance: "unrecorded" },
        { coachId: development.mentorCoach, name: "Supervisor coachdev", attendance: "unrecorded" },
      ],
    });
    const unknownCoach = await clients.coachingSupervisor.request("POST", "/api/coaching/roundtables", {
      ...roundtableBody(),
      invitedCoachIds: [otherCoachId],
    });
    expect(unknownCoach.statusCode).toBe(400);
  });

  it("take attendance from the facilitator or the coaching supervisor only", async () => {
    const version = (
      await db
        .selectFrom("coaching_roundtables")
        .select("version")
        .where("id", "=", development.roundtable)
        .executeTakeFirstOrThrow()
    ).version;
    const attendance = {
      attendance: [
        { coachId: coaching.coach, attendance: "present" },
        { coachId: development.mentorCoach, attendance: "absent" },
      ],
      version,
    };
    // The roundtable is the coach's to facilitate, so the mentor (invited, not facilitating) may not.
    const byGuest = await clients.mentor.request(
      "PUT",
      `/api/coaching/roundtables/${development.roundtable}/attendance`,
      attendance,
    );
    expect(byGuest.statusCode).toBe(403);
    const byFacilitator = await clients.coach.request(
      "PUT",
      `/api/coaching/roundtables/${development.roundtable}/attendance`,
      attendance,
    );
    expect(byFacilitator.statusCode).toBe(200);
    expect(json<Roundtable>(byFacilitator).attendance.map((a) => a.attendance)).toEqual(["present", "absent"]);
    const stale = await clients.coachingSupervisor.request(
      "PUT",
      `/api/coaching/roundtables/${development.roundtable}/attendance`,
      attendance,
    );
    expect(stale.statusCode).toBe(409);
  });

  it("appear in an invited coach's calendar at the agency's local time", async () => {
    const coachPerson = (
      await db.selectFrom("users").select("person_id").where("email", "=", world.emails.coach).executeTakeFirstOrThrow()
    ).person_id as string;
    const events = await roundtableCalendarEventsForPerson(db, world.agency.id, coachPerson);
    // 14:00 in Chicago on 2026-03-05 (standard time, UTC−6) is 20:00 UTC; 90 minutes later is 21:30.
    expect(events).toContainEqual(
      expect.objectContaining({
        uid: `coaching-roundtable-${development.roundtable}`,
        startUtc: "2026-03-05T20:00:00.000Z",
        endUtc: "2026-03-05T21:30:00.000Z",
      }),
    );
    const staffPerson = world.people.workerN1.id;
    expect(await roundtableCalendarEventsForPerson(db, world.agency.id, staffPerson)).toEqual([]);
  });
});
