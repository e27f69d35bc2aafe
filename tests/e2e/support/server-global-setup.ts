import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the built Cascade under test listens, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
  }
}

const SERVER_ENTRY = resolve("dist/node/server/main.js");
const WEB_ROOT = resolve("dist/web");
const STARTUP_TIMEOUT_MS = 90_000;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolvePort(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`The Cascade server exited with code ${server.exitCode} while starting:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet; the loop polls again.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`The Cascade server did not answer /api/health within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/**
 * Runs the built app exactly as `npm start` would, on a free port and a fresh SQLite file, so
 * the demo agency is seeded and the browser tests see what a new user sees.
 */
export default async function setup(project: TestProject) {
  const missing = [SERVER_ENTRY, join(WEB_ROOT, "index.html")].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      `The browser tests run the built app, but ${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} missing. Run \`npm run build\` first.`,
    );
  }

  const folder = resolve(`.tmp/e2e-${process.pid}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  let log = "";
  const server = spawn(process.execPath, [SERVER_ENTRY], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: join(folder, "cascade.db"),
      WEB_ROOT,
      SECURE_COOKIES: "false",
      CASCADE_DEMO: "true",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    // Enough of the tail to explain a failed start, without holding a long run's logs in memory.
    log = (log + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);

  try {
    await waitForHealth(baseUrl, server, () => log);
  } catch (error) {
    server.kill("SIGKILL");
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  project.provide("baseUrl", baseUrl);

  return async () => {
    if (server.exitCode === null) {
      const exited = new Promise((done) => server.once("exit", done));
      server.kill("SIGTERM");
      const timeout = setTimeout(() => server.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timeout);
    }
    rmSync(folder, { recursive: true, force: true });
  };
}
