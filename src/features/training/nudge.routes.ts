import { z } from "zod";
import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import { ZNudge, ZNudgeInput } from "./nudge.schema.js";
import { dismissNudge, nudgeToTraining } from "./nudge.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const tags = ["Training"];

export function registerNudgeRoutes(app: App) {
  const { db } = app.database;

  app.post("/api/training/staff/:personId/nudges", {
    config: { access: "training.nudge" },
    schema: {
      tags,
      summary:
        "Ask someone in your line to sign up for training, with an optional message and suggested session; shown on their home page (no e-mail is sent)",
      params: z.object({ personId: z.string().min(1).max(64) }),
      body: ZNudgeInput,
      response: { 201: ZNudge, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await nudgeToTraining(db, actorOf(request), request.params.personId, request.body)),
  });

  app.post("/api/training/nudges/:nudgeId/dismiss", {
    config: { access: "training.read" },
    schema: {
      tags,
      summary: "The nudged person dismisses the nudge from their home page",
      params: z.object({ nudgeId: z.string().min(1).max(64) }),
      response: { 200: ZNudge, ...problems },
    },
    handler: async (request) => dismissNudge(db, actorOf(request), request.params.nudgeId),
  });
}
