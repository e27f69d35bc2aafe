import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { addSpareAccounts } from "../../../tests/support/actors.js";
import {
  buildCoachingRecords,
  type CoachingRecords,
  coachBody,
  PRIVATE_NOTE,
  SHARED_SUMMARY,
} from "../../../tests/support/coaching.js";
import { buildPracticeModel } from "../../../tests/support/practice-models.js";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import { findModelInUse } from "../model/model.service.js";
import { coachingCalendarEventsForPerson } from "./coaching.service.js";
import { PRIVATE_NOTE_MARKER } from "./session.service.js";

const { app, db } = await startTestApp();
let world: World;
let records: CoachingRecords;
let behaviorIds: string[];
const clients = {} as Record<
  "coach" | "staff" | "supervisor" | "admin" | "coachingSupervisor" | "executive" | "manager" | "trainer" | "workerN2",
  Client
>;

const json = <T>(response: LightMyRequestResponse) => response.json<T>();

beforeAll(async () => {
  world = await buildWorld(db, "coaching");
  await addSpareAccounts(db, world);
  await buildPracticeModel(db, world.agency.id, world.emails.admin);
  const model = await findModelInUse(db, world.agency.id);
  behaviorIds = model?.content.elements.flatMap((e) => e.behaviors.map((b) => b.id)) ?? [];
  records = await buildCoachingRecords(db, world);
  clients.coach = await signIn(app, world.emails.coach);
  clients.staff = await signIn(app, world.emails.staff);
  clients.supervisor = await signIn(app, world.emails.supervisor);
  clients.admin = await signIn(app, world.emails.admin);
  clients.coachingSupervisor = await signIn(app, world.emails.coaching_supervisor);
  clients.executive = await signIn(app, world.emails.executive);
  clients.manager = await signIn(app, world.emails.manager);
  clients.trainer = await signIn(app, world.emails.trainer);
  clients.workerN2 = await signIn(app, `worktwo.account@${world.agency.slug}.test`.replace("worktwo", "workertwo"));
});

async function readConfidentialCount() {
  const rows = await db
    .selectFrom("audit_events")
    .select("id")
    .where("agency_id", "=", world.agency.id)
    .where("action", "=", "read-confidential")
    .execute();
  return rows.length;
}

async function engagementVersion(id: string) {
  return (await db.selectFrom("coaching_engagements").select("version").where("id", "=", id).executeTakeFirstOrThrow())
    .version;
}

