import type { App } from "../../server/http-types.js";
import { sessionOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import { clearSessionCookie, setSessionCookie } from "../../server/session-auth.js";
import { ZLoginRequest, ZOk, ZPasswordChange, ZSessionInfo, ZTotpCode, ZTotpSetup } from "./auth.schema.js";
import {
  beginTotpSetup,
  changePassword,
  confirmTotpSetup,
  describeSession,
  resumeSession,
  signIn,
  signOut,
  turnOffTotp,
} from "./auth.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 429: ZProblem };

export function registerAuthRoutes(app: App) {
  const { db } = app.database;

  app.post("/api/auth/login", {
    config: { access: "public" },
    schema: {
      tags: ["Accounts"],
      summary: "Sign in with email and password (and a two-factor code when it is on); sets the session cookie",
      body: ZLoginRequest,
      response: { 200: ZSessionInfo, ...problems },
    },
    handler: async (request, reply) => {
      const { token } = await signIn(db, app.appConfig, { ...request.body, clientAddress: request.ip });
      setSessionCookie(app, reply, token);
      const session = await resumeSession(db, app.appConfig, token);
      if (!session) throw new Error("a session just created could not be resumed");
      return describeSession(db, app.appConfig, session);
    },
  });

  app.post("/api/auth/logout", {
    config: { access: "signed-in", allowedDuringTotpSetup: true },
    schema: { tags: ["Accounts"], summary: "Sign out and end this session", response: { 200: ZOk, ...problems } },
    handler: async (request, reply) => {
      await signOut(db, sessionOf(request));
      clearSessionCookie(app, reply);
      return { ok: true as const };
    },
  });

  app.get("/api/auth/session", {
    config: { access: "signed-in", allowedDuringTotpSetup: true },
    schema: {
      tags: ["Accounts"],
      summary: "Who is signed in, their roles, agency and CSRF token",
      response: { 200: ZSessionInfo, ...problems },
    },
    handler: async (request) => describeSession(db, app.appConfig, sessionOf(request)),
  });

  app.post("/api/auth/password", {
    config: { access: "signed-in", allowedDuringTotpSetup: true },
    schema: {
      tags: ["Accounts"],
      summary: "Change your own password; your other sessions end",
      body: ZPasswordChange,
      response: { 200: ZOk, ...problems },
    },
    handler: async (request) => {
      await changePassword(db, sessionOf(request), request.body);
      return { ok: true as const };
    },
  });

  app.post("/api/auth/totp/setup", {
    config: { access: "signed-in", allowedDuringTotpSetup: true },
    schema: {
      tags: ["Accounts"],
      summary: "Start turning on two-factor sign-in: returns a new secret to add to an authenticator app",
      response: { 200: ZTotpSetup, ...problems },
    },
    handler: async (request) => beginTotpSetup(db, sessionOf(request)),
  });

  app.post("/api/auth/totp/enable", {
    config: { access: "signed-in", allowedDuringTotpSetup: true },
    schema: {
      tags: ["Accounts"],
      summary: "Finish turning on two-factor sign-in with a code from the authenticator app",
      body: ZTotpCode,
      response: { 200: ZOk, ...problems },
    },
    handler: async (request) => {
      await confirmTotpSetup(db, sessionOf(request), request.body.code);
      return { ok: true as const };
    },
  });

  app.post("/api/auth/totp/disable", {
    config: { access: "signed-in" },
    schema: {
      tags: ["Accounts"],
      summary: "Turn off two-factor sign-in (not allowed when the agency requires it)",
      body: ZTotpCode,
      response: { 200: ZOk, ...problems },
    },
    handler: async (request) => {
      await turnOffTotp(db, sessionOf(request), request.body.code);
      return { ok: true as const };
    },
  });
}
