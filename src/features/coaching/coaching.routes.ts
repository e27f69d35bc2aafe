import { z } from "zod";
import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import { createCoach, editCoach, listCoaches } from "./coach.service.js";
import {
  ZAcceptInvitation,
  ZActionItemStatusInput,
  ZAgreementInput,
  ZCloseInput,
  ZCoach,
  ZCoachCalendar,
  ZCoachCalendarQuery,
  ZCoachInput,
  ZCoachingPageQuery,
  ZCoachingRequest,
  ZCoachingRequestList,
  ZCoachList,
  ZCoachUpdate,
  ZCoverage,
  ZEngagement,
  ZEngagementFollowUp,
  ZEngagementList,
  ZFeedbackInput,
  ZFeedbackSummary,
  ZInvitationInput,
  ZMatchDecision,
  ZProgram,
  ZProgramInput,
  ZProgramList,
  ZProgramUpdate,
  ZProgressInput,
  ZReadinessInput,
  ZRequestInput,
  ZRequestListQuery,
  ZSession,
  ZSessionInput,
  ZSessionLog,
  ZSessionStart,
  ZSuggestions,
  ZTrainingFollowUp,
  ZTrainingFollowUpQuery,
  ZVersionOnly,
} from "./coaching.schema.js";
import {
  acknowledgeAgreement,
  closeEngagement,
  getEngagement,
  listEngagements,
  listSessionsOfEngagement,
  rateProgress,
  recordReadiness,
  saveAgreement,
} from "./engagement.service.js";
import { feedbackSummaryForCoach, giveFeedback } from "./feedback.service.js";
import { createProgram, editProgram, getCoverage, listPrograms } from "./program.service.js";
import {
  acceptInvitation,
  confirmMatch,
  declineInvitation,
  getRequest,
  inviteToCoaching,
  listRequests,
  requestCoaching,
  suggestCoaches,
} from "./request.service.js";
import {
  getCoachCalendar,
  getEngagementFollowUp,
  getSession,
  saveSession,
  setActionItemStatus,
  startSession,
} from "./session.service.js";
import { getTrainingFollowUp } from "./training-follow-up.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const id = z.string().min(1).max(64);
const tags = ["Coaching"];