describe("confidentiality of the coaching log", () => {
  const readers = [
    { who: "coach", status: 200, notes: PRIVATE_NOTE, summary: SHARED_SUMMARY, audited: true },
    { who: "staff", status: 200, notes: PRIVATE_NOTE, summary: SHARED_SUMMARY, audited: true },
    { who: "supervisor", status: 200, notes: null, summary: null, audited: false },
    { who: "admin", status: 200, notes: null, summary: null, audited: false },
    { who: "coachingSupervisor", status: 200, notes: null, summary: null, audited: false },
    { who: "executive", status: 403 },
    { who: "manager", status: 403 },
    { who: "trainer", status: 403 },
  ] as const;

  it.each(readers)("a session read by the $who", async (reader) => {
    const before = await readConfidentialCount();
    const response = await clients[reader.who].request("GET", `/api/coaching/sessions/${records.coachingSession}`);
    expect(response.statusCode).toBe(reader.status);
    if (reader.status !== 200) {
      expect(response.body).not.toContain(PRIVATE_NOTE);
      expect(await readConfidentialCount()).toBe(before);
      return;
    }
    const session = json<{
      privateNotes: string | null;
      hasPrivateNotes: boolean;
      sharedSummary: string | null;
      reflectionHard: string | null;
    }>(response);
    expect(session.privateNotes).toBe(reader.notes);
    expect(session.hasPrivateNotes).toBe(true);
    expect(session.sharedSummary).toBe(reader.summary);
    if (reader.notes === null) expect(session.reflectionHard).toBeNull();
    expect(await readConfidentialCount()).toBe(before + (reader.audited ? 1 : 0));
  });

  it("shows the supervisor the shared summaries once the agreement says so, never the private notes", async () => {
    await db
      .updateTable("coaching_engagements")
      .set({ share_summaries_with_supervisor: 1 })
      .where("id", "=", records.engagement)
      .execute();
    try {
      const session = json<{ privateNotes: string | null; sharedSummary: string | null }>(
        await clients.supervisor.request("GET", `/api/coaching/sessions/${records.coachingSession}`),
      );
      expect(session).toMatchObject({ privateNotes: null, sharedSummary: SHARED_SUMMARY });
      const engagement = json<{ sessions: { sharedSummary: string | null }[] }>(
        await clients.supervisor.request("GET", `/api/coaching/engagements/${records.engagement}`),
      );
      expect(engagement.sessions[0]?.sharedSummary).toBe(SHARED_SUMMARY);
    } finally {
      await db
        .updateTable("coaching_engagements")
        .set({ share_summaries_with_supervisor: 0 })
        .where("id", "=", records.engagement)
        .execute();
    }
  });

  it("lets leaders see coverage counts but not engagements", async () => {
    const coverage = await clients.executive.request("GET", "/api/coaching/coverage");
    expect(coverage.statusCode).toBe(200);
    const practice = json<{ levels: { level: string; inCoaching: number }[] }>(coverage).levels.find(
      (l) => l.level === "practice",
    );
    expect(practice?.inCoaching).toBe(1);
    // One coach with six places, one of them taken by the open engagement.
    expect(json<{ coaches: unknown }>(coverage).coaches).toEqual({ total: 1, availableForNew: 1, freePlaces: 5 });
    expect((await clients.executive.request("GET", `/api/coaching/engagements/${records.engagement}`)).statusCode).toBe(
      403,
    );
    expect(
      json<{ items: unknown[] }>(await clients.executive.request("GET", "/api/coaching/engagements")).items,
    ).toEqual([]);
  });

  it("keeps the private note out of the audit trail when a session is saved", async () => {
    const start = await clients.coach.request("POST", `/api/coaching/engagements/${records.engagement}/sessions`, {
      sessionDate: "2026-03-02",
      startTime: null,
      durationMinutes: 45,
      format: "field_observation",
    });
    expect(start.statusCode).toBe(201);
    const draft = json<{ id: string; version: number }>(start);
    const secret = "She is thinking of leaving the agency.";
    const saved = await clients.coach.request("PUT", `/api/coaching/sessions/${draft.id}`, {
      ...sessionBody(draft.version),
      privateNotes: secret,
      reflectionHard: "Saying no to my supervisor",
    });
    expect(saved.statusCode).toBe(200);
    const trail = await db
      .selectFrom("audit_events")
      .select(["before_json", "after_json"])
      .where("entity_id", "=", draft.id)
      .execute();
    expect(trail.length).toBe(2);
    expect(JSON.stringify(trail)).not.toContain(secret);
    expect(JSON.stringify(trail)).not.toContain("Saying no to my supervisor");
    expect(trail[1]?.after_json).toContain(PRIVATE_NOTE_MARKER);
  });

  it("hides a draft from everyone but the coach", async () => {
    const start = await clients.coach.request("POST", `/api/coaching/engagements/${records.engagement}/sessions`, {
      sessionDate: "2026-03-09",
      startTime: "14:00",
      durationMinutes: 30,
      format: "individual",
    });
    const draft = json<{ id: string }>(start);
    expect((await clients.coach.request("GET", `/api/coaching/sessions/${draft.id}`)).statusCode).toBe(200);
    expect((await clients.staff.request("GET", `/api/coaching/sessions/${draft.id}`)).statusCode).toBe(404);
  });

  it("leaves the log to a staff coach: their coachee may not open or save a session", async () => {
    const engagement = json<{ keepsLog: boolean }>(
      await clients.staff.request("GET", `/api/coaching/engagements/${records.engagement}`),
    );
    expect(engagement.keepsLog).toBe(false);
    const start = await clients.staff.request("POST", `/api/coaching/engagements/${records.engagement}/sessions`, {
      sessionDate: "2026-03-16",
      startTime: null,
      durationMinutes: 30,
      format: "individual",
    });
    expect(start.statusCode).toBe(403);
    const logged = await clients.staff.request("PUT", `/api/coaching/sessions/${records.coachingSession}`, {
      ...sessionBody(1),
      status: "final",
    });
    expect(logged.statusCode).toBe(403);
  });
});

