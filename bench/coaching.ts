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
import { parseArgs } from "node:util";
import { openDatabase } from "../src/db/connection.js";
import type { Role } from "../src/features/access/roles.js";
import { accountEmail } from "./support/accounts.js";
import { withAppServer } from "./support/app-server.js";
import { getJson, signIn } from "./support/http-client.js";
import { describeMachine, type LoadMeasurement, measureUnderLoad, printTable } from "./support/load.js";
import { describeDatabase, wholeNumber } from "./support/options.js";
import { STATEWIDE_DEFAULTS, type StatewideSummary } from "./support/statewide.js";
import { withStatewideDatabase } from "./support/statewide-database.js";

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

type Measurement = Target & LoadMeasurement;

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

async function measure(origin: string, cookie: string, target: Target, settings: Settings): Promise<Measurement> {
  return { ...target, ...(await measureUnderLoad(`${origin}${target.path}`, { cookie }, settings)) };
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
  const format = (n: number) => n.toLocaleString("en-US");
  console.log(
    `\nCoaching: ${agency.slug} (${format(agency.sessions)} of ${format(agency.all)} coaching sessions statewide; the coach's caseload holds ${format(caseload)} engagements)`,
  );
  console.log(
    `${settings.connections} connections, ${settings.duration} s per request after a ${settings.warmup} s warm-up, loopback`,
  );
  console.log(describeMachine());
  console.log(`Target: the caseload and the coverage view p95 under ${TARGET_P95_MS} ms on SQLite\n`);
  printTable(rows, 2);
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
  const generate = { ...STATEWIDE_DEFAULTS, seed: settings.seed, password: settings.password };
  const describe = (summary: StatewideSummary) =>
    `${(summary.extensionTotals["coaching sessions"] ?? 0).toLocaleString("en-US")} coaching sessions, ${summary.totals.people.toLocaleString("en-US")} people, ${(summary.milliseconds / 1000).toFixed(1)} s`;
  await withStatewideDatabase(settings.database, generate, describe, async (database) => {
    const agency = await busiestAgency(database);
    await withAppServer(database, async (origin) => {
      const cookies = new Map<Role, string>();
      for (const role of ["coach", "coaching_supervisor"] as const) {
        cookies.set(role, (await signIn(origin, accountEmail(agency.slug, role), settings.password)).cookie);
      }
      const { targets, caseload } = await targetsFor(origin, cookies.get("coach") ?? "");
      const results: Measurement[] = [];
      for (const target of targets) {
        console.log(`Loading ${target.path} as ${target.role}…`);
        results.push(await measure(origin, cookies.get(target.role) ?? "", target, settings));
      }
      report(settings, agency, caseload, results);
    });
  });
}

await main();
