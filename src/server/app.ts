import { existsSync } from "node:fs";
import { resolve } from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import Fastify from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseHandle } from "../db/connection.js";
import { registerAuthRoutes } from "../features/accounts/auth.routes.js";
import { registerAgencyRoutes } from "../features/agencies/agency.routes.js";
import { registerAuditRoutes } from "../features/audit/audit.routes.js";
import { registerCalendarFeedRoutes } from "../features/calendar/calendar-feed.routes.js";
import { registerCoachDevelopmentRoutes } from "../features/coaching/coach-development.routes.js";
import { registerCoachingRoutes } from "../features/coaching/coaching.routes.js";
import { registerPartnerCoachingHoursRoutes } from "../features/coaching/partner-hours.routes.js";
import { registerFidelityRoutes } from "../features/fidelity/fidelity.routes.js";
import { registerHomeRoutes } from "../features/home/home.routes.js";
import { registerModelRoutes } from "../features/model/model.routes.js";
import { registerModelFocusRoutes } from "../features/model-focus/model-focus.routes.js";
import { registerOrgUnitRoutes } from "../features/org/org-unit.routes.js";
import { registerPartnerRoutes } from "../features/partners/partner.routes.js";
import { registerEmploymentRoutes } from "../features/people/employment.routes.js";
import { registerPersonRoutes } from "../features/people/person.routes.js";
import { registerRosterImportRoutes } from "../features/people/roster-import.routes.js";
import { registerTeamRoutes } from "../features/teams/team.routes.js";
import { registerTrainingRoutes } from "../features/training/training.routes.js";
import type { AppConfig } from "./config.js";
import type { App } from "./http-types.js";
import { handleError, handleNotFound } from "./problem-details.js";
import { registerSessionAuth } from "./session-auth.js";

/** Scripts and data only from Cascade itself; images may be data: URLs (the two-factor QR code). */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

export interface RegisteredRoute {
  method: string;
  url: string;
  access: string | undefined;
}

/**
 * Assembles the HTTP server. It holds no state between requests beyond its database pool,
 * so any number of instances can run behind a load balancer.
 */
export async function buildApp(database: DatabaseHandle, config: AppConfig, options: { logger?: boolean } = {}) {
  const app = Fastify({
    logger: options.logger ? { level: config.logLevel } : false,
    trustProxy: config.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>() as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // Imports that take a spreadsheet export accept the CSV file itself as the request body.
  app.addContentTypeParser("text/csv", { parseAs: "string" }, (_request, body, done) => done(null, body));
  app.decorate("database", database);
  app.decorate("appConfig", config);

  /** Every route, as registered: the authorization test enumerates these. */
  const routes: RegisteredRoute[] = [];
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      routes.push({ method, url: route.url, access: route.config?.access });
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Cascade API",
        version: "0.1.0",
        description:
          "Cascade's REST API. Sign in with POST /api/auth/login to get a session cookie; send the returned csrfToken in the X-CSRF-Token header with every write. Errors are RFC 9457 problem+json with field-level `errors`.",
      },
    },
    transform: jsonSchemaTransform,
  });
  registerSessionAuth(app);

  app.get("/api/health", {
    config: { access: "public" },
    schema: { tags: ["Service"], summary: "Liveness", response: { 200: z.object({ status: z.literal("ok") }) } },
    handler: async () => ({ status: "ok" as const }),
  });
  app.get("/api/openapi.json", {
    config: { access: "public" },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });

  registerAuthRoutes(app);
  registerAgencyRoutes(app);
  registerOrgUnitRoutes(app);
  registerPersonRoutes(app);
  registerEmploymentRoutes(app);
  registerRosterImportRoutes(app);
  registerAuditRoutes(app);
  registerHomeRoutes(app);
  registerPartnerRoutes(app);
  registerTeamRoutes(app);
  registerModelRoutes(app);
  registerCalendarFeedRoutes(app);
  registerModelFocusRoutes(app);
  registerCoachingRoutes(app);
  registerCoachDevelopmentRoutes(app);
  registerPartnerCoachingHoursRoutes(app);
  registerTrainingRoutes(app);
  registerFidelityRoutes(app);

  const webRoot = config.webRoot ? resolve(config.webRoot) : null;
  const servesWeb = webRoot !== null && existsSync(resolve(webRoot, "index.html"));
  if (servesWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader("cache-control", path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any non-API page address gets its shell.
    // An unknown /assets/ file is a stale or mistyped asset, not a page: it gets a real 404.
    if (
      servesWeb &&
      request.method === "GET" &&
      !request.url.startsWith("/api/") &&
      !request.url.startsWith("/assets/")
    ) {
      reply.header("cache-control", "no-cache");
      return reply.sendFile("index.html");
    }
    return handleNotFound(request, reply);
  });

  // A callback hook, not an async one: it runs on every response and needs no await.
  app.addHook("onSend", (_request, reply, payload, done) => {
    reply.headers(SECURITY_HEADERS);
    done(null, payload);
  });

  await app.ready();
  return { app, routes };
}
