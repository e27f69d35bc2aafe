import { beforeAll, describe, expect, it } from "vitest";
import { buildCoachingRecords, type CoachingRecords } from "../../../tests/support/coaching.js";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import { insertEngagement, updateEngagement } from "./engagement.repo.js";
import { insertRequest } from "./request.repo.js";
import { insertSession, updateSession } from "./session.repo.js";

const { app, db } = await startTestApp();
let world: World;
let records: CoachingRecords;
let coach: Client;
let coachee: Client;
let coachingSupervisor: Client;

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
type EngagementItem = { id: string; status: string; startedOn: string };
type SessionItem = { id: string; status: string; sessionDate: string };

/** Extra engagements for the roster's coach: [started on, closed?]. */
const EXTRA_ENGAGEMENTS: [string, boolean][] = [
  ["2025-11-01", false],
  ["2026-01-20", true],
  ["2025-06-15", true],
  ["2026-01-05", false],
  ["2026-01-30", false],
];

beforeAll(async () => {
  world = await buildWorld(db, "coaching-paging");
  records = await buildCoachingRecords(db, world);
  const agencyId = world.agency.id;
  const coachUser = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", world.emails.coach)
    .executeTakeFirstOrThrow();
  const coachees = await db
    .selectFrom("people")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("id", "!=", world.people.workerN1.id)
    .orderBy("id")
    .limit(EXTRA_ENGAGEMENTS.length)
    .execute();
  for (const [i, [startedOn, closed]] of EXTRA_ENGAGEMENTS.entries()) {
    const coacheePersonId = coachees[i]?.id as string;
    const requestId = await insertRequest(db, agencyId, {
      programId: records.coachingProgram,
      coacheePersonId,
      origin: "self",
      status: "matched",
      goalsText: "",
      model: null,
      goalItemIds: [],
      preferredLanguage: null,
      invitationMessage: "",
      acceptedAt: "2025-01-01T00:00:00.000Z",
      createdByUserId: coachUser.id,
    });
    const id = await insertEngagement(db, agencyId, {
      requestId,
      programId: records.coachingProgram,
      coachId: records.coach,
      coacheePersonId,
      startedOn,
      model: null,
      goals: [],
    });
    if (closed) await updateEngagement(db, agencyId, id, { status: "closed", closed_at: "2026-02-01T00:00:00Z" }, 1);
  }
  // Eleven more sessions on the shared engagement (twelve in all): ten logged, one draft.
  for (let day = 1; day <= 11; day++) {
    const sessionDate = `2026-03-${String(day).padStart(2, "0")}`;
    const start = { sessionDate, startTime: null, durationMinutes: 45, format: "individual" as const };
    const id = await insertSession(db, agencyId, records.engagement, start, coachUser.id);
    if (day === 11) continue;
    await updateSession(db, agencyId, id, {
      ...start,
      status: "final",
      location: "",
      participants: [],
      focusItemIds: [],
      stepsCovered: [],
      reflectionEasy: "",
      reflectionHard: "",
      reflectionConfident: "",
      privateNotes: "",
      sharedSummary: `Session ${day}`,
      actionItems: [],
      barriers: [],
      version: 1,
    });
  }
  coach = await signIn(app, world.emails.coach);
  coachee = await signIn(app, world.emails.staff);
  coachingSupervisor = await signIn(app, world.emails.coaching_supervisor);
});

async function allPages<T>(client: Client, path: string, pageSize: number) {
  const pages: Page<T>[] = [];
  for (let page = 1; page <= 10; page++) {
    const response = await client.request(
      "GET",
      `${path}${path.includes("?") ? "&" : "?"}page=${page}&pageSize=${pageSize}`,
    );
    expect(response.statusCode).toBe(200);
    const body = response.json<Page<T>>();
    pages.push(body);
    if (page * pageSize >= body.total) break;
  }
  return pages;
}

describe("paging the coaching lists", () => {
  it("pages a coach's caseload, open engagements first and then the latest started, each once", async () => {
    const pages = await allPages<EngagementItem>(coach, "/api/coaching/engagements", 2);
    expect(pages.map((p) => p.total)).toEqual([6, 6, 6]);
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 2]);
    const items = pages.flatMap((p) => p.items);
    expect(new Set(items.map((e) => e.id)).size).toBe(6);
    expect(items.map((e) => [e.startedOn, e.status === "closed"])).toEqual([
      ["2026-01-30", false],
      ["2026-01-12", false],
      ["2026-01-05", false],
      ["2025-11-01", false],
      ["2026-01-20", true],
      ["2025-06-15", true],
    ]);
    const beyond = (await coach.request("GET", "/api/coaching/engagements?page=9&pageSize=2")).json<Page<unknown>>();
    expect(beyond).toEqual({ items: [], total: 6, page: 9, pageSize: 2 });
  });

  it("pages the coaching log newest first; drafts only for the coach", async () => {
    const path = `/api/coaching/engagements/${records.engagement}/sessions`;
    const asCoach = (await allPages<SessionItem>(coach, path, 5)).flatMap((p) => p.items);
    expect(asCoach).toHaveLength(12);
    expect(asCoach[0]).toMatchObject({ sessionDate: "2026-03-11", status: "draft" });
    const dates = asCoach.map((s) => s.sessionDate);
    expect(dates).toEqual([...dates].sort().reverse());
    const asCoachee = await allPages<SessionItem>(coachee, path, 5);
    expect(asCoachee[0]?.total).toBe(11);
    expect(asCoachee.flatMap((p) => p.items).some((s) => s.status === "draft")).toBe(false);
    const detail = (await coachee.request("GET", `/api/coaching/engagements/${records.engagement}`)).json<{
      sessions: unknown[];
      sessionsTotal: number;
    }>();
    expect(detail.sessionsTotal).toBe(11);
    expect(detail.sessions).toHaveLength(11);
  });

  it("pages the requests and filters them by status", async () => {
    const all = (await coachingSupervisor.request("GET", "/api/coaching/requests?pageSize=1")).json<Page<unknown>>();
    // The shared engagement's request, the invitation, and one request per extra engagement.
    expect(all.total).toBe(2 + EXTRA_ENGAGEMENTS.length);
    expect(all.items).toHaveLength(1);
    const invited = (await coachingSupervisor.request("GET", "/api/coaching/requests?status=invited")).json<
      Page<{ status: string; id: string }>
    >();
    expect(invited.items.map((r) => r.id)).toEqual([records.coachingInvitation]);
    expect(invited.total).toBe(1);
    const one = await coachingSupervisor.request("GET", `/api/coaching/requests/${records.coachingInvitation}`);
    expect(one.json<{ status: string }>().status).toBe("invited");
  });

  it("refuses page sizes out of range with a field error", async () => {
    for (const query of ["pageSize=0", "pageSize=201", "page=0"]) {
      const response = await coach.request("GET", `/api/coaching/engagements?${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe(query.split("=")[0]);
    }
  });
});
