import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { DatabaseHandle } from "../db/connection.js";
import type { Actor, RouteAccess } from "../features/access/policy.js";
import type { ActiveSession } from "../features/accounts/auth.service.js";
import type { AppConfig } from "./config.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** What the route requires; every route must say (the authorization test checks). */
    access?: RouteAccess;
    /** Allowed while a user who must set up two-factor has not done so yet. */
    allowedDuringTotpSetup?: boolean;
  }
  interface FastifyRequest {
    session: ActiveSession | null;
  }
  interface FastifyInstance {
    database: DatabaseHandle;
    appConfig: AppConfig;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The signed-in actor of a request whose route requires one (the auth hook guarantees it). */
export function actorOf(request: { session: ActiveSession | null }): Actor {
  if (!request.session) throw new Error("actorOf called on a route that does not require sign-in");
  return request.session.actor;
}

export function sessionOf(request: { session: ActiveSession | null }): ActiveSession {
  if (!request.session) throw new Error("sessionOf called on a route that does not require sign-in");
  return request.session;
}
