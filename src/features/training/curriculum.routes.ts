import { z } from "zod";
import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import { ZCurriculum, ZCurriculumInput, ZCurriculumList, ZCurriculumUpdate } from "./curriculum.schema.js";
import { createCurriculum, editCurriculum, getCurriculum, listCurricula } from "./curriculum.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const ZCurriculumParams = z.object({ curriculumId: z.string().min(1).max(64) });
const tags = ["Training"];

export function registerCurriculumRoutes(app: App) {
  const { db } = app.database;

  app.get("/api/curricula", {
    config: { access: "training.read" },
    schema: {
      tags,
      summary: "The agency's training curricula with their modules",
      response: { 200: ZCurriculumList, ...problems },
    },
    handler: async (request) => listCurricula(db, actorOf(request)),
  });

  app.post("/api/curricula", {
    config: { access: "training.manage" },
    schema: {
      tags,
      summary: "Create a curriculum of modules (duration, audiences, model elements and behaviors covered)",
      body: ZCurriculumInput,
      response: { 201: ZCurriculum, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createCurriculum(db, actorOf(request), request.body)),
  });

  app.get("/api/curricula/:curriculumId", {
    config: { access: "training.read" },
    schema: {
      tags,
      summary: "A curriculum with its modules",
      params: ZCurriculumParams,
      response: { 200: ZCurriculum, ...problems },
    },
    handler: async (request) => getCurriculum(db, actorOf(request), request.params.curriculumId),
  });

  app.put("/api/curricula/:curriculumId", {
    config: { access: "training.manage" },
    schema: {
      tags,
      summary: "Edit a curriculum and its modules; send the version you read, or get 409",
      params: ZCurriculumParams,
      body: ZCurriculumUpdate,
      response: { 200: ZCurriculum, ...problems },
    },
    handler: async (request) => editCurriculum(db, actorOf(request), request.params.curriculumId, request.body),
  });
}
