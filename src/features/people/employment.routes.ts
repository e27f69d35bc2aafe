import { z } from "zod";
import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import { ZEndEmployment, ZPersonCreate, ZPersonTransfer } from "./employment.schema.js";
import { createPerson, endEmployment, transferPerson } from "./employment.service.js";
import { ZPerson } from "./person.schema.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const ZPersonParams = z.object({ personId: z.string().min(1).max(64) });

export function registerEmploymentRoutes(app: App) {
  const { db } = app.database;

  app.post("/api/people", {
    config: { access: "people.manage" },
    schema: {
      tags: ["People"],
      summary: "Add a person to a unit",
      body: ZPersonCreate,
      response: { 201: ZPerson, ...problems },
    },
    handler: async (request, reply) => reply.status(201).send(await createPerson(db, actorOf(request), request.body)),
  });

  app.post("/api/people/:personId/transfer", {
    config: { access: "people.manage" },
    schema: {
      tags: ["People"],
      summary: "Move a person to another unit (and, optionally, a new supervisor)",
      params: ZPersonParams,
      body: ZPersonTransfer,
      response: { 200: ZPerson, ...problems },
    },
    handler: async (request) => transferPerson(db, actorOf(request), request.params.personId, request.body),
  });

  app.post("/api/people/:personId/end-employment", {
    config: { access: "people.manage" },
    schema: {
      tags: ["People"],
      summary: "Record a person's last day; they stay in history and retention figures",
      params: ZPersonParams,
      body: ZEndEmployment,
      response: { 200: ZPerson, ...problems },
    },
    handler: async (request) => endEmployment(db, actorOf(request), request.params.personId, request.body),
  });
}
