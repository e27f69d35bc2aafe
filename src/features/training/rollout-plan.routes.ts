import { z } from "zod";
import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import {
  ZPlannedUnitUpdate,
  ZProposal,
  ZProposalAccept,
  ZProposalQuery,
  ZRolloutImportInput,
  ZRolloutPlanDetail,
  ZRolloutPlanList,
  ZRolloutPlanUpdate,
  ZRolloutSummary,
} from "./rollout-plan.schema.js";
import {
  acceptRolloutProposal,
  editPlannedUnit,
  editRolloutPlan,
  getRolloutPlan,
  getRolloutSummary,
  importRolloutPlan,
  listRolloutPlans,
  proposeRolloutSchedule,
} from "./rollout-plan.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const id = z.string().min(1).max(64);
const ZPlanParams = z.object({ planId: id });
const ZUnitParams = z.object({ planId: id, unitId: id });
const tags = ["Training"];

export function registerRolloutPlanRoutes(app: App) {
  const { db } = app.database;

  app.get("/api/rollout-plans", {
    config: { access: "training.read" },
    schema: {
      tags,
      summary: "The agency's rollout plans with their span and how many units are linked to org units",
      response: { 200: ZRolloutPlanList, ...problems },
    },
    handler: async (request) => listRolloutPlans(db, actorOf(request)),
  });

  app.post("/api/rollout-plans/import", {
    config: { access: "training.manage" },
    schema: {
      tags,
      summary:
        "Create a rollout plan from the grid agencies draw (periods across, regions down, cells like `Units 3-5`) or the long layout (region, period, units), as CSV or tab-separated text; problems name their row and column and nothing is saved",
      body: ZRolloutImportInput,
      response: { 201: ZRolloutPlanDetail, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await importRolloutPlan(db, actorOf(request), request.body)),
  });

  app.get("/api/rollout-plans/:planId", {
    config: { access: "training.read" },
    schema: {
      tags,
      summary: "A rollout plan: periods, regions, planned units with their org unit links, totals and rule checks",
      params: ZPlanParams,
      response: { 200: ZRolloutPlanDetail, ...problems },
    },
    handler: async (request) => getRolloutPlan(db, actorOf(request), request.params.planId),
  });

  app.get("/api/rollout-plans/:planId/summary", {
    config: { access: "training.read" },
    schema: {
      tags,
      summary: "Each period in order with the units trained then and the cumulative units (and staff) using the model",
      params: ZPlanParams,
      response: { 200: ZRolloutSummary, ...problems },
    },
    handler: async (request) => getRolloutSummary(db, actorOf(request), request.params.planId),
  });

  app.put("/api/rollout-plans/:planId", {
    config: { access: "training.manage" },
    schema: {
      tags,
      summary: "Save the edited grid and settings; send the version you read, or get 409",
      params: ZPlanParams,
      body: ZRolloutPlanUpdate,
      response: { 200: ZRolloutPlanDetail, ...problems },
    },
    handler: async (request) => editRolloutPlan(db, actorOf(request), request.params.planId, request.body),
  });

  app.put("/api/rollout-plans/:planId/units/:unitId", {
    config: { access: "training.manage" },
    schema: {
      tags,
      summary: "Link a planned unit to an org unit, mark it a volunteer, or set when its leaders train",
      params: ZUnitParams,
      body: ZPlannedUnitUpdate,
      response: { 200: ZRolloutPlanDetail, ...problems },
    },
    handler: async (request) =>
      editPlannedUnit(db, actorOf(request), request.params.planId, request.params.unitId, request.body),
  });

  app.get("/api/rollout-plans/:planId/proposal", {
    config: { access: "training.manage" },
    schema: {
      tags,
      summary: "What the auto-planner proposes for the plan's units, with the rules checked; nothing is saved",
      params: ZPlanParams,
      querystring: ZProposalQuery,
      response: { 200: ZProposal, ...problems },
    },
    handler: async (request) =>
      proposeRolloutSchedule(db, actorOf(request), request.params.planId, {
        volunteersFirst: request.query.volunteersFirst === "true",
      }),
  });

  app.post("/api/rollout-plans/:planId/proposal/accept", {
    config: { access: "training.manage" },
    schema: {
      tags,
      summary: "Make the auto-planner's proposal the plan's schedule; send the version you read, or get 409",
      params: ZPlanParams,
      body: ZProposalAccept,
      response: { 200: ZRolloutPlanDetail, ...problems },
    },
    handler: async (request) => acceptRolloutProposal(db, actorOf(request), request.params.planId, request.body),
  });
}
