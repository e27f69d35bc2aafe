import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildCoachingRecords, type CoachingRecords, PRIVATE_NOTE } from "../../../tests/support/coaching.js";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import type { EngagementFollowUp } from "./coaching.schema.js";
import { replaceBarriersOfSession } from "./session.repo.js";

const { app, db } = await startTestApp();
let world: World;
let other: World;
let records: CoachingRecords;
let otherRecords: CoachingRecords;
const clients = {} as Record<
  "coach" | "staff" | "supervisor" | "admin" | "coachingSupervisor" | "trainer" | "otherCoach",
  Client
>;

const OVERDUE = { id: "item-overdue", text: "Ask the family who else should come", dueDate: "2020-01-15" };
const LATER = { id: "item-later", text: "Co-lead a family meeting", dueDate: "2099-12-31" };
const UNDATED = { id: "item-undated", text: "Read the engagement chapter", dueDate: null };
const SETTLED = { id: "item-settled", text: "Shadow a colleague", dueDate: "2020-01-10" };
const BARRIER = "No room at the office to meet families in private";

beforeAll(async () => {
  world = await buildWorld(db, "follow-up");
  other = await buildWorld(db, "follow-up-other");
  records = await buildCoachingRecords(db, world);
  otherRecords = await buildCoachingRecords(db, other);
  clients.coach = await signIn(app, world.emails.coach);
  clients.staff = await signIn(app, world.emails.staff);
  clients.supervisor = await signIn(app, world.emails.supervisor);
  clients.admin = await signIn(app, world.emails.admin);
  clients.coachingSupervisor = await signIn(app, world.emails.coaching_supervisor);
  clients.trainer = await signIn(app, world.emails.trainer);
  clients.otherCoach = await signIn(app, other.emails.coach);
});

/** The world's logged session, with four action items (one already done) and one barrier. */
beforeEach(async () => {
  await db
    .updateTable("coaching_sessions")
    .set({
      action_items: JSON.stringify([
        { ...LATER, status: "open" },
        { ...UNDATED, status: "open" },
        { ...OVERDUE, status: "open" },
        { ...SETTLED, status: "done" },
      ]),
      version: 1,
    })
    .where("id", "=", records.coachingSession)
    .execute();
  await replaceBarriersOfSession(db, world.agency.id, records.coachingSession, [
    { description: BARRIER, category: "resources" },
  ]);
  await db
    .updateTable("coaching_engagements")
    .set({ status: "active", closed_at: null, share_summaries_with_supervisor: 1 })
    .where("id", "=", records.engagement)
    .execute();
});

const followUpOf = (client: Client, engagementId = records.engagement) =>
  client.request("GET", `/api/coaching/engagements/${engagementId}/follow-up`);

const mark = (client: Client, itemId: string, body: unknown, sessionId = records.coachingSession) =>
  client.request("PUT", `/api/coaching/sessions/${sessionId}/action-items/${itemId}/status`, body);

async function sessionRow() {
  return db
    .selectFrom("coaching_sessions")
    .selectAll()
    .where("id", "=", records.coachingSession)
    .executeTakeFirstOrThrow();
}

describe("what is left to follow up in an engagement", () => {
  it.each(["coach", "staff"] as const)(
    "shows the %s the open action items, soonest first, and the barriers",
    async (who) => {
      const response = await followUpOf(clients[who]);
      expect(response.statusCode).toBe(200);
      const followUp = response.json<EngagementFollowUp>();
      expect(followUp.actionItems.map((i) => [i.text, i.dueDate, i.overdue])).toEqual([
        [OVERDUE.text, OVERDUE.dueDate, true],
        [LATER.text, LATER.dueDate, false],
        [UNDATED.text, null, false],
      ]);
      expect(followUp.actionItems[0]).toMatchObject({
        sessionId: records.coachingSession,
        sessionDate: "2026-02-02",
        sessionVersion: 1,
      });
      expect(followUp.barriers).toEqual([
        expect.objectContaining({ description: BARRIER, category: "resources", sessionDate: "2026-02-02" }),
      ]);
    },
  );

  it.each(["supervisor", "admin", "coachingSupervisor", "trainer"] as const)(
    "refuses the %s, who is no party to the coaching, even when summaries are shared",
    async (who) => {
      const response = await followUpOf(clients[who]);
      expect(response.statusCode).toBe(403);
      expect(response.body).not.toContain(OVERDUE.text);
      expect(response.body).not.toContain(BARRIER);
    },
  );

  it("answers another agency's coach as if the engagement did not exist", async () => {
    const response = await followUpOf(clients.otherCoach);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain(BARRIER);
    expect((await followUpOf(clients.otherCoach, otherRecords.engagement)).statusCode).toBe(200);
  });

  it("leaves out what is still in a draft the coachee cannot see yet", async () => {
    const start = await clients.coach.request("POST", `/api/coaching/engagements/${records.engagement}/sessions`, {
      sessionDate: "2026-02-20",
      startTime: null,
      durationMinutes: 30,
      format: "individual",
    });
    const draft = start.json<{ id: string }>();
    await db
      .updateTable("coaching_sessions")
      .set({
        action_items: JSON.stringify([{ id: "draft-item", text: "Not agreed yet", dueDate: null, status: "open" }]),
      })
      .where("id", "=", draft.id)
      .execute();
    const followUp = (await followUpOf(clients.coach)).json<EngagementFollowUp>();
    expect(followUp.actionItems.map((i) => i.text)).not.toContain("Not agreed yet");
    expect((await mark(clients.staff, "draft-item", { status: "done", version: 1 }, draft.id)).statusCode).toBe(404);
  });
});

