import { z } from "zod";
import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import {
  ZAssignObserverInput,
  ZDeliveryCheck,
  ZDeliveryCheckInput,
  ZDeliveryCheckList,
  ZDeliveryChecklist,
} from "./delivery-check.schema.js";
import {
  assignDeliveryObserver,
  getDeliveryCheck,
  getDeliveryChecklist,
  listDeliveryChecks,
  recordDeliveryCheck,
} from "./delivery-check.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const ZCheckParams = z.object({ checkId: z.string().min(1).max(64) });
const tags = ["Training"];

export function registerDeliveryCheckRoutes(app: App) {
  const { db } = app.database;

  app.get("/api/training/delivery-checks", {
    config: { access: "trainingDelivery.read" },
    schema: {
      tags,
      summary:
        "Training delivery checks in session order, with % of items met per section: all for coordinators, otherwise those you observe or whose session you train",
      response: { 200: ZDeliveryCheckList, ...problems },
    },
    handler: async (request) => listDeliveryChecks(db, actorOf(request)),
  });

  app.get("/api/training/delivery-checklist", {
    config: { access: "trainingDelivery.read" },
    schema: {
      tags,
      summary: "The delivery checklist: its items in three sections and the ratings an observer gives",
      response: { 200: ZDeliveryChecklist, ...problems },
    },
    handler: async () => getDeliveryChecklist(),
  });

  app.get("/api/training/delivery-checks/:checkId", {
    config: { access: "trainingDelivery.read" },
    schema: {
      tags,
      summary: "One delivery check with every item's rating and comment",
      params: ZCheckParams,
      response: { 200: ZDeliveryCheck, ...problems },
    },
    handler: async (request) => getDeliveryCheck(db, actorOf(request), request.params.checkId),
  });

  app.put("/api/training-sessions/:sessionId/delivery-check", {
    config: { access: "trainingDelivery.assign" },
    schema: {
      tags,
      summary: "Assign (or, until it is recorded, change) the observer of a session's delivery check",
      params: z.object({ sessionId: z.string().min(1).max(64) }),
      body: ZAssignObserverInput,
      response: { 200: ZDeliveryCheck, ...problems },
    },
    handler: async (request) => assignDeliveryObserver(db, actorOf(request), request.params.sessionId, request.body),
  });

  app.put("/api/training/delivery-checks/:checkId", {
    config: { access: "trainingDelivery.record" },
    schema: {
      tags,
      summary:
        "The assigned observer records the checklist: every item Met, Partly or Not met with a comment; send the version you read, or get 409",
      params: ZCheckParams,
      body: ZDeliveryCheckInput,
      response: { 200: ZDeliveryCheck, ...problems },
    },
    handler: async (request) => recordDeliveryCheck(db, actorOf(request), request.params.checkId, request.body),
  });
}
