import type { FastifyReply, FastifyRequest } from "fastify";
import { canAct } from "../features/access/policy.js";
import { resumeSession, secretsMatch } from "../features/accounts/auth.service.js";
import { AppError } from "./errors.js";
import type { App } from "./http-types.js";

export const SESSION_COOKIE = "cascade_session";
export const CSRF_HEADER = "x-csrf-token";
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function setSessionCookie(app: App, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: app.appConfig.secureCookies,
    maxAge: app.appConfig.sessionAbsoluteHours * 3600,
  });
}

export function clearSessionCookie(app: App, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: app.appConfig.secureCookies,
  });
}

/**
 * Runs before validation on every API route: resolves the session from its cookie, then
 * enforces what the route's `access` says. Writes made with a session cookie must carry the
 * session's CSRF token in a header, which a cross-site form cannot set.
 */
export function registerSessionAuth(app: App) {
  app.decorateRequest("session", null);
  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith("/api/")) return;
    reply.header("cache-control", "no-store");
    const access = request.routeOptions.config.access;
    if (access === undefined || access === "public") return;

    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await resumeSession(app.database.db, app.appConfig, token) : null;
    if (!session) {
      if (token) clearSessionCookie(app, reply);
      throw new AppError(
        "UNAUTHENTICATED",
        "Your session has ended. Sign in again; what you typed is still on the page.",
      );
    }
    request.session = session;

    if (UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !secretsMatch(sent, session.csrfToken)) {
        throw new AppError("CSRF", "This request is missing its security token. Reload the page and try again.");
      }
    }
    if (session.totpSetupPending && !request.routeOptions.config.allowedDuringTotpSetup) {
      throw new AppError("TOTP_SETUP_REQUIRED", "Your agency requires two-factor sign-in. Set it up to continue.");
    }
    if (access !== "signed-in" && !canAct(session.actor, access)) {
      throw new AppError("FORBIDDEN", "You do not have permission to do this.");
    }
  });
}
