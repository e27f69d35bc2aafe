import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import { ZHome } from "./home.schema.js";
import { getHome } from "./home.service.js";

export function registerHomeRoutes(app: App) {
  app.get("/api/home", {
    config: { access: "agency.read" },
    schema: {
      tags: ["Home"],
      summary: "What the signed-in person's home page shows",
      response: { 200: ZHome, 401: ZProblem, 403: ZProblem },
    },
    handler: async (request) => getHome(app.database.db, actorOf(request)),
  });
}
