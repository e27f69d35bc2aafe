import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../tests/support/test-app.js";
import { openTestDatabase } from "../../tests/support/test-database.js";
import { buildWorld, type World } from "../../tests/support/world.js";
import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";

const { app, routes, db } = await startTestApp();

let alpha: World;
let admin: Client;

beforeAll(async () => {
  alpha = await buildWorld(db, "alpha");
  admin = await signIn(app, alpha.emails.admin);
});

/** A stack trace line ("    at fn (file:line:col)"), raw or escaped inside a JSON string. */
const STACK_LINE = /(\\n|\n)\s*at \S/;

function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
) {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers["content-type"])).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(response.body) as { status: number; title: string; code: string };
  expect(problem.status).toBe(status);
  expect(problem.title.length).toBeGreaterThan(0);
  expect(response.body).not.toMatch(STACK_LINE);
  return problem;
}

describe("errors", () => {
  it("answers an unknown API route with 404 problem+json, signed in or not", async () => {
    expectProblem(await app.inject({ method: "GET", url: "/api/no-such-thing" }), 404);
    expectProblem(await admin.request("GET", "/api/people/x/no-such-thing"), 404);
    expectProblem(await admin.request("DELETE", "/api/agency"), 404);
  });

  it("answers a body that is not JSON with a 400 problem, without internals", async () => {
    const response = await app.inject({
      method: "PUT",
      url: "/api/agency",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken, "content-type": "application/json" },
      payload: '{"name": "Alpha",',
    });
    expectProblem(response, 400);
    expect(response.body).not.toMatch(/node_modules|\.ts:|\.js:/);
  });

  it("answers an unsupported content type with 415", async () => {
    const response = await app.inject({
      method: "PUT",
      url: "/api/agency",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken, "content-type": "application/xml" },
      payload: "<agency/>",
    });
    expectProblem(response, 415);
  });

  it("answers an internal failure with a plain 500 problem and no stack trace", async () => {
    // A second app on its own database, which then loses a table: a query fails the way a
    // broken migration or a database outage makes it fail.
    const database = await openTestDatabase();
    const broken = await buildApp(database, { ...loadConfig({}), webRoot: null });
    try {
      await database.db.schema.dropTable("login_attempts").execute();
      const response = await broken.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: "someone@alpha.test", password: "long enough to be checked" },
      });
      const problem = expectProblem(response, 500);
      expect(problem.code).toBe("INTERNAL");
      expect(response.body).not.toMatch(/login_attempts|sqlite|postgres|relation|SELECT|Error:/i);
    } finally {
      await broken.app.close();
      await database.close();
    }
  });
});

describe("caching", () => {
  it("marks every signed-in API response no-store, errors included", async () => {
    const reads = routes.filter((r) => r.method === "GET" && r.url.startsWith("/api/") && !r.url.includes(":"));
    expect(reads.length).toBeGreaterThan(3);
    for (const route of reads) {
      const response = await admin.request("GET", route.url);
      expect(response.headers["cache-control"], route.url).toBe("no-store");
    }
    const detail = await admin.request("GET", `/api/people/${alpha.people.workerN1.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.headers["cache-control"]).toBe("no-store");
    const missing = await admin.request("GET", "/api/people/not-a-person");
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["cache-control"]).toBe("no-store");
  });
});

interface OpenApiDocument {
  openapi: string;
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
  >;
}

describe("the API description", () => {
  let document: OpenApiDocument;

  beforeAll(async () => {
    const response = await app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    document = response.json<OpenApiDocument>();
  });

  it("is OpenAPI 3", () => {
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
  });

  it("describes every API route the router serves, except itself", () => {
    const served = routes
      .filter((r) => r.url.startsWith("/api/") && r.url !== "/api/openapi.json")
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, "{$1}")}`);
    const described = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(served.length).toBeGreaterThan(10);
    expect(served.filter((route) => !described.includes(route))).toEqual([]);
    expect(described.filter((route) => !served.includes(route))).toEqual([]);
  });

  it("gives every operation a JSON schema for its success response", () => {
    const withoutSchema: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const success = Object.entries(operation.responses ?? {}).find(([status]) => /^2\d\d$/.test(status));
        if (!success?.[1].content?.["application/json"]?.schema) withoutSchema.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(withoutSchema).toEqual([]);
  });

  it("serves the health check", async () => {
    const response = await app.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });
});
