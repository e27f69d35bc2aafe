/**
 * What Cascade's request path costs: an authenticated single-record read (session lookup,
 * policy check, Zod serialization, the person with their reporting line) against a bare
 * Fastify route that returns a constant, measured the same way on the same machine.
 *
 * The servers run in a child process and the load generator in this one, so they do not
 * share an event loop. Everything listens on loopback and runs for a bounded time.
 *
 *   npm run bench -- --duration=10 --connections=10 --warmup=2
 */
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import Fastify from "fastify";
import { openDatabase } from "../src/db/connection.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { DEMO_PASSWORD, ensureDemoAgency } from "../src/features/demo/demo-agency.js";
import { buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";
import { signIn } from "./support/http-client.js";
import {
  describeMachine,
  type LoadMeasurement,
  type LoadSettings,
  measureUnderLoad,
  printTable,
} from "./support/load.js";

const SIGN_IN_AS = "supervisor@wexler.example";
const TARGET_RATIO = 0.3;

interface Ports {
  app: number;
  bare: number;
}

type Settings = LoadSettings;

/* ----------------------------------------------------------- the server process */

function portOf(address: string | AddressInfo | null): number {
  if (address === null || typeof address === "string") throw new Error("server is not listening on a TCP port");
  return address.port;
}

async function serve(dir: string): Promise<void> {
  const database = openDatabase(join(dir, "bench.db"));
  await migrateToLatest(database.db, database.dialect);
  await ensureDemoAgency(database.db);
  const config = { ...loadConfig({}), host: "127.0.0.1", port: 0, webRoot: null };
  const { app } = await buildApp(database, config);
  await app.listen({ host: "127.0.0.1", port: 0 });

  const bare = Fastify();
  bare.get("/hello", async () => ({ hello: "world" }));
  await bare.listen({ host: "127.0.0.1", port: 0 });

  process.once("disconnect", async () => {
    await Promise.all([app.close(), bare.close()]);
    await database.close();
    process.exit(0);
  });
  const ports: Ports = { app: portOf(app.server.address()), bare: portOf(bare.server.address()) };
  process.send?.(ports);
}

/* ------------------------------------------------------------ the load generator */

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "10" },
      warmup: { type: "string", default: "2" },
    },
  });
  const bounded = (name: string, raw: string, min: number, max: number) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    }
    return value;
  };
  return {
    duration: bounded("duration", values.duration, 1, 60),
    connections: bounded("connections", values.connections, 1, 100),
    warmup: bounded("warmup", values.warmup, 0, 30),
  };
}

/** One of the supervisor's direct reports: in scope, with a reporting line several levels tall. */
async function pickPerson(origin: string, cookie: string, supervisorId: string | null): Promise<string> {
  const response = await fetch(`${origin}/api/people?pageSize=200`, { headers: { cookie } });
  if (!response.ok) throw new Error(`listing people failed: ${response.status}`);
  const { items } = (await response.json()) as { items: { id: string; supervisorId: string | null }[] };
  const person = items.find((p) => p.supervisorId === supervisorId && p.id !== supervisorId) ?? items[0];
  if (!person) throw new Error(`${SIGN_IN_AS} sees no people`);
  const check = await fetch(`${origin}/api/people/${person.id}`, { headers: { cookie } });
  if (check.status !== 200) throw new Error(`GET /api/people/${person.id} answered ${check.status}`);
  return person.id;
}

function startServers(dir: string): { child: ChildProcess; ports: Promise<Ports> } {
  const child = fork(fileURLToPath(import.meta.url), ["--serve", dir], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ports = Promise.race([
    once(child, "message").then(([message]) => message as Ports),
    once(child, "exit").then(([code]) => {
      throw new Error(`the server process exited early (code ${code})`);
    }),
  ]);
  return { child, ports };
}

function report(
  settings: Settings,
  bare: LoadMeasurement,
  targets: { name: string; measurement: LoadMeasurement }[],
): void {
  const cells = (name: string, m: LoadMeasurement) => [
    name,
    Math.round(m.requestsPerSecond).toLocaleString("en-US"),
    m.p50.toFixed(2),
    m.p95.toFixed(2),
    m.p99.toFixed(2),
    m.responses.toLocaleString("en-US"),
  ];
  const rows = [
    ["target", "req/s", "p50 ms", "p95 ms", "p99 ms", "responses"],
    cells("bare Fastify GET /hello", bare),
    ...targets.map((target) => cells(target.name, target.measurement)),
  ];
  console.log(
    `\nHTTP overhead: ${settings.connections} connections, ${settings.duration} s per target after a ${settings.warmup} s warm-up, loopback`,
  );
  console.log(`${describeMachine()}\n`);
  printTable(rows, 1);
  console.log("");
  for (const target of targets) {
    const ratio = target.measurement.requestsPerSecond / bare.requestsPerSecond;
    const verdict = ratio >= TARGET_RATIO ? "meets the target" : "BELOW the target";
    console.log(`${target.name} / bare: ${(ratio * 100).toFixed(1)}% (${verdict} of ${TARGET_RATIO * 100}%)`);
  }
}

async function main(): Promise<void> {
  const settings = readSettings();
  const dir = mkdtempSync(join(tmpdir(), "cascade-bench-"));
  const { child, ports: portsPromise } = startServers(dir);
  const stop = () => {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => {
    stop();
    process.exit(130);
  });
  try {
    console.log("Seeding the demo agency on a fresh SQLite database and starting the servers…");
    const ports = await portsPromise;
    const origin = `http://127.0.0.1:${ports.app}`;
    const { cookie, personId } = await signIn(origin, SIGN_IN_AS, DEMO_PASSWORD);
    const target = await pickPerson(origin, cookie, personId);
    console.log(`Measuring the bare route, GET /api/agency and GET /api/people/${target} as ${SIGN_IN_AS}…`);
    const bare = await measureUnderLoad(`http://127.0.0.1:${ports.bare}/hello`, {}, settings);
    // The agency is a plain single record (one indexed read); a person also brings their
    // reporting line and direct reports (three reads), as the person page shows them.
    const agency = await measureUnderLoad(`${origin}/api/agency`, { cookie }, settings);
    const person = await measureUnderLoad(`${origin}/api/people/${target}`, { cookie }, settings);
    report(settings, bare, [
      { name: "authenticated GET /api/agency", measurement: agency },
      { name: "authenticated GET /api/people/:id", measurement: person },
    ]);
  } finally {
    if (child.exitCode === null && child.connected) {
      const exited = once(child, "exit");
      child.disconnect();
      await exited;
    }
    stop();
  }
}

const serveIndex = process.argv.indexOf("--serve");
if (serveIndex >= 0) {
  const dir = process.argv[serveIndex + 1];
  if (!dir) throw new Error("--serve needs the folder for the benchmark database");
  await serve(dir);
} else {
  await main();
}
