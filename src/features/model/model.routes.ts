import { z } from "zod";
import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import { sendRaw } from "../../server/raw-response.js";
import {
  ZBookletQuery,
  ZCompareQuery,
  ZDraftUpdate,
  ZModelComparison,
  ZModelDetail,
  ZModelExport,
  ZModelImport,
  ZModelInput,
  ZModelList,
  ZModelUpdate,
  ZModelVersion,
  ZPublishInput,
  ZVersionList,
} from "./model.schema.js";
import {
  bookletPdf,
  compareVersions,
  createModel,
  exportVersion,
  getDraft,
  getModel,
  getVersion,
  importModel,
  listModels,
  listVersions,
  publishModel,
  renameModel,
  startDraft,
  updateDraft,
} from "./model.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const ZModelParams = z.object({ modelId: z.string().min(1).max(64) });
const ZVersionParams = ZModelParams.extend({ number: z.coerce.number().int().positive() });
const tags = ["Practice models"];

/** A PDF is sent as it is, past the JSON response schemas. */
/** The JSON Schema of the exchange file, computed once: it only changes with the code. */
const exportJsonSchema = z.toJSONSchema(ZModelExport, { io: "input", unrepresentable: "any" });

export function registerModelRoutes(app: App) {
  const { db } = app.database;

  app.get("/api/model-schema.json", {
    config: { access: "public" },
    schema: {
      tags,
      summary:
        "The JSON Schema of the practice model exchange file, so other tools can check files before sending them",
      response: { 200: z.record(z.string(), z.unknown()) },
    },
    handler: async () => exportJsonSchema,
  });

  app.get("/api/models", {
    config: { access: "models.read" },
    schema: {
      tags,
      summary: "The agency's practice models, with their latest published number (editors also see unpublished ones)",
      response: { 200: ZModelList, ...problems },
    },
    handler: async (request) => listModels(db, actorOf(request)),
  });

  app.post("/api/models", {
    config: { access: "models.edit" },
    schema: {
      tags,
      summary: "Create a practice model, blank or from a shipped template; it starts as a draft",
      body: ZModelInput,
      response: { 201: ZModelDetail, ...problems },
    },
    handler: async (request, reply) => reply.status(201).send(await createModel(db, actorOf(request), request.body)),
  });

  app.post("/api/models/import", {
    config: { access: "models.edit" },
    schema: {
      tags,
      summary:
        "Create a practice model from an exchange file; a bad file gets every error with its path, and nothing is written",
      body: ZModelImport,
      response: { 201: ZModelDetail, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await importModel(db, actorOf(request), request.body.document)),
  });

  app.get("/api/models/:modelId", {
    config: { access: "models.read" },
    schema: {
      tags,
      summary: "A practice model with its published versions (and its draft, for editors)",
      params: ZModelParams,
      response: { 200: ZModelDetail, ...problems },
    },
    handler: async (request) => getModel(db, actorOf(request), request.params.modelId),
  });

  app.put("/api/models/:modelId", {
    config: { access: "models.edit" },
    schema: {
      tags,
      summary: "Rename a practice model or change its description; send the version you read, or get 409",
      params: ZModelParams,
      body: ZModelUpdate,
      response: { 200: ZModelDetail, ...problems },
    },
    handler: async (request) => renameModel(db, actorOf(request), request.params.modelId, request.body),
  });

  app.get("/api/models/:modelId/versions", {
    config: { access: "models.read" },
    schema: {
      tags,
      summary: "A practice model's published versions, oldest first",
      params: ZModelParams,
      response: { 200: ZVersionList, ...problems },
    },
    handler: async (request) => listVersions(db, actorOf(request), request.params.modelId),
  });

  app.get("/api/models/:modelId/versions/:number", {
    config: { access: "models.read" },
    schema: {
      tags,
      summary: "One published version of a practice model, with its whole structure",
      params: ZVersionParams,
      response: { 200: ZModelVersion, ...problems },
    },
    handler: async (request) => getVersion(db, actorOf(request), request.params.modelId, request.params.number),
  });

  app.get("/api/models/:modelId/versions/:number/export", {
    config: { access: "models.read" },
    schema: {
      tags,
      summary: "One published version as an exchange file (see /api/model-schema.json), as an attachment",
      params: ZVersionParams,
      response: { 200: ZModelExport, ...problems },
    },
    handler: async (request, reply) => {
      const { modelId, number } = request.params;
      const file = await exportVersion(db, actorOf(request), modelId, number);
      return reply.header("content-disposition", `attachment; filename="practice-model-v${number}.json"`).send(file);
    },
  });

  app.get("/api/models/:modelId/compare", {
    config: { access: "models.read" },
    schema: {
      tags,
      summary:
        "What changed between two versions (`from` and `to` are version numbers, or `draft` for editors), with both contents",
      params: ZModelParams,
      querystring: ZCompareQuery,
      response: { 200: ZModelComparison, ...problems },
    },
    handler: async (request) =>
      compareVersions(db, actorOf(request), request.params.modelId, request.query.from, request.query.to),
  });

  app.get("/api/models/:modelId/versions/:number/booklet.pdf", {
    config: { access: "models.read" },
    schema: {
      tags,
      summary:
        "A printable PDF of a published version: the pocket booklet, one element's page (`elementId`) or one level's leadership page (`level`)",
      params: ZVersionParams,
      querystring: ZBookletQuery,
      response: { 200: z.string().describe("The PDF itself (application/pdf), sent as an attachment"), ...problems },
    },
    handler: async (request, reply) => {
      const { modelId, number } = request.params;
      const pdf = await bookletPdf(db, actorOf(request), modelId, number, request.query);
      const name = request.query.kind === "booklet" ? "pocket-booklet" : `${request.query.kind}-page`;
      reply.header("content-disposition", `attachment; filename="${name}-v${number}.pdf"`);
      return sendRaw(reply, "application/pdf", pdf);
    },
  });

  app.get("/api/models/:modelId/draft", {
    config: { access: "models.edit" },
    schema: {
      tags,
      summary: "The draft of a practice model, for editing",
      params: ZModelParams,
      response: { 200: ZModelVersion, ...problems },
    },
    handler: async (request) => getDraft(db, actorOf(request), request.params.modelId),
  });

  app.put("/api/models/:modelId/draft", {
    config: { access: "models.edit" },
    schema: {
      tags,
      summary:
        "Replace the draft's whole structure; send the draft version you read, or get 409 with the current draft",
      params: ZModelParams,
      body: ZDraftUpdate,
      response: { 200: ZModelVersion, ...problems },
    },
    handler: async (request) => updateDraft(db, actorOf(request), request.params.modelId, request.body),
  });

  app.post("/api/models/:modelId/draft", {
    config: { access: "models.edit" },
    schema: {
      tags,
      summary: "Start a new draft as a copy of the latest published version (409 when a draft is open)",
      params: ZModelParams,
      response: { 201: ZModelVersion, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await startDraft(db, actorOf(request), request.params.modelId)),
  });

  app.post("/api/models/:modelId/publish", {
    config: { access: "models.edit" },
    schema: {
      tags,
      summary: "Publish the draft as the next numbered version, which never changes again",
      params: ZModelParams,
      body: ZPublishInput,
      response: { 200: ZModelVersion, ...problems },
    },
    handler: async (request) => publishModel(db, actorOf(request), request.params.modelId, request.body.version),
  });
}
