import { z } from "zod";
import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import { ZPeoplePage, ZPeopleQuery, ZPerson, ZPersonDetail, ZPersonUpdate } from "./person.schema.js";
import { editPerson, getPersonDetail, listPeople, setPersonAccountActive } from "./person.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const ZPersonParams = z.object({ personId: z.string().min(1).max(64) });

export function registerPersonRoutes(app: App) {
  const { db } = app.database;

  app.get("/api/people", {
    config: { access: "people.read" },
    schema: {
      tags: ["People"],
      summary: "People you may see (your own record, your unit or subtree, or the agency), searchable and paged",
      querystring: ZPeopleQuery,
      response: { 200: ZPeoplePage, ...problems },
    },
    handler: async (request) => listPeople(db, actorOf(request), request.query),
  });

  app.get("/api/people/:personId", {
    config: { access: "people.read" },
    schema: {
      tags: ["People"],
      summary: "A person with their reporting line and direct reports",
      params: ZPersonParams,
      response: { 200: ZPersonDetail, ...problems },
    },
    handler: async (request) => getPersonDetail(db, actorOf(request), request.params.personId),
  });

  app.put("/api/people/:personId", {
    config: { access: "people.manage" },
    schema: {
      tags: ["People"],
      summary: "Edit a person; send the version you read, or get 409 with the current record",
      params: ZPersonParams,
      body: ZPersonUpdate,
      response: { 200: ZPerson, ...problems },
    },
    handler: async (request) => editPerson(db, actorOf(request), request.params.personId, request.body),
  });

  app.post("/api/people/:personId/account/deactivate", {
    config: { access: "people.manage" },
    schema: {
      tags: ["People"],
      summary: "Deactivate a person's account; their sessions end at once",
      params: ZPersonParams,
      response: { 200: ZPerson, ...problems },
    },
    handler: async (request) => setPersonAccountActive(db, actorOf(request), request.params.personId, false),
  });

  app.post("/api/people/:personId/account/reactivate", {
    config: { access: "people.manage" },
    schema: {
      tags: ["People"],
      summary: "Let a person with a deactivated account sign in again",
      params: ZPersonParams,
      response: { 200: ZPerson, ...problems },
    },
    handler: async (request) => setPersonAccountActive(db, actorOf(request), request.params.personId, true),
  });
}
