import { z } from "zod";
import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import {
  ZCalibrationCase,
  ZCalibrationCaseInput,
  ZCalibrationCaseList,
  ZCalibrationRatingsInput,
  ZCalibrationResults,
} from "./calibration.schema.js";
import {
  createCalibrationCase,
  getCalibrationCase,
  listCalibrationCases,
  listCalibrationResults,
  submitCalibrationRatings,
} from "./calibration.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const ZCaseParams = z.object({ caseId: z.string().min(1).max(64) });
const tags = ["Fidelity"];

/** Calibration exercises: reference cases, observers' blind ratings of them, and the team's results table. */
export function registerCalibrationRoutes(app: App) {
  const { db } = app.database;

  app.get("/api/fidelity/calibration-cases", {
    config: { access: "fidelity.rate" },
    schema: {
      tags,
      summary: "Calibration cases, each with the reader's own result once they have rated it",
      response: { 200: ZCalibrationCaseList, ...problems },
    },
    handler: async (request) => listCalibrationCases(db, actorOf(request)),
  });

  app.post("/api/fidelity/calibration-cases", {
    config: { access: "fidelity.manage" },
    schema: {
      tags,
      summary:
        "Write a reference case for the instrument's newest published version: a fictional meeting and the reference rating with rationale per measure",
      body: ZCalibrationCaseInput,
      response: { 201: ZCalibrationCase, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createCalibrationCase(db, actorOf(request), request.body)),
  });

  app.get("/api/fidelity/calibration-cases/:caseId", {
    config: { access: "fidelity.rate" },
    schema: {
      tags,
      summary:
        "A calibration case with the measures to rate. An observer sees the reference ratings and rationale only after submitting their own",
      params: ZCaseParams,
      response: { 200: ZCalibrationCase, ...problems },
    },
    handler: async (request) => getCalibrationCase(db, actorOf(request), request.params.caseId),
  });

  app.post("/api/fidelity/calibration-cases/:caseId/ratings", {
    config: { access: "fidelity.rate" },
    schema: {
      tags,
      summary:
        "An observer on the roster submits their rating of every measure, once; the answer compares them with the reference",
      params: ZCaseParams,
      body: ZCalibrationRatingsInput,
      response: { 200: ZCalibrationCase, ...problems },
    },
    handler: async (request) => submitCalibrationRatings(db, actorOf(request), request.params.caseId, request.body),
  });

  app.get("/api/fidelity/calibration-results", {
    config: { access: "fidelity.manage" },
    schema: {
      tags,
      summary:
        "Every observer's calibration results (exact and within-one agreement with the reference, weighted kappa, passed) and each observer's latest",
      response: { 200: ZCalibrationResults, ...problems },
    },
    handler: async (request) => listCalibrationResults(db, actorOf(request)),
  });
}
