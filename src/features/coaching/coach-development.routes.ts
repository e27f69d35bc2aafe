import { z } from "zod";
import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import {
  ZCoachDevelopment,
  ZCoachObservation,
  ZDevelopmentDirectory,
  ZObservationInput,
  ZReflectionInput,
  ZSkillRatingInput,
} from "./coach-development.schema.js";
import {
  getCoachDevelopment,
  listDevelopmentRecords,
  rateCoachingSkills,
  recordCoachObservation,
  reflectOnObservation,
} from "./coach-development.service.js";
import { ZAttendanceInput, ZRoundtable, ZRoundtableInput, ZRoundtableList } from "./roundtable.schema.js";
import { listRoundtables, recordRoundtableAttendance, scheduleRoundtable } from "./roundtable.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const id = z.string().min(1).max(64);
const tags = ["Coaches' development"];

/** Coaches' own development (SPEC §4): skills profile, mentor observations, peer roundtables. */
export function registerCoachDevelopmentRoutes(app: App) {
  const { db } = app.database;

  app.get("/api/coaching/development", {
    config: { access: "coachDevelopment.participate" },
    schema: {
      tags,
      summary: "The coaches whose development the reader may open: themself, their mentees, or all",
      response: { 200: ZDevelopmentDirectory, ...problems },
    },
    handler: async (request) => listDevelopmentRecords(db, actorOf(request)),
  });
  app.get("/api/coaching/coaches/:coachId/development", {
    config: { access: "coachDevelopment.participate" },
    schema: {
      tags,
      summary: "A coach's skills profile (latest self and mentor ratings, history) and mentor observations",
      params: z.object({ coachId: id }),
      response: { 200: ZCoachDevelopment, ...problems },
    },
    handler: async (request) => getCoachDevelopment(db, actorOf(request), request.params.coachId),
  });
  app.post("/api/coaching/coaches/:coachId/skill-ratings", {
    config: { access: "coachDevelopment.participate" },
    schema: {
      tags,
      summary: "Rate coaching skills: as the coach about themself, or as their mentor",
      params: z.object({ coachId: id }),
      body: ZSkillRatingInput,
      response: { 201: ZCoachDevelopment, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await rateCoachingSkills(db, actorOf(request), request.params.coachId, request.body)),
  });
  app.post("/api/coaching/coaches/:coachId/observations", {
    config: { access: "coachDevelopment.participate" },
    schema: {
      tags,
      summary: "Record a mentor's observation of the coach's coaching",
      params: z.object({ coachId: id }),
      body: ZObservationInput,
      response: { 201: ZCoachObservation, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await recordCoachObservation(db, actorOf(request), request.params.coachId, request.body)),
  });
  app.put("/api/coaching/coach-observations/:observationId/reflection", {
    config: { access: "coachDevelopment.participate" },
    schema: {
      tags,
      summary: "The observed coach's reflection on an observation; send the version you read",
      params: z.object({ observationId: id }),
      body: ZReflectionInput,
      response: { 200: ZCoachObservation, ...problems },
    },
    handler: async (request) => reflectOnObservation(db, actorOf(request), request.params.observationId, request.body),
  });

  app.get("/api/coaching/roundtables", {
    config: { access: "coachDevelopment.participate" },
    schema: {
      tags,
      summary: "Peer roundtables of the agency's coaches, newest first, with topics and attendance",
      response: { 200: ZRoundtableList, ...problems },
    },
    handler: async (request) => listRoundtables(db, actorOf(request)),
  });
  app.post("/api/coaching/roundtables", {
    config: { access: "roundtables.manage" },
    schema: {
      tags,
      summary: "Schedule a peer roundtable and invite coaches",
      body: ZRoundtableInput,
      response: { 201: ZRoundtable, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await scheduleRoundtable(db, actorOf(request), request.body)),
  });
  app.put("/api/coaching/roundtables/:roundtableId/attendance", {
    config: { access: "coachDevelopment.participate" },
    schema: {
      tags,
      summary: "Record who came to a roundtable; send the version you read",
      params: z.object({ roundtableId: id }),
      body: ZAttendanceInput,
      response: { 200: ZRoundtable, ...problems },
    },
    handler: async (request) =>
      recordRoundtableAttendance(db, actorOf(request), request.params.roundtableId, request.body),
  });
}
