import { z } from "zod";
import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import { ZOrgTree, ZOrgUnit, ZOrgUnitCreate, ZOrgUnitMove, ZOrgUnitRename, ZOrgUnitRetire } from "./org-unit.schema.js";
import { createOrgUnit, getOrgTree, moveUnit, renameUnit, retireUnit } from "./org-unit.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const ZOrgUnitParams = z.object({ orgUnitId: z.string().min(1).max(64) });

export function registerOrgUnitRoutes(app: App) {
  const { db } = app.database;

  app.get("/api/org-units", {
    config: { access: "orgUnits.read" },
    schema: {
      tags: ["Organization"],
      summary: "The agency's org tree (regions, offices, units) with head counts",
      response: { 200: ZOrgTree, 401: ZProblem, 403: ZProblem },
    },
    handler: async (request) => ({ units: await getOrgTree(db, actorOf(request)) }),
  });

  app.post("/api/org-units", {
    config: { access: "orgUnits.manage" },
    schema: {
      tags: ["Organization"],
      summary: "Add a region, office or unit under an existing one",
      body: ZOrgUnitCreate,
      response: { 201: ZOrgUnit, ...problems },
    },
    handler: async (request, reply) => reply.status(201).send(await createOrgUnit(db, actorOf(request), request.body)),
  });

  app.put("/api/org-units/:orgUnitId/name", {
    config: { access: "orgUnits.manage" },
    schema: {
      tags: ["Organization"],
      summary: "Rename a unit",
      params: ZOrgUnitParams,
      body: ZOrgUnitRename,
      response: { 200: ZOrgUnit, ...problems },
    },
    handler: async (request) => renameUnit(db, actorOf(request), request.params.orgUnitId, request.body),
  });

  app.post("/api/org-units/:orgUnitId/move", {
    config: { access: "orgUnits.manage" },
    schema: {
      tags: ["Organization"],
      summary: "Move a unit, with everything under it, to a new parent",
      params: ZOrgUnitParams,
      body: ZOrgUnitMove,
      response: { 200: ZOrgUnit, ...problems },
    },
    handler: async (request) => moveUnit(db, actorOf(request), request.params.orgUnitId, request.body),
  });

  app.post("/api/org-units/:orgUnitId/retirement", {
    config: { access: "orgUnits.manage" },
    schema: {
      tags: ["Organization"],
      summary: "Retire a unit (it keeps its history) or reopen it",
      params: ZOrgUnitParams,
      body: ZOrgUnitRetire,
      response: { 200: ZOrgUnit, ...problems },
    },
    handler: async (request) => retireUnit(db, actorOf(request), request.params.orgUnitId, request.body),
  });
}
