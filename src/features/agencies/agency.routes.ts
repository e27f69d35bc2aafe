import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import { ZAgency, ZAgencySettingsUpdate } from "./agency.schema.js";
import { changeAgencySettings, getOwnAgency } from "./agency.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };

export function registerAgencyRoutes(app: App) {
  const { db } = app.database;

  app.get("/api/agency", {
    config: { access: "agency.read" },
    schema: { tags: ["Agency"], summary: "Your agency and its settings", response: { 200: ZAgency, ...problems } },
    handler: async (request) => getOwnAgency(db, actorOf(request)),
  });

  app.put("/api/agency", {
    config: { access: "agency.configure" },
    schema: {
      tags: ["Agency"],
      summary: "Change your agency's name, time zone and two-factor requirement",
      body: ZAgencySettingsUpdate,
      response: { 200: ZAgency, ...problems },
    },
    handler: async (request) => changeAgencySettings(db, actorOf(request), request.body),
  });
}
