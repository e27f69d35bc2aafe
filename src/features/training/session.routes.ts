import { z } from "zod";
import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import {
  ZAttendanceInput,
  ZAttendanceResult,
  ZStaffTrainingStatus,
  ZTrainingSessionDetail,
  ZTrainingSessionEdit,
  ZTrainingSessionInput,
  ZTrainingSessionList,
} from "./session.schema.js";
import {
  createTrainingSession,
  enrollNewHireInNextSession,
  getStaffTrainingStatus,
  getTrainingSession,
  listTrainingSessions,
  recordAttendance,
  updateTrainingSession,
} from "./session.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const ZSessionParams = z.object({ sessionId: z.string().min(1).max(64) });
const tags = ["Training"];

export function registerSessionRoutes(app: App) {
  const { db } = app.database;

  app.get("/api/training-sessions", {
    config: { access: "training.read" },
    schema: {
      tags,
      summary: "The agency's training sessions in time order, with times in UTC and on the agency's clock",
      response: { 200: ZTrainingSessionList, ...problems },
    },
    handler: async (request) => listTrainingSessions(db, actorOf(request)),
  });

  app.post("/api/training-sessions", {
    config: { access: "training.manage" },
    schema: {
      tags,
      summary:
        "Schedule a session (date and times on the agency's clock), with its place or link, trainers and co-trainers (staff or partners), modules and enrolled cohort",
      body: ZTrainingSessionInput,
      response: { 201: ZTrainingSessionDetail, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createTrainingSession(db, actorOf(request), request.body)),
  });

  app.get("/api/training-sessions/:sessionId", {
    config: { access: "training.read" },
    schema: {
      tags,
      summary: "A session with its trainers, enrolled cohort and attendance",
      params: ZSessionParams,
      response: { 200: ZTrainingSessionDetail, ...problems },
    },
    handler: async (request) => getTrainingSession(db, actorOf(request), request.params.sessionId),
  });

  app.put("/api/training-sessions/:sessionId", {
    config: { access: "training.manage" },
    schema: {
      tags,
      summary:
        "Change a session's title, modules, time (on the agency's clock), place or link, capacity and trainers; the cohort is kept. Send the version you read, or get 409. Capacity cannot drop below the number enrolled",
      params: ZSessionParams,
      body: ZTrainingSessionEdit,
      response: { 200: ZTrainingSessionDetail, ...problems },
    },
    handler: async (request) => updateTrainingSession(db, actorOf(request), request.params.sessionId, request.body),
  });

  app.put("/api/training-sessions/:sessionId/attendance", {
    config: { access: "trainingAttendance.record" },
    schema: {
      tags,
      summary:
        "Record attendance (present, absent, or partial with minutes) of enrolled people; the session's trainers or training coordinators; send the version you read, or get 409. Partner trainers' hours are logged once against their active agreement when the one saving may log partner hours",
      params: ZSessionParams,
      body: ZAttendanceInput,
      response: { 200: ZAttendanceResult, ...problems },
    },
    handler: async (request) => recordAttendance(db, actorOf(request), request.params.sessionId, request.body),
  });

  app.get("/api/training/staff-status", {
    config: { access: "training.read" },
    schema: {
      tags,
      summary:
        "Which of the people you may see (your unit as a supervisor, your region as a manager) are trained, scheduled or missing",
      response: { 200: ZStaffTrainingStatus, ...problems },
    },
    handler: async (request) => getStaffTrainingStatus(db, actorOf(request)),
  });

  app.post("/api/training/onboarding", {
    config: { access: "training.manage" },
    schema: {
      tags,
      summary: "Enroll a new hire in the next session with room that is meant for their job",
      body: z.object({ personId: z.string().min(1).max(64) }),
      response: { 201: ZTrainingSessionDetail, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await enrollNewHireInNextSession(db, actorOf(request), request.body.personId)),
  });
}
