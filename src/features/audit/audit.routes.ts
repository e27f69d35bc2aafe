import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import { ZAuditPage, ZAuditQuery } from "./audit.schema.js";
import { browseAuditTrail } from "./audit.service.js";

export function registerAuditRoutes(app: App) {
  const { db } = app.database;

  app.get("/api/audit-events", {
    config: { access: "audit.read" },
    schema: {
      tags: ["Audit"],
      summary: "The agency's append-only audit trail, newest first, with filters",
      querystring: ZAuditQuery,
      response: { 200: ZAuditPage, 400: ZProblem, 401: ZProblem, 403: ZProblem },
    },
    handler: async (request) => browseAuditTrail(db, actorOf(request), request.query),
  });
}
