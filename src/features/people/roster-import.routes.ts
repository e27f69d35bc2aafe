import { PassThrough } from "node:stream";
import { z } from "zod";
import { AppError } from "../../server/errors.js";
import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import { sendRaw } from "../../server/raw-response.js";
import {
  ZRosterApplyResult,
  ZRosterExportQuery,
  ZRosterImport,
  ZRosterMapping,
  ZRosterUpload,
} from "./roster-import.schema.js";
import { applyRoster, exportRoster, getRosterImport, previewRoster, uploadRoster } from "./roster-import.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const ZImportParams = z.object({ importId: z.string().min(1).max(64) });
/** A 20,000-row roster is a few megabytes, and base64 adds a third. */
const UPLOAD_LIMIT = 32 * 1024 * 1024;
const NDJSON = "application/x-ndjson";

export function registerRosterImportRoutes(app: App) {
  const { db } = app.database;

  app.post("/api/roster-imports", {
    config: { access: "people.manage" },
    bodyLimit: UPLOAD_LIMIT,
    schema: {
      tags: ["Roster"],
      summary: "Upload an HR roster (CSV or XLSX); it is parsed and kept for mapping and a dry run",
      body: ZRosterUpload,
      response: { 201: ZRosterImport, ...problems },
    },
    handler: async (request, reply) => reply.status(201).send(await uploadRoster(db, actorOf(request), request.body)),
  });

  app.get("/api/roster-imports/:importId", {
    config: { access: "people.manage" },
    schema: {
      tags: ["Roster"],
      summary: "An uploaded roster: its headers, the suggested or chosen mapping, and its last dry run",
      params: ZImportParams,
      response: { 200: ZRosterImport, ...problems },
    },
    handler: async (request) => getRosterImport(db, actorOf(request), request.params.importId),
  });

  app.post("/api/roster-imports/:importId/preview", {
    config: { access: "people.manage" },
    schema: {
      tags: ["Roster"],
      summary: "Dry run: map the columns (remembered for next time) and see what importing would change",
      params: ZImportParams,
      body: ZRosterMapping,
      response: { 200: ZRosterImport, ...problems },
    },
    handler: async (request) => previewRoster(db, actorOf(request), request.params.importId, request.body),
  });

  app.post("/api/roster-imports/:importId/apply", {
    config: { access: "people.manage" },
    schema: {
      tags: ["Roster"],
      summary: `Import a dry-run file, all or nothing. With Accept: ${NDJSON} the answer streams progress lines as the single transaction advances, ending with a "done" or "failed" line.`,
      params: ZImportParams,
      response: { 200: ZRosterApplyResult, ...problems },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      if (!request.headers.accept?.includes(NDJSON)) return applyRoster(db, actor, request.params.importId);
      // Refusals that need no work (unknown import, no permission) still get their status code.
      await getRosterImport(db, actor, request.params.importId);
      const stream = new PassThrough();
      const write = (line: object) => stream.write(`${JSON.stringify(line)}\n`);
      applyRoster(db, actor, request.params.importId, write)
        .then((result) => write({ type: "done", result }))
        .catch((error: unknown) => {
          if (error instanceof AppError) {
            write({
              type: "failed",
              status: error.status,
              detail: error.message,
              errors: error.extra.fieldErrors ?? [],
            });
          } else {
            request.log.error({ err: error }, "roster import failed");
            write({ type: "failed", status: 500, detail: "Something went wrong on our side; nothing was imported." });
          }
        })
        .finally(() => stream.end());
      return sendRaw(reply, NDJSON, stream);
    },
  });

  app.post("/api/people/export", {
    config: { access: "people.read" },
    schema: {
      tags: ["People"],
      summary:
        "Download the people you may see as CSV or XLSX, in the columns the roster import reads. A POST because every export is recorded in the audit trail.",
      body: ZRosterExportQuery,
      response: {
        200: z
          .string()
          .describe(
            "The file itself, sent as an attachment: text/csv (UTF-8 with a byte-order mark) or an XLSX workbook",
          ),
        ...problems,
      },
    },
    handler: async (request, reply) => {
      const file = await exportRoster(db, actorOf(request), request.body);
      reply.header("content-disposition", `attachment; filename="${file.fileName}"`);
      return sendRaw(reply, file.contentType, file.body);
    },
  });
}
