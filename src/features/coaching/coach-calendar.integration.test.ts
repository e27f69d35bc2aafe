import { beforeAll, describe, expect, it } from "vitest";
import { buildCoachingRecords, type CoachingRecords, PRIVATE_NOTE } from "../../../tests/support/coaching.js";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import type { CoachCalendar } from "./coaching.schema.js";

const { app, db } = await startTestApp();
let world: World;
let records: CoachingRecords;
const clients = {} as Record<"coach" | "coachee", Client>;

beforeAll(async () => {
  world = await buildWorld(db, "coachcalendar");
  records = await buildCoachingRecords(db, world);
  clients.coach = await signIn(app, world.emails.coach);
  clients.coachee = await signIn(app, world.emails.staff);
});

async function calendarOf(client: Client, query: string) {
  const response = await client.request("GET", `/api/coaching/calendar?${query}`);
  expect(response.statusCode).toBe(200);
  return response.json<CoachCalendar>();
}

describe("a coach's calendar", () => {
  it("lists the week's sessions the coach leads, with when, whom and how but nothing the parties wrote", async () => {
    const response = await clients.coach.request("GET", "/api/coaching/calendar?from=2026-02-01&span=week");
    expect(response.body).not.toContain(PRIVATE_NOTE);
    expect(response.json<CoachCalendar>()).toEqual({
      from: "2026-02-01",
      to: "2026-02-07",
      sessions: [
        {
          id: records.coachingSession,
          engagementId: records.engagement,
          coacheeName: expect.any(String),
          sessionDate: "2026-02-02",
          startTime: "10:00",
          durationMinutes: 60,
          format: "Individual",
          location: "North Office",
          status: "final",
        },
      ],
    });
  });

  it("ends a week on its seventh day and a month the day before the same date a month on", async () => {
    expect(await calendarOf(clients.coach, "from=2026-02-03&span=week")).toEqual({
      from: "2026-02-03",
      to: "2026-02-09",
      sessions: [],
    });
    const month = await calendarOf(clients.coach, "from=2026-01-03&span=month");
    expect(month.to).toBe("2026-02-02");
    expect(month.sessions.map((s) => s.id)).toEqual([records.coachingSession]);
    expect((await calendarOf(clients.coach, "from=2026-01-02&span=month")).sessions).toEqual([]);
  });

  it("is empty for someone who coaches nobody, even the coachee of these sessions", async () => {
    expect((await calendarOf(clients.coachee, "from=2026-02-01&span=week")).sessions).toEqual([]);
  });

  it("refuses a first day that is not a date", async () => {
    const response = await clients.coach.request("GET", "/api/coaching/calendar?from=next-monday");
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(["from"]);
  });
});
