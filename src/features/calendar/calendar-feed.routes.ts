import { z } from "zod";
import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import { sendRaw } from "../../server/raw-response.js";
import { ZCalendarFeedParams, ZCalendarFeedStatus, ZNewCalendarFeed } from "./calendar-feed.schema.js";
import {
  createCalendarFeed,
  getCalendarFeedStatus,
  renderCalendarFeed,
  revokeCalendarFeed,
} from "./calendar-feed.service.js";
import { CALENDAR_EVENT_SOURCES } from "./calendar-sources.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem };
const tags = ["Calendar"];

export function registerCalendarFeedRoutes(app: App) {
  const { db } = app.database;

  app.get("/api/calendar-feed", {
    config: { access: "signed-in" },
    schema: {
      tags,
      summary: "Whether the signed-in account has a private calendar feed address",
      response: { 200: ZCalendarFeedStatus, ...problems },
    },
    handler: async (request) => getCalendarFeedStatus(db, actorOf(request)),
  });

  app.post("/api/calendar-feed", {
    config: { access: "signed-in" },
    schema: {
      tags,
      summary: "Make a new private calendar feed address (shown once); an earlier address stops working",
      response: { 201: ZNewCalendarFeed, ...problems },
    },
    handler: async (request, reply) => reply.status(201).send(await createCalendarFeed(db, actorOf(request))),
  });

  app.delete("/api/calendar-feed", {
    config: { access: "signed-in" },
    schema: {
      tags,
      summary: "Turn the calendar feed off: its address stops working",
      response: { 200: ZCalendarFeedStatus, ...problems },
    },
    handler: async (request) => {
      await revokeCalendarFeed(db, actorOf(request));
      return { active: false, createdAt: null };
    },
  });

  app.get("/api/calendar/:token", {
    // Calendar programs fetch this without a session: the secret address is the credential.
    config: { access: "public" },
    schema: {
      tags,
      summary: "A person's training and coaching sessions as an iCalendar (ICS) feed",
      params: ZCalendarFeedParams,
      response: {
        200: z.string().describe("text/calendar"),
        400: ZProblem,
        404: ZProblem,
      },
    },
    handler: async (request, reply) => {
      const body = await renderCalendarFeed(db, request.params.token.replace(/\.ics$/, ""), CALENDAR_EVENT_SOURCES);
      reply.header("cache-control", "private, no-store");
      return sendRaw(reply, "text/calendar; charset=utf-8", body);
    },
  });
}
