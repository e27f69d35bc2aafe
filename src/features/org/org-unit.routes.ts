import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import { ZOrgTree } from "./org-unit.schema.js";
import { getOrgTree } from "./org-unit.service.js";

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
}