function sessionBody(version: number) {
  return {
    sessionDate: "2026-03-02",
    startTime: null,
    durationMinutes: 45,
    format: "field_observation",
    status: "draft",
    location: "",
    participants: [],
    focusItemIds: [],
    stepsCovered: [],
    reflectionEasy: "",
    reflectionHard: "",
    reflectionConfident: "",
    privateNotes: "",
    sharedSummary: "",
    actionItems: [],
    barriers: [],
    version,
  };
}

describe("voluntary participation", () => {
  it("does not enrol an invited person until they accept, and then only with their goals", async () => {
    const listed = await clients.coachingSupervisor.request("GET", "/api/coaching/requests");
    const invitation = listed
      .json<{ items: { id: string; status: string; version: number }[] }>()
      .items.find((r) => r.id === records.coachingInvitation) as { status: string; version: number };
    expect(invitation.status).toBe("invited");
    const premature = await clients.coachingSupervisor.request(
      "POST",
      `/api/coaching/requests/${records.coachingInvitation}/match`,
      {
        coachId: records.coach,
        overrideReason: null,
        version: invitation.version,
      },
    );
    expect(premature.statusCode).toBe(409);
    expect(premature.json<{ detail: string }>().detail).toContain("has not accepted");

    const someoneElse = await clients.staff.request(
      "POST",
      `/api/coaching/requests/${records.coachingInvitation}/accept`,
      {
        goalsText: "",
        goalItemIds: [],
        preferredLanguage: null,
        version: invitation.version,
      },
    );
    expect(someoneElse.statusCode).toBe(403);

    const accepted = await clients.workerN2.request(
      "POST",
      `/api/coaching/requests/${records.coachingInvitation}/accept`,
      {
        goalsText: "Engage fathers",
        goalItemIds: behaviorIds.slice(0, 2),
        preferredLanguage: "English",
        version: invitation.version,
      },
    );
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<{ status: string; acceptedAt: string | null }>()).toMatchObject({ status: "requested" });
    expect(accepted.json<{ acceptedAt: string | null }>().acceptedAt).not.toBeNull();
  });

  it("refuses goals that are not behaviors of the model in use", async () => {
    const response = await clients.manager.request("POST", "/api/coaching/requests", {
      programId: null,
      goalsText: "Lead change",
      goalItemIds: ["not-a-behavior"],
      preferredLanguage: null,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("goalItemIds.0");
  });
});

describe("a request from asking to feedback", () => {
  it("walks request → suggestions → match with reason → readiness → agreement → session → feedback", async () => {
    const asked = await clients.supervisor.request("POST", "/api/coaching/requests", {
      programId: records.coachingProgram,
      goalsText: "Coach my unit through family meetings",
      goalItemIds: behaviorIds.slice(0, 1),
      preferredLanguage: null,
    });
    expect(asked.statusCode).toBe(201);
    const request = asked.json<{ id: string; version: number }>();

    // The roster's coach already coaches the supervisor's own worker: that is a conflict.
    const external = await clients.coachingSupervisor.request("POST", "/api/coaching/coaches", {
      personId: world.people.southManager.id,
      partnerPersonId: null,
      coachKind: "internal",
      credentials: "Certified coach",
      modelFluency: "teaches_others",
      strengthItemIds: behaviorIds.slice(0, 1),
      languages: ["English", "Spanish"],
      culturalKnowledge: "",
      capacityCoachees: 3,
      capacityHoursPerMonth: 12,
      availableForNew: true,
      regionOrgUnitId: world.units.north.id,
      mentorCoachId: records.coach,
    });
    expect(external.statusCode).toBe(201);
    const secondCoach = external.json<{ id: string }>().id;

    const suggestions = (
      await clients.coachingSupervisor.request("GET", `/api/coaching/requests/${request.id}/suggestions`)
    ).json<{
      ranked: { coachId: string; score: number }[];
      excluded: { coachId: string; rule: string }[];
    }>();
    expect(suggestions.excluded).toContainEqual(
      expect.objectContaining({ coachId: records.coach, rule: "coaches-own-staff" }),
    );
    expect(suggestions.ranked[0]?.coachId).toBe(secondCoach);

    const refused = await clients.coachingSupervisor.request("POST", `/api/coaching/requests/${request.id}/match`, {
      coachId: records.coach,
      overrideReason: "They know each other well already.",
      version: request.version,
    });
    expect(refused.statusCode).toBe(400);

    const matched = await clients.coachingSupervisor.request("POST", `/api/coaching/requests/${request.id}/match`, {
      coachId: secondCoach,
      overrideReason: null,
      version: request.version,
    });
    expect(matched.statusCode).toBe(200);
    const engagementId = matched.json<{ engagementId: string }>().engagementId;

    const southManager = await signInAs(world.people.southManager.id);
    const coachee = clients.supervisor;
    const goals = [{ id: "g1", text: "Open family meetings well", itemIds: behaviorIds.slice(0, 1) }];
    const ready = await southManager.request("PUT", `/api/coaching/engagements/${engagementId}/readiness`, {
      decision: "go",
      notes: "Both keen",
      goals,
      version: await engagementVersion(engagementId),
    });
    expect(ready.statusCode).toBe(200);
    expect(ready.json<{ status: string }>().status).toBe("active");

    const agreement = await coachee.request("PUT", `/api/coaching/engagements/${engagementId}/agreement`, {
      goals,
      frequency: "Every two weeks",
      format: "In person and field observation",
      duration: "Four months",
      roles: "Coach observes and gives feedback; coachee picks the cases.",
      shareSummariesWithSupervisor: false,
      version: await engagementVersion(engagementId),
    });
    expect(agreement.statusCode).toBe(200);
    for (const party of [coachee, southManager]) {
      const ack = await party.request("POST", `/api/coaching/engagements/${engagementId}/acknowledgement`, {
        version: await engagementVersion(engagementId),
      });
      expect(ack.statusCode).toBe(200);
    }
    const acknowledged = (await coachee.request("GET", `/api/coaching/engagements/${engagementId}`)).json<{
      agreement: { coachAcknowledgedAt: string | null; coacheeAcknowledgedAt: string | null };
    }>();
    expect(acknowledged.agreement.coachAcknowledgedAt).not.toBeNull();
    expect(acknowledged.agreement.coacheeAcknowledgedAt).not.toBeNull();

    const started = await southManager.request("POST", `/api/coaching/engagements/${engagementId}/sessions`, {
      sessionDate: "2026-04-01",
      startTime: "09:00",
      durationMinutes: 60,
      format: "behavioral_rehearsal",
    });
    const session = started.json<{ id: string; version: number }>();
    const logged = await southManager.request("PUT", `/api/coaching/sessions/${session.id}`, {
      ...sessionBody(session.version),
      status: "final",
      focusItemIds: behaviorIds.slice(0, 1),
      stepsCovered: ["observation_or_demonstration", "feedback", "action_planning"],
      actionItems: [{ id: "a1", text: "Co-lead the Tuesday meeting", dueDate: "2026-04-15", status: "open" }],
      barriers: [{ description: "No room for family meetings at the office", category: "resources" }],
    });
    expect(logged.statusCode).toBe(200);
    const stale = await southManager.request("PUT", `/api/coaching/sessions/${session.id}`, {
      ...sessionBody(session.version),
      status: "final",
    });
    expect(stale.statusCode).toBe(409);

    const feedback = await coachee.request("POST", `/api/coaching/engagements/${engagementId}/feedback`, {
      sessionId: session.id,
      satisfaction: 5,
      usefulness: 4,
      relationship: 5,
    });
    expect(feedback.statusCode).toBe(201);
    const byCoach = await southManager.request("POST", `/api/coaching/engagements/${engagementId}/feedback`, {
      sessionId: null,
      satisfaction: 5,
      usefulness: 5,
      relationship: 5,
    });
    expect(byCoach.statusCode).toBe(403);
  });
});

async function signInAs(personId: string): Promise<Client> {
  const user = await db.selectFrom("users").select("email").where("person_id", "=", personId).executeTakeFirstOrThrow();
  return signIn(app, user.email);
}

describe("feedback a coach sees", () => {
  it("stays hidden at 4 answers and shows as averages from 5", async () => {
    const rate = (n: number) =>
      clients.staff.request("POST", `/api/coaching/engagements/${records.engagement}/feedback`, {
        sessionId: null,
        satisfaction: n,
        usefulness: 4,
        relationship: 5,
      });
    for (const n of [5, 4, 3, 4]) expect((await rate(n)).statusCode).toBe(201);
    const summary = () => clients.coach.request("GET", `/api/coaching/coaches/${records.coach}/feedback`);
    const atFour = (await summary()).json<{ groups: { responses: number; averages: unknown }[] }>();
    expect(atFour.groups).toEqual([expect.objectContaining({ responses: 4, averages: null })]);
    await rate(4);
    const atFive = (await summary()).json<{ groups: { responses: number; averages: unknown }[] }>();
    expect(atFive.groups[0]).toMatchObject({
      responses: 5,
      averages: { satisfaction: 4, usefulness: 4, relationship: 5 },
    });
    expect((await clients.trainer.request("GET", `/api/coaching/coaches/${records.coach}/feedback`)).statusCode).toBe(
      403,
    );
  });
});

describe("the calendar of a person's coaching", () => {
  it("gives coach and coachee the sessions in UTC from the agency's time zone, without anything the parties wrote", async () => {
    const coachPerson = (
      await db.selectFrom("users").select("person_id").where("email", "=", world.emails.coach).executeTakeFirstOrThrow()
    ).person_id as string;
    for (const personId of [coachPerson, world.people.workerN1.id]) {
      const events = await coachingCalendarEventsForPerson(db, world.agency.id, personId);
      const logged = events.find((e) => e.uid === `coaching-session-${records.coachingSession}`);
      // 10:00 in Chicago on 2 February is 16:00 UTC (standard time).
      expect(logged).toMatchObject({ startUtc: "2026-02-02T16:00:00.000Z", endUtc: "2026-02-02T17:00:00.000Z" });
      expect(JSON.stringify(events)).not.toContain(PRIVATE_NOTE);
      expect(JSON.stringify(events)).not.toContain(SHARED_SUMMARY);
    }
    expect(await coachingCalendarEventsForPerson(db, world.agency.id, world.people.supervisorN2.id)).toEqual([]);
  });
});

describe("choosing a coach's strengths and region", () => {
  it("offers the model in use's elements and behaviors, and keeps the ones chosen with a region", async () => {
    const listed = await clients.coachingSupervisor.request("GET", "/api/coaching/coaches");
    expect(listed.statusCode).toBe(200);
    const { items, strengthGroups } = json<{
      items: { id: string; version: number }[];
      strengthGroups: { elementId: string | null; behaviors: { id: string }[] }[];
    }>(listed);
    const model = await findModelInUse(db, world.agency.id);
    const elements = model?.content.elements ?? [];
    expect(strengthGroups.filter((g) => g.elementId !== null).map((g) => g.elementId)).toEqual(
      elements.map((e) => e.id),
    );
    expect(strengthGroups.flatMap((g) => g.behaviors.map((b) => b.id))).toEqual(expect.arrayContaining(behaviorIds));
    const coach = items.find((c) => c.id === records.coach) as { id: string; version: number };
    const chosen = [elements[0]?.id as string, behaviorIds[1] as string];
    const saved = await clients.coachingSupervisor.request("PUT", `/api/coaching/coaches/${coach.id}`, {
      ...(await coachBody(db, coach.id)),
      strengthItemIds: chosen,
      regionOrgUnitId: world.units.north.id,
    });
    expect(saved.statusCode).toBe(200);
    expect(json<{ strengthItemIds: string[]; regionName: string | null }>(saved)).toMatchObject({
      strengthItemIds: chosen,
      regionName: "North",
    });
  });
});
