import { z } from "zod";
import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import {
  ZLogPartnerCoachingInput,
  ZPartnerCoachingOutcome,
  ZPartnerCoachingOutcomeList,
  ZPartnerCoachingSessionList,
} from "./partner-hours.schema.js";
import {
  listPartnerCoachingHoursToLog,
  logAllPartnerCoachingHours,
  logPartnerCoachingSession,
} from "./partner-hours.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const tags = ["Coaching"];

/** Partner coaches' hours: logged sessions flow into the partner's compensation log (SPEC §1, §4). */
export function registerPartnerCoachingHoursRoutes(app: App) {
  const { db } = app.database;

  app.get("/api/coaching/partner-hours", {
    config: { access: "partnerHours.log" },
    schema: {
      tags,
      summary: "Partner coaches' logged sessions whose hours are not in their compensation log yet",
      response: { 200: ZPartnerCoachingSessionList, ...problems },
    },
    handler: async (request) => listPartnerCoachingHoursToLog(db, actorOf(request)),
  });
  app.post("/api/coaching/partner-hours", {
    config: { access: "partnerHours.log" },
    schema: {
      tags,
      summary: "Log the hours of every waiting session; each session's outcome is reported",
      response: { 200: ZPartnerCoachingOutcomeList, ...problems },
    },
    handler: async (request) => logAllPartnerCoachingHours(db, actorOf(request)),
  });
  app.post("/api/coaching/sessions/:sessionId/partner-hours", {
    config: { access: "partnerHours.log" },
    schema: {
      tags,
      summary: "Log one partner coach's session as coaching hours on the agreement in force that day",
      params: z.object({ sessionId: z.string().min(1).max(64) }),
      body: ZLogPartnerCoachingInput,
      response: { 200: ZPartnerCoachingOutcome, ...problems },
    },
    handler: async (request) => logPartnerCoachingSession(db, actorOf(request), request.params.sessionId, request.body),
  });
}
