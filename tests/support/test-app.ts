import type { LightMyRequestResponse } from "fastify";
import { afterAll } from "vitest";
import type { DatabaseHandle } from "../../src/db/connection.js";
import { buildApp } from "../../src/server/app.js";
import { type AppConfig, loadConfig } from "../../src/server/config.js";
import { openTestDatabase } from "./test-database.js";
import { TEST_PASSWORD } from "./world.js";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A real app on a fresh real database for one test file, closed after the file's tests. */
export async function startTestApp(overrides: Partial<AppConfig> = {}) {
  const database: DatabaseHandle = await openTestDatabase();
  const config: AppConfig = { ...loadConfig({}), webRoot: null, ...overrides };
  const { app, routes } = await buildApp(database, config);
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  return { app, routes, db: database.db, dialect: database.dialect, config };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>["app"];

/** A signed-in API client: carries the session cookie and sends the CSRF token on writes. */
export interface Client {
  request(method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  cookie: string;
  csrfToken: string;
}

export function anonymous(app: TestApp) {
  return {
    request: (method: Method, url: string, body?: unknown) =>
      app.inject({ method, url, ...(body === undefined ? {} : { payload: body as object }) }),
  };
}

export async function signIn(app: TestApp, email: string, password = TEST_PASSWORD): Promise<Client> {
  const response = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
  if (response.statusCode !== 200)
    throw new Error(`sign-in as ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === "cascade_session");
  if (!cookie) throw new Error("sign-in set no session cookie");
  const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  return clientWith(app, `cascade_session=${cookie.value}`, csrfToken);
}

export function clientWith(app: TestApp, cookie: string, csrfToken: string): Client {
  return {
    cookie,
    csrfToken,
    request: (method, url, body) =>
      app.inject({
        method,
        url,
        headers: { cookie, ...(method === "GET" ? {} : { "x-csrf-token": csrfToken }) },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}
