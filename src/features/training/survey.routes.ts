import { z } from "zod";
import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import {
  ZMySurveys,
  ZOpenSurveyInput,
  ZStaffSurveyChange,
  ZSurveyChangeByPeriod,
  ZSurveyInstrument,
  ZSurveyInstrumentInput,
  ZSurveyResponseInput,
  ZSurveyResults,
  ZTrainingSurvey,
} from "./survey.schema.js";
import {
  answerSurvey,
  closeTrainingSurvey,
  getMySurveys,
  getSurveyInstrument,
  getSurveyResults,
  openSurvey,
  saveSurveyInstrument,
} from "./survey.service.js";
import { getStaffSurveyChange, getSurveyChangeByPeriod } from "./survey-reach.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const ZSessionParams = z.object({ sessionId: z.string().min(1).max(64) });
const ZSurveyParams = z.object({ surveyId: z.string().min(1).max(64) });
const tags = ["Training"];

export function registerSurveyRoutes(app: App) {
  const { db } = app.database;

  app.get("/api/training/survey-instrument", {
    config: { access: "trainingSurvey.manage" },
    schema: {
      tags,
      summary:
        "The agency's pre/post survey instrument, or a starter made from the model in use (version 0) until one is saved",
      response: { 200: ZSurveyInstrument, ...problems },
    },
    handler: async (request) => getSurveyInstrument(db, actorOf(request)),
  });

  app.put("/api/training/survey-instrument", {
    config: { access: "trainingSurvey.manage" },
    schema: {
      tags,
      summary:
        "Save the instrument's confidence and competence items (per model element) and knowledge questions; send the version you read (0 for the first save), or get 409",
      body: ZSurveyInstrumentInput,
      response: { 200: ZSurveyInstrument, ...problems },
    },
    handler: async (request) => saveSurveyInstrument(db, actorOf(request), request.body),
  });

  app.post("/api/training-sessions/:sessionId/surveys", {
    config: { access: "trainingSurvey.manage" },
    schema: {
      tags,
      summary:
        "Open the pre or post survey of a session for its enrolled people (a post survey may also ask about before the training); opening the post survey closes the pre survey",
      params: ZSessionParams,
      body: ZOpenSurveyInput,
      response: { 201: ZTrainingSurvey, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await openSurvey(db, actorOf(request), request.params.sessionId, request.body)),
  });

  app.post("/api/training/surveys/:surveyId/close", {
    config: { access: "trainingSurvey.manage" },
    schema: {
      tags,
      summary: "Close an open survey: its answers are kept and can no longer be changed",
      params: ZSurveyParams,
      response: { 200: ZTrainingSurvey, ...problems },
    },
    handler: async (request) => closeTrainingSurvey(db, actorOf(request), request.params.surveyId),
  });

  app.get("/api/training-sessions/:sessionId/survey-results", {
    config: { access: "trainingSurvey.results" },
    schema: {
      tags,
      summary:
        "The session's pre/post change of matched pairs, overall and per kind, element, unit and person, with response rates and paired effect sizes",
      params: ZSessionParams,
      response: { 200: ZSurveyResults, ...problems },
    },
    handler: async (request) => getSurveyResults(db, actorOf(request), request.params.sessionId),
  });

  app.get("/api/training/my-surveys", {
    config: { access: "training.read" },
    schema: {
      tags,
      summary: "The surveys waiting for you, and your own change in each session you were surveyed in",
      response: { 200: ZMySurveys, ...problems },
    },
    handler: async (request) => getMySurveys(db, actorOf(request)),
  });

  app.put("/api/training/my-surveys/:surveyId", {
    config: { access: "training.read" },
    schema: {
      tags,
      summary:
        "Answer an open survey of a session you are enrolled in; answering again while it is open replaces your answers",
      params: ZSurveyParams,
      body: ZSurveyResponseInput,
      response: { 200: ZMySurveys, ...problems },
    },
    handler: async (request) => answerSurvey(db, actorOf(request), request.params.surveyId, request.body),
  });

  app.get("/api/training/survey-results/by-period", {
    config: { access: "trainingSurvey.results" },
    schema: {
      tags,
      summary:
        "The pre/post change of the sessions held in each period of the agency's most recent rollout plan: sessions, invited, matched pairs, response rate, means before and after, change and paired effect size",
      response: { 200: ZSurveyChangeByPeriod, ...problems },
    },
    handler: async (request) => getSurveyChangeByPeriod(db, actorOf(request)),
  });

  app.get("/api/training/survey-results/staff", {
    config: { access: "trainingSurvey.staffChange" },
    schema: {
      tags,
      summary:
        "Each surveyed person's change over their sessions: everyone for the training team and trainers, the people below you in your supervisor line as a supervisor or manager, otherwise yourself",
      response: { 200: ZStaffSurveyChange, ...problems },
    },
    handler: async (request) => getStaffSurveyChange(db, actorOf(request)),
  });
}