export function registerCoachingRoutes(app: App) {
  const { db } = app.database;
  // ---- Programs and coverage ----
  app.get("/api/coaching/programs", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary: "The agency's coaching programs, with a goal-and-scope template for new ones",
      response: { 200: ZProgramList, ...problems },
    },
    handler: async (request) => listPrograms(db, actorOf(request)),
  });
  app.post("/api/coaching/programs", {
    config: { access: "coaching.manage" },
    schema: {
      tags,
      summary: "Set up a coaching program and its cascade startup schedule",
      body: ZProgramInput,
      response: { 201: ZProgram, ...problems },
    },
    handler: async (request, reply) => reply.status(201).send(await createProgram(db, actorOf(request), request.body)),
  });
  app.put("/api/coaching/programs/:programId", {
    config: { access: "coaching.manage" },
    schema: {
      tags,
      summary: "Change a coaching program; send the version you read, or get 409",
      params: z.object({ programId: id }),
      body: ZProgramUpdate,
      response: { 200: ZProgram, ...problems },
    },
    handler: async (request) => editProgram(db, actorOf(request), request.params.programId, request.body),
  });
  app.get("/api/coaching/coverage", {
    config: { access: "coaching.aggregates" },
    schema: {
      tags,
      summary: "How many people at each level are in coaching, overall and per program (counts only)",
      response: { 200: ZCoverage, ...problems },
    },
    handler: async (request) => getCoverage(db, actorOf(request)),
  });
  app.get("/api/coaching/training-follow-up", {
    config: { access: "coaching.followUp.read" },
    schema: {
      tags,
      summary: "Units whose training ended more than the threshold ago with nobody in coaching yet",
      querystring: ZTrainingFollowUpQuery,
      response: { 200: ZTrainingFollowUp, ...problems },
    },
    handler: async (request) => getTrainingFollowUp(db, actorOf(request), request.query.thresholdDays),
  });
  app.get("/api/coaching/calendar", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary: "The sessions you coach in a week or a month, without anything the parties wrote",
      querystring: ZCoachCalendarQuery,
      response: { 200: ZCoachCalendar, ...problems },
    },
    handler: async (request) => getCoachCalendar(db, actorOf(request), request.query),
  });

  // ---- Coaches ----
  app.get("/api/coaching/coaches", {
    config: { access: "coaching.participate" },
    schema: { tags, summary: "The coach roster", response: { 200: ZCoachList, ...problems } },
    handler: async (request) => listCoaches(db, actorOf(request)),
  });
  app.post("/api/coaching/coaches", {
    config: { access: "coaching.manage" },
    schema: {
      tags,
      summary: "Add a staff person or a partner person to the coach roster",
      body: ZCoachInput,
      response: { 201: ZCoach, ...problems },
    },
    handler: async (request, reply) => reply.status(201).send(await createCoach(db, actorOf(request), request.body)),
  });
  app.put("/api/coaching/coaches/:coachId", {
    config: { access: "coaching.manage" },
    schema: {
      tags,
      summary: "Change a coach's strengths, capacity, availability, region or mentor; send the version you read",
      params: z.object({ coachId: id }),
      body: ZCoachUpdate,
      response: { 200: ZCoach, ...problems },
    },
    handler: async (request) => editCoach(db, actorOf(request), request.params.coachId, request.body),
  });
  app.get("/api/coaching/coaches/:coachId/feedback", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary: "Coachees' feedback on a coach, as averages only and only from the program's minimum number of answers",
      params: z.object({ coachId: id }),
      response: { 200: ZFeedbackSummary, ...problems },
    },
    handler: async (request) => feedbackSummaryForCoach(db, actorOf(request), request.params.coachId),
  });

  // ---- Requests, invitations and matching ----
  app.get("/api/coaching/requests", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary:
        "Coaching requests and invitations, newest first, a page at a time: the actor's own, or every one for the coaching supervisor",
      querystring: ZRequestListQuery,
      response: { 200: ZCoachingRequestList, ...problems },
    },
    handler: async (request) => listRequests(db, actorOf(request), request.query),
  });
  app.get("/api/coaching/requests/:requestId", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary: "One coaching request: for the coaching supervisor or the person it is for",
      params: z.object({ requestId: id }),
      response: { 200: ZCoachingRequest, ...problems },
    },
    handler: async (request) => getRequest(db, actorOf(request), request.params.requestId),
  });
  app.post("/api/coaching/requests", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary: "Ask for coaching with your own goals",
      body: ZRequestInput,
      response: { 201: ZCoachingRequest, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await requestCoaching(db, actorOf(request), request.body)),
  });
  app.post("/api/coaching/invitations", {
    config: { access: "coaching.manage" },
    schema: {
      tags,
      summary: "Invite a person to coaching; nothing starts until they accept",
      body: ZInvitationInput,
      response: { 201: ZCoachingRequest, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await inviteToCoaching(db, actorOf(request), request.body)),
  });
  app.post("/api/coaching/requests/:requestId/accept", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary: "Accept your invitation to coaching, with your own goals",
      params: z.object({ requestId: id }),
      body: ZAcceptInvitation,
      response: { 200: ZCoachingRequest, ...problems },
    },
    handler: async (request) => acceptInvitation(db, actorOf(request), request.params.requestId, request.body),
  });
  app.post("/api/coaching/requests/:requestId/decline", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary: "Decline your invitation to coaching",
      params: z.object({ requestId: id }),
      body: ZVersionOnly,
      response: { 200: ZCoachingRequest, ...problems },
    },
    handler: async (request) => declineInvitation(db, actorOf(request), request.params.requestId, request.body.version),
  });
  app.get("/api/coaching/requests/:requestId/suggestions", {
    config: { access: "coaching.manage" },
    schema: {
      tags,
      summary: "Coaches ranked for a request, each score explained, and the coaches a conflict rule leaves out",
      params: z.object({ requestId: id }),
      response: { 200: ZSuggestions, ...problems },
    },
    handler: async (request) => suggestCoaches(db, actorOf(request), request.params.requestId),
  });
  app.post("/api/coaching/requests/:requestId/match", {
    config: { access: "coaching.manage" },
    schema: {
      tags,
      summary: "Confirm a coach for an accepted request (a reason is needed for anyone but the top suggestion)",
      params: z.object({ requestId: id }),
      body: ZMatchDecision,
      response: { 200: ZCoachingRequest, ...problems },
    },
    handler: async (request) => confirmMatch(db, actorOf(request), request.params.requestId, request.body),
  });

  // ---- Engagements ----
  const engagementParams = z.object({ engagementId: id });
  app.get("/api/coaching/engagements", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary:
        "Engagements you coach, are coached in, or oversee, with sessions logged: open ones first, a page at a time",
      querystring: ZCoachingPageQuery,
      response: { 200: ZEngagementList, ...problems },
    },
    handler: async (request) => listEngagements(db, actorOf(request), request.query),
  });
  app.get("/api/coaching/engagements/:engagementId", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary: "An engagement as the reader may see it: parties see everything but private notes here",
      params: engagementParams,
      response: { 200: ZEngagement, ...problems },
    },
    handler: async (request) => getEngagement(db, actorOf(request), request.params.engagementId),
  });
  app.get("/api/coaching/engagements/:engagementId/sessions", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary: "An engagement's coaching log, newest first, a page at a time, as the reader may see it",
      params: engagementParams,
      querystring: ZCoachingPageQuery,
      response: { 200: ZSessionLog, ...problems },
    },
    handler: async (request) =>
      listSessionsOfEngagement(db, actorOf(request), request.params.engagementId, request.query),
  });
  app.get("/api/coaching/engagements/:engagementId/follow-up", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary: "For coach and coachee only: the open action items of the logged sessions, and the barriers raised",
      params: engagementParams,
      response: { 200: ZEngagementFollowUp, ...problems },
    },
    handler: async (request) => getEngagementFollowUp(db, actorOf(request), request.params.engagementId),
  });
  app.put("/api/coaching/engagements/:engagementId/readiness", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary: "Record the readiness check coach and coachee did together: go or not yet, and the goals",
      params: engagementParams,
      body: ZReadinessInput,
      response: { 200: ZEngagement, ...problems },
    },
    handler: async (request) => recordReadiness(db, actorOf(request), request.params.engagementId, request.body),
  });
  app.put("/api/coaching/engagements/:engagementId/agreement", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary: "Write the coaching agreement; both parties then acknowledge it again",
      params: engagementParams,
      body: ZAgreementInput,
      response: { 200: ZEngagement, ...problems },
    },
    handler: async (request) => saveAgreement(db, actorOf(request), request.params.engagementId, request.body),
  });
  app.post("/api/coaching/engagements/:engagementId/acknowledgement", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary: "Acknowledge the agreement as it stands, as coach or as coachee",
      params: engagementParams,
      body: ZVersionOnly,
      response: { 200: ZEngagement, ...problems },
    },
    handler: async (request) =>
      acknowledgeAgreement(db, actorOf(request), request.params.engagementId, request.body.version),
  });
  app.post("/api/coaching/engagements/:engagementId/progress", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary: "Rate progress on one of the agreement's goals (1 to 5)",
      params: engagementParams,
      body: ZProgressInput,
      response: { 200: ZEngagement, ...problems },
    },
    handler: async (request) => rateProgress(db, actorOf(request), request.params.engagementId, request.body),
  });
  app.post("/api/coaching/engagements/:engagementId/close", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary: "Close an engagement with a summary",
      params: engagementParams,
      body: ZCloseInput,
      response: { 200: ZEngagement, ...problems },
    },
    handler: async (request) => closeEngagement(db, actorOf(request), request.params.engagementId, request.body),
  });
  app.post("/api/coaching/engagements/:engagementId/sessions", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary: "Start a session in the coaching log, as a draft the coach keeps writing",
      params: engagementParams,
      body: ZSessionStart,
      response: { 201: ZSession, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await startSession(db, actorOf(request), request.params.engagementId, request.body)),
  });
  app.post("/api/coaching/engagements/:engagementId/feedback", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary: "As the coachee, rate a logged session or the engagement (satisfaction, usefulness, relationship)",
      params: engagementParams,
      body: ZFeedbackInput,
      response: { 201: z.object({ id: z.string() }), ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await giveFeedback(db, actorOf(request), request.params.engagementId, request.body)),
  });

  // ---- The coaching log ----
  const sessionParams = z.object({ sessionId: id });
  app.get("/api/coaching/sessions/:sessionId", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary: "A logged session; private notes only for coach and coachee, and each such read is audited",
      params: sessionParams,
      response: { 200: ZSession, ...problems },
    },
    handler: async (request) => getSession(db, actorOf(request), request.params.sessionId),
  });
  app.put("/api/coaching/sessions/:sessionId", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary: "Save (autosave) or log a session; send the version you read, or get 409",
      params: sessionParams,
      body: ZSessionInput,
      response: { 200: ZSession, ...problems },
    },
    handler: async (request) => saveSession(db, actorOf(request), request.params.sessionId, request.body),
  });
  app.put("/api/coaching/sessions/:sessionId/action-items/:itemId/status", {
    config: { access: "coaching.participate" },
    schema: {
      tags,
      summary:
        "As coach or coachee, mark an action item done, dropped or open again, also after the session is logged; send the session version you read",
      params: z.object({ sessionId: id, itemId: id }),
      body: ZActionItemStatusInput,
      response: { 200: ZSession, ...problems },
    },
    handler: async (request) =>
      setActionItemStatus(db, actorOf(request), request.params.sessionId, request.params.itemId, request.body),
  });
}
