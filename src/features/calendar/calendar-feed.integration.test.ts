import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import type { CalendarEventSource } from "./calendar-events.js";
import { renderCalendarFeed } from "./calendar-feed.service.js";

const { app, db } = await startTestApp();
const nobody = anonymous(app);
let world: World;
let worker: Client;

beforeAll(async () => {
  world = await buildWorld(db, "calendar");
  worker = await signIn(app, world.emails.staff);
});

async function newFeedPath(client: Client) {
  const response = await client.request("POST", "/api/calendar-feed");
  expect(response.statusCode).toBe(201);
  return response.json<{ path: string }>().path;
}

const tokenOf = (path: string) => path.replace("/api/calendar/", "").replace(/\.ics$/, "");

describe("a person's calendar feed", () => {
  it("gives a private address a calendar program can read without signing in", async () => {
    expect((await worker.request("GET", "/api/calendar-feed")).json()).toEqual({ active: false, createdAt: null });
    const path = await newFeedPath(worker);
    expect(path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    const feed = await nobody.request("GET", path);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toMatch(/^text\/calendar/);
    expect(feed.body).toMatch(/^BEGIN:VCALENDAR/);
    expect(feed.body).toContain("END:VCALENDAR");
    expect((await worker.request("GET", "/api/calendar-feed")).json<{ active: boolean }>().active).toBe(true);
  });

  it("stops answering at the old address once a new one is made, and at any address once turned off", async () => {
    const first = await newFeedPath(worker);
    const second = await newFeedPath(worker);
    expect((await nobody.request("GET", first)).statusCode).toBe(404);
    expect((await nobody.request("GET", second)).statusCode).toBe(200);

    const off = await worker.request("DELETE", "/api/calendar-feed");
    expect(off.json()).toEqual({ active: false, createdAt: null });
    expect((await nobody.request("GET", second)).statusCode).toBe(404);
    expect((await worker.request("DELETE", "/api/calendar-feed")).statusCode).toBe(404);
  });

  it("stops answering when the account is deactivated", async () => {
    const supervisor = await signIn(app, world.emails.supervisor);
    const path = await newFeedPath(supervisor);
    await db.updateTable("users").set({ is_active: 0 }).where("email", "=", world.emails.supervisor).execute();
    expect((await nobody.request("GET", path)).statusCode).toBe(404);
    await db.updateTable("users").set({ is_active: 1 }).where("email", "=", world.emails.supervisor).execute();
    expect((await nobody.request("GET", path)).statusCode).toBe(200);
  });

  it("refuses an address that is not a feed address at all", async () => {
    expect((await nobody.request("GET", "/api/calendar/not-a-token.ics")).statusCode).toBe(400);
    expect((await nobody.request("GET", `/api/calendar/${"A".repeat(43)}.ics`)).statusCode).toBe(404);
  });

  it("lists each source's events for the account's own person, in time order, with stable ids", async () => {
    const seen: string[] = [];
    const sessions: CalendarEventSource = async (_db, agencyId, personId) => {
      seen.push(`${agencyId}/${personId}`);
      return [
        {
          uid: "later@cascade",
          startUtc: "2026-12-03T17:00:00.000Z",
          endUtc: "2026-12-03T19:00:00.000Z",
          summary: "Coaching: family meetings",
          location: "",
          description: "",
        },
        {
          uid: "earlier@cascade",
          startUtc: "2026-12-01T16:00:00.000Z",
          endUtc: "2026-12-01T23:00:00.000Z",
          summary: "Practice model training, day 1",
          location: "Main office, room 2",
          description: "Bring your pocket booklet",
        },
      ];
    };
    const path = await newFeedPath(worker);
    const body = await renderCalendarFeed(db, tokenOf(path), [sessions]);

    expect(seen).toEqual([`${world.agency.id}/${world.people.workerN1.id}`]);
    expect(body.indexOf("UID:earlier@cascade")).toBeGreaterThan(0);
    expect(body.indexOf("UID:earlier@cascade")).toBeLessThan(body.indexOf("UID:later@cascade"));
    expect(body).toContain("DTSTART:20261201T160000Z");
    expect(body).toContain("DTEND:20261201T230000Z");
    expect(body).toContain("SUMMARY:Practice model training\\, day 1");
    expect(body).toContain("LOCATION:Main office\\, room 2");
  });
});
