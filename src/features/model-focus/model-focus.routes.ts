import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import {
  ZFocus,
  ZFocusBoard,
  ZFocusBoardQuery,
  ZFocusClear,
  ZFocusInput,
  ZFocusParams,
  ZMyFocus,
} from "./model-focus.schema.js";
import { clearFocus, getFocusBoard, getMyFocus, setFocus } from "./model-focus.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const tags = ["Monthly focus"];

export function registerModelFocusRoutes(app: App) {
  const { db } = app.database;
  app.get("/api/model-focus/mine", {
    config: { access: "models.read" },
    schema: {
      tags,
      summary: "This month's practice focus for the signed-in person's unit (or the nearest unit above it)",
      response: { 200: ZMyFocus, ...problems },
    },
    handler: async (request) => getMyFocus(db, actorOf(request)),
  });

  app.get("/api/model-focus", {
    config: { access: "modelFocus.set" },
    schema: {
      tags,
      summary:
        "The units whose focus the signed-in person may set, with the month's focus and the items to choose from",
      querystring: ZFocusBoardQuery,
      response: { 200: ZFocusBoard, ...problems },
    },
    handler: async (request) => getFocusBoard(db, actorOf(request), request.query.month),
  });

  app.put("/api/model-focus/:orgUnitId/:month", {
    config: { access: "modelFocus.set" },
    schema: {
      tags,
      summary:
        "Set a unit's focus for a month (YYYY-MM) to an element or behavior of the model in use; send the version to replace one",
      params: ZFocusParams,
      body: ZFocusInput,
      response: { 200: ZFocus, ...problems },
    },
    handler: async (request) =>
      setFocus(db, actorOf(request), request.params.orgUnitId, request.params.month, request.body),
  });

  app.delete("/api/model-focus/:orgUnitId/:month", {
    config: { access: "modelFocus.set" },
    schema: {
      tags,
      summary: "Clear a unit's focus for a month; send the version you read. Answers with the focus as it was",
      params: ZFocusParams,
      querystring: ZFocusClear,
      response: { 200: ZFocus, ...problems },
    },
    handler: async (request) =>
      clearFocus(db, actorOf(request), request.params.orgUnitId, request.params.month, request.query.version),
  });
}
