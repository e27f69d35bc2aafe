/**
 * How fast coaching answers at statewide scale (1,000,000 coaching sessions across 30,000
 * staff): the requests a coach's coaching page makes for their caseload, and the coaching
 * supervisor's coverage view, each under 20 concurrent clients, for the largest agency of a
 * generated statewide database. Target: p95 under 150 ms on SQLite.
 *
 * Without --database it generates the statewide data set into a temporary SQLite file first
 * (a few minutes). The app runs in a child process on 127.0.0.1 and autocannon loads it from
 * this one, one request after the other, each for --duration seconds after a --warmup.
 *
 *   npm run bench:coaching
 *   npm run bench:coaching -- --database=statewide.db --duration=20 --connections=20
 */
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon, { type Options, type Result } from "autocannon";
import { openDatabase } from "../src/db/connection.js";
import { migrateToLatest } from "../src/db/migrate.js";
import type { Role } from "../src/features/access/roles.js";
import { buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";
import { accountEmail } from "./support/accounts.js";
import { describeDatabase, wholeNumber } from "./support/options.js";
import { generateStatewide, STATEWIDE_DEFAULTS } from "./support/statewide.js";

const TARGET_P95_MS = 150;

interface Settings {
  database: string | null;
  password: string;
  seed: number;
  duration: number;
  connections: number;
  warmup: number;
}

interface Target {
  role: Role;
  name: string;
  path: string;
  /** Targets the issue names; the others are measured to show where the rest of the page stands. */
  required: boolean;
}

interface Measurement extends Target {
  requestsPerSecond: number;
  responses: number;
  p50: number;
  p95: number;
  p99: number;
}

/* ----------------------------------------------------------- the server process */

async function serve(database: string): Promise<void> {
  const handle = openDatabase(database);
  await migrateToLatest(handle.db, handle.dialect);
  const config = { ...loadConfig({}), host: "127.0.0.1", port: 0, webRoot: null };
  const { app } = await buildApp(handle, config);
  await app.listen({ host: "127.0.0.1", port: 0 });
  process.once("disconnect", async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  });
  process.send?.({ port: (app.server.address() as AddressInfo).port });
}

function startServer(database: string): { child: ChildProcess; port: Promise<number> } {
  const child = fork(fileURLToPath(import.meta.url), ["--serve", database], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = Promise.race([
    once(child, "message").then(([message]) => (message as { port: number }).port),
    once(child, "exit").then(([code]) => {
      throw new Error(`the server process exited early (code ${code})`);
    }),
  ]);
  return { child, port };
}

/* ------------------------------------------------------------ the load generator */

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      database: { type: "string" },
      password: { type: "string", default: STATEWIDE_DEFAULTS.password },
      seed: { type: "string", default: String(STATEWIDE_DEFAULTS.seed) },
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "20" },
      warmup: { type: "string", default: "2" },
    },
  });
  return {
    database: values.database ?? null,
    password: values.password,
    seed: wholeNumber("seed", values.seed, 0, 2 ** 31 - 1),
    duration: wholeNumber("duration", values.duration, 1, 120),
    connections: wholeNumber("connections", values.connections, 1, 200),
    warmup: wholeNumber("warmup", values.warmup, 0, 30),
  };
}

