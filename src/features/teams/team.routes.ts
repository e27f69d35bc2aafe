import { z } from "zod";
import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import {
  ZTeam,
  ZTeamDetail,
  ZTeamInput,
  ZTeamList,
  ZTeamMember,
  ZTeamMemberInput,
  ZTeamUpdate,
} from "./team.schema.js";
import { addTeamMember, createTeam, editTeam, getTeam, listTeams, removeTeamMember } from "./team.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const id = z.string().min(1).max(64);
const ZTeamParams = z.object({ teamId: id });
const ZMemberParams = z.object({ teamId: id, memberId: id });
const tags = ["Teams"];

export function registerTeamRoutes(app: App) {
  const { db } = app.database;

  app.get("/api/teams", {
    config: { access: "teams.read" },
    schema: {
      tags,
      summary: "The agency's teams, each with its parent team for escalation",
      response: { 200: ZTeamList, ...problems },
    },
    handler: async (request) => listTeams(db, actorOf(request)),
  });

  app.post("/api/teams", {
    config: { access: "teams.manage" },
    schema: {
      tags,
      summary: "Create a team, optionally under a parent team it escalates to",
      body: ZTeamInput,
      response: { 201: ZTeam, ...problems },
    },
    handler: async (request, reply) => reply.status(201).send(await createTeam(db, actorOf(request), request.body)),
  });

  app.get("/api/teams/:teamId", {
    config: { access: "teams.read" },
    schema: {
      tags,
      summary: "A team with its members, its escalation chain up to the top and the teams under it",
      params: ZTeamParams,
      response: { 200: ZTeamDetail, ...problems },
    },
    handler: async (request) => getTeam(db, actorOf(request), request.params.teamId),
  });

  app.put("/api/teams/:teamId", {
    config: { access: "teams.manage" },
    schema: {
      tags,
      summary: "Rename a team or change its kind, unit or parent (no cycles); send the version you read, or get 409",
      params: ZTeamParams,
      body: ZTeamUpdate,
      response: { 200: ZTeam, ...problems },
    },
    handler: async (request) => editTeam(db, actorOf(request), request.params.teamId, request.body),
  });

  app.post("/api/teams/:teamId/members", {
    config: { access: "teams.manage" },
    schema: {
      tags,
      summary: "Add a staff person or a partner person to a team, with their role in it",
      params: ZTeamParams,
      body: ZTeamMemberInput,
      response: { 201: ZTeamMember, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await addTeamMember(db, actorOf(request), request.params.teamId, request.body)),
  });

  app.delete("/api/teams/:teamId/members/:memberId", {
    config: { access: "teams.manage" },
    schema: {
      tags,
      summary: "Remove a member from a team; answers with the member as they were",
      params: ZMemberParams,
      response: { 200: ZTeamMember, ...problems },
    },
    handler: async (request) => removeTeamMember(db, actorOf(request), request.params.teamId, request.params.memberId),
  });
}