describe("marking an action item done or dropped", () => {
  it("lets the coachee mark an item of a logged session done, changing nothing else in it", async () => {
    const before = await sessionRow();
    const response = await mark(clients.staff, OVERDUE.id, { status: "done", version: 1 });
    expect(response.statusCode).toBe(200);
    const session = response.json<{ version: number; actionItems: { id: string; status: string }[] }>();
    expect(session.version).toBe(2);
    expect(session.actionItems.find((i) => i.id === OVERDUE.id)?.status).toBe("done");
    const after = await sessionRow();
    expect({ ...after, action_items: "", version: 0, updated_at: "" }).toEqual({
      ...before,
      action_items: "",
      version: 0,
      updated_at: "",
    });
    expect(after.private_notes).toBe(PRIVATE_NOTE);
    const followUp = (await followUpOf(clients.coach)).json<EngagementFollowUp>();
    expect(followUp.actionItems.map((i) => i.id)).toEqual([LATER.id, UNDATED.id]);
    const trail = await db
      .selectFrom("audit_events")
      .select(["summary", "after_json"])
      .where("entity_id", "=", records.coachingSession)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(trail.summary).toBe("The coachee marked an action item done");
    expect(trail.after_json).not.toContain(PRIVATE_NOTE);
  });

  it("lets the coach drop an item", async () => {
    const response = await mark(clients.coach, LATER.id, { status: "dropped", version: 1 });
    expect(response.statusCode).toBe(200);
    const followUp = (await followUpOf(clients.staff)).json<EngagementFollowUp>();
    expect(followUp.actionItems.map((i) => i.id)).toEqual([OVERDUE.id, UNDATED.id]);
  });

  it("refuses a version someone else has saved past, and changes nothing", async () => {
    expect((await mark(clients.coach, LATER.id, { status: "done", version: 1 })).statusCode).toBe(200);
    const before = await sessionRow();
    const stale = await mark(clients.staff, OVERDUE.id, { status: "dropped", version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ current: { version: number } }>().current.version).toBe(2);
    expect(await sessionRow()).toEqual(before);
  });

  it("names the field when the status is not one it knows, and changes nothing", async () => {
    const before = await sessionRow();
    const response = await mark(clients.coach, OVERDUE.id, { status: "finished", version: 1 });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain("status");
    expect(await sessionRow()).toEqual(before);
  });

  it("answers an item the session does not have with 404", async () => {
    expect((await mark(clients.coach, "no-such-item", { status: "done", version: 1 })).statusCode).toBe(404);
  });

  it.each([
    ["supervisor", 403],
    ["admin", 403],
    ["coachingSupervisor", 403],
    ["trainer", 403],
    ["otherCoach", 404],
  ] as const)("refuses the %s with %i, and changes nothing", async (who, status) => {
    const before = await sessionRow();
    expect((await mark(clients[who], OVERDUE.id, { status: "done", version: 1 })).statusCode).toBe(status);
    expect(await sessionRow()).toEqual(before);
  });

  it("refuses once the engagement is closed", async () => {
    await db
      .updateTable("coaching_engagements")
      .set({ status: "closed", closed_at: "2026-03-01T00:00:00.000Z" })
      .where("id", "=", records.engagement)
      .execute();
    const before = await sessionRow();
    expect((await mark(clients.staff, OVERDUE.id, { status: "done", version: 1 })).statusCode).toBe(409);
    expect(await sessionRow()).toEqual(before);
  });
});