/** The agency with the most coaching sessions: its lists and counts are the slowest. */
async function busiestAgency(database: string) {
  const handle = openDatabase(database);
  try {
    const rows = await handle.db
      .selectFrom("coaching_sessions as s")
      .innerJoin("agencies as a", "a.id", "s.agency_id")
      .select(["a.slug", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("a.slug")
      .orderBy("n", "desc")
      .execute();
    const [first] = rows;
    if (!first) {
      throw new Error(
        `${describeDatabase(database)} holds no coaching sessions; generate them with npm run bench:generate`,
      );
    }
    return { slug: first.slug, sessions: Number(first.n), all: rows.reduce((sum, r) => sum + Number(r.n), 0) };
  } finally {
    await handle.close();
  }
}

async function signIn(origin: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("cascade_session="));
  if (!cookie) throw new Error(`sign-in as ${email} set no session cookie`);
  return cookie;
}

async function getJson<T>(origin: string, path: string, cookie: string): Promise<T> {
  const response = await fetch(`${origin}${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

function runLoad(options: Options, onLatency?: (ms: number) => void): Promise<Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (onLatency) {
      instance.on("response", (_client, statusCode, _bytes, ms) => {
        if (statusCode >= 200 && statusCode < 300) onLatency(ms);
      });
    }
  });
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

/** autocannon reports p90 and p97.5 but no p95, so every 2xx response time is kept here. */
async function measure(origin: string, cookie: string, target: Target, settings: Settings): Promise<Measurement> {
  // A generous timeout: on a busy machine a slow answer is a result to report, not an error.
  const base = { url: `${origin}${target.path}`, headers: { cookie }, connections: settings.connections, timeout: 60 };
  if (settings.warmup > 0) await runLoad({ ...base, duration: settings.warmup });
  const latencies: number[] = [];
  const result = await runLoad({ ...base, duration: settings.duration }, (ms) => latencies.push(ms));
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${target.path}: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts — not a valid measurement`,
    );
  }
  if (latencies.length === 0) throw new Error(`${target.path}: no response within ${settings.duration} s`);
  const sorted = Float64Array.from(latencies).sort();
  return {
    ...target,
    requestsPerSecond: result.requests.average,
    responses: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

interface EngagementListItem {
  id: string;
  relation: string;
  sessionsLogged: number;
}

/**
 * What the coaching page asks for, as the coach (their caseload and their requests) and as the
 * coaching supervisor (coverage, every engagement, the requests waiting for a coach), and the
 * coach's busiest engagement with its coaching log, as the engagement page asks for it.
 */
async function targetsFor(origin: string, coachCookie: string): Promise<{ targets: Target[]; caseload: number }> {
  const caseload = await getJson<{ items: EngagementListItem[]; total?: number }>(
    origin,
    "/api/coaching/engagements?page=1&pageSize=50",
    coachCookie,
  );
  const coached = caseload.items.filter((e) => e.relation === "coach");
  const busiest = [...coached].sort((a, b) => b.sessionsLogged - a.sessionsLogged)[0];
  if (!busiest)
    throw new Error("the coach@ account coaches nobody; was the data generated with the coaching extension?");
  return {
    caseload: caseload.total ?? caseload.items.length,
    targets: [
      {
        role: "coach",
        name: "caseload (engagements, page 1)",
        path: "/api/coaching/engagements?page=1&pageSize=50",
        required: true,
      },
      { role: "coach", name: "own requests", path: "/api/coaching/requests?page=1&pageSize=50", required: true },
      { role: "coach", name: "an engagement", path: `/api/coaching/engagements/${busiest.id}`, required: false },
      { role: "coaching_supervisor", name: "coverage", path: "/api/coaching/coverage", required: true },
      {
        role: "coaching_supervisor",
        name: "all engagements, page 1",
        path: "/api/coaching/engagements?page=1&pageSize=50",
        required: false,
      },
      {
        role: "coaching_supervisor",
        name: "requests waiting for a coach",
        path: "/api/coaching/requests?status=requested&page=1&pageSize=50",
        required: false,
      },
    ],
  };
}

function report(
  settings: Settings,
  agency: { slug: string; sessions: number; all: number },
  caseload: number,
  results: Measurement[],
) {
  const rows = [
    ["as", "request", "req/s", "p50 ms", "p95 ms", "p99 ms", "responses", ""],
    ...results.map((m) => [
      m.role,
      m.name,
      Math.round(m.requestsPerSecond).toLocaleString("en-US"),
      m.p50.toFixed(1),
      m.p95.toFixed(1),
      m.p99.toFixed(1),
      m.responses.toLocaleString("en-US"),
      m.p95 < TARGET_P95_MS ? "ok" : "SLOW",
    ]),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  const cpu = cpus();
  const [load] = loadavg();
  const format = (n: number) => n.toLocaleString("en-US");
  console.log(
    `\nCoaching: ${agency.slug} (${format(agency.sessions)} of ${format(agency.all)} coaching sessions statewide; the coach's caseload holds ${format(caseload)} engagements)`,
  );
  console.log(
    `${settings.connections} connections, ${settings.duration} s per request after a ${settings.warmup} s warm-up, loopback`,
  );
  console.log(
    `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, load average ${load?.toFixed(2)}`,
  );
  console.log(`Target: the caseload and the coverage view p95 under ${TARGET_P95_MS} ms on SQLite\n`);
  for (const row of rows) {
    console.log(row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  "));
  }
  const required = results.filter((m) => m.required);
  const slow = required.filter((m) => m.p95 >= TARGET_P95_MS);
  console.log(
    slow.length === 0
      ? `\nPASS: all ${required.length} required requests meet the target.`
      : `\nFAIL: ${slow.map((m) => `${m.role} ${m.name}`).join(", ")} over the target.`,
  );
  if (slow.length > 0) process.exitCode = 1;
}

async function main(): Promise<void> {
  const settings = readSettings();
  let dir: string | null = null;
  let database = settings.database;
  if (!database) {
    dir = mkdtempSync(join(tmpdir(), "cascade-bench-"));
    database = join(dir, "statewide.db");
    console.log("Generating the statewide data set into a temporary SQLite database (a few minutes)…");
    const handle = openDatabase(database);
    try {
      await migrateToLatest(handle.db, handle.dialect);
      const summary = await generateStatewide(handle.db, {
        ...STATEWIDE_DEFAULTS,
        seed: settings.seed,
        password: settings.password,
      });
      console.log(
        `  ${(summary.extensionTotals["coaching sessions"] ?? 0).toLocaleString("en-US")} coaching sessions, ${summary.totals.people.toLocaleString("en-US")} people, ${(summary.milliseconds / 1000).toFixed(1)} s`,
      );
    } finally {
      await handle.close();
    }
  }
  const agency = await busiestAgency(database);
  const { child, port: portPromise } = startServer(database);
  const stop = () => {
    child.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => {
    stop();
    process.exit(130);
  });
  try {
    const origin = `http://127.0.0.1:${await portPromise}`;
    const cookies = new Map<Role, string>();
    for (const role of ["coach", "coaching_supervisor"] as const) {
      cookies.set(role, await signIn(origin, accountEmail(agency.slug, role), settings.password));
    }
    const { targets, caseload } = await targetsFor(origin, cookies.get("coach") ?? "");
    const results: Measurement[] = [];
    for (const target of targets) {
      console.log(`Loading ${target.path} as ${target.role}…`);
      results.push(await measure(origin, cookies.get(target.role) ?? "", target, settings));
    }
    report(settings, agency, caseload, results);
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
  const database = process.argv[serveIndex + 1];
  if (!database) throw new Error("--serve needs the database to serve");
  await serve(database);
} else {
  await main();
}
