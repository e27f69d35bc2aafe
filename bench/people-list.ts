/**
 * How fast the people list answers at statewide scale: the list API as the people page calls
 * it, for the largest agency of a generated statewide database, signed in as that agency's
 * administrator (the whole agency), a manager (a region) and a supervisor (a unit).
 *
 * Without --database it generates the statewide data set (60 agencies, 30,000 people) into a
 * temporary SQLite file first; --agencies=1 puts all 30,000 people in one agency instead, as in a
 * state-administered system, which is the hardest case for a single list. The app runs in a child process on 127.0.0.1; this process
 * sends one request at a time and times each until its body has arrived.
 *
 *   npm run bench:people
 *   npm run bench:people -- --agencies=1
 *   npm run bench:people -- --database=statewide.db --requests=200 --warmup=20
 */
import { parseArgs } from "node:util";
import { openDatabase } from "../src/db/connection.js";
import type { Role } from "../src/features/access/roles.js";
import { accountEmail } from "./support/accounts.js";
import { withAppServer } from "./support/app-server.js";
import { getJson, signIn } from "./support/http-client.js";
import { describeMachine, percentilesOf, printTable } from "./support/load.js";
import { describeDatabase, wholeNumber } from "./support/options.js";
import { STATEWIDE_DEFAULTS, type StatewideSummary } from "./support/statewide.js";
import { withStatewideDatabase } from "./support/statewide-database.js";

const TARGET_P95_MS = 100;

interface Settings {
  database: string | null;
  /** Shape of the data set generated when no database is given. */
  generate: { agencies: number; staff: number; units: number; seed: number };
  password: string;
  requests: number;
  warmup: number;
}

interface Measurement {
  name: string;
  role: Role;
  path: string;
  total: number;
  items: number;
  p50: number;
  p95: number;
  p99: number;
}

/* ------------------------------------------------------------ the measurements */

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      database: { type: "string" },
      password: { type: "string", default: STATEWIDE_DEFAULTS.password },
      agencies: { type: "string", default: String(STATEWIDE_DEFAULTS.agencies) },
      staff: { type: "string", default: String(STATEWIDE_DEFAULTS.staff) },
      units: { type: "string", default: String(STATEWIDE_DEFAULTS.units) },
      seed: { type: "string", default: String(STATEWIDE_DEFAULTS.seed) },
      requests: { type: "string", default: "100" },
      warmup: { type: "string", default: "10" },
    },
  });
  return {
    database: values.database ?? null,
    generate: {
      agencies: wholeNumber("agencies", values.agencies, 1, 1_000),
      staff: wholeNumber("staff", values.staff, 1, 1_000_000),
      units: wholeNumber("units", values.units, 1, 100_000),
      seed: wholeNumber("seed", values.seed, 0, 2 ** 31 - 1),
    },
    password: values.password,
    requests: wholeNumber("requests", values.requests, 10, 10_000),
    warmup: wholeNumber("warmup", values.warmup, 0, 1_000),
  };
}

/** The agency with the most people: the slowest lists are there. */
async function largestAgency(database: string): Promise<{ slug: string; people: number; all: number }> {
  const handle = openDatabase(database);
  try {
    const rows = await handle.db
      .selectFrom("people")
      .innerJoin("agencies", "agencies.id", "people.agency_id")
      .select(["agencies.slug", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("agencies.slug")
      .orderBy("n", "desc")
      .execute();
    const [first] = rows;
    if (!first)
      throw new Error(`${describeDatabase(database)} holds no people; generate them with npm run bench:generate`);
    return { slug: first.slug, people: Number(first.n), all: rows.reduce((sum, r) => sum + Number(r.n), 0) };
  } finally {
    await handle.close();
  }
}

interface PeoplePage {
  items: { familyName: string }[];
  total: number;
}

async function measure(
  origin: string,
  cookie: string,
  query: { name: string; role: Role; path: string },
  settings: Settings,
): Promise<Measurement> {
  for (let i = 0; i < settings.warmup; i++) await getJson(origin, query.path, cookie);
  const times = new Float64Array(settings.requests);
  let page: PeoplePage | null = null;
  for (let i = 0; i < settings.requests; i++) {
    const started = performance.now();
    page = await getJson<PeoplePage>(origin, query.path, cookie);
    times[i] = performance.now() - started;
  }
  times.sort();
  return { ...query, total: page?.total ?? 0, items: page?.items.length ?? 0, ...percentilesOf(times) };
}

interface OrgNode {
  id: string;
  kind: string;
  name: string;
  headCount: number;
}

/**
 * The queries the people page sends: the first page in name order, a search by part of a
 * name, a unit-subtree filter, a level filter, hire-date order and a deep page. Scoped users
 * open the page and search within what they may see.
 */
async function queriesFor(origin: string, adminCookie: string) {
  const { units } = await getJson<{ units: OrgNode[] }>(origin, "/api/org-units", adminCookie);
  const regions = units.filter((u) => u.kind === "region").sort((a, b) => b.headCount - a.headCount);
  const region = regions[0];
  if (!region) throw new Error("the largest agency has no regions");
  const list = (params: Record<string, string>) => `/api/people?${new URLSearchParams(params)}`;
  const admin: { name: string; role: Role; path: string }[] = [
    { name: "first page, by name", role: "admin", path: list({ sort: "name" }) },
    { name: "search 'mart' (part of a name)", role: "admin", path: list({ q: "mart" }) },
    { name: `unit subtree (${region.name})`, role: "admin", path: list({ orgUnitId: region.id }) },
    { name: "level = supervisory", role: "admin", path: list({ level: "supervisory" }) },
    { name: "by hire date, newest first", role: "admin", path: list({ sort: "hireDate", direction: "desc" }) },
    { name: "page 100, by name", role: "admin", path: list({ sort: "name", page: "100" }) },
    { name: "all, including ended", role: "admin", path: list({ active: "all", sort: "unit" }) },
  ];
  const scoped = (role: Role) => [
    { name: "first page, by name", role, path: list({ sort: "name" }) },
    { name: "search 'mart'", role, path: list({ q: "mart" }) },
    { name: "by hire date", role, path: list({ sort: "hireDate" }) },
  ];
  return [...admin, ...scoped("manager"), ...scoped("supervisor")];
}

function report(settings: Settings, agency: { slug: string; people: number; all: number }, results: Measurement[]) {
  const rows = [
    ["as", "query", "matches", "p50 ms", "p95 ms", "p99 ms", ""],
    ...results.map((m) => [
      m.role,
      m.name,
      m.total.toLocaleString("en-US"),
      m.p50.toFixed(1),
      m.p95.toFixed(1),
      m.p99.toFixed(1),
      m.p95 < TARGET_P95_MS ? "ok" : "SLOW",
    ]),
  ];
  console.log(
    `\nPeople list: ${agency.slug} (${agency.people.toLocaleString("en-US")} people of ${agency.all.toLocaleString("en-US")} statewide), ${settings.requests} sequential requests per query after ${settings.warmup} unmeasured, 50 per page, loopback`,
  );
  console.log(describeMachine());
  console.log(`Target: every list request p95 under ${TARGET_P95_MS} ms on SQLite at 30,000 people\n`);
  printTable(rows, 2);
  const slow = results.filter((m) => m.p95 >= TARGET_P95_MS);
  console.log(
    slow.length === 0
      ? `\nAll ${results.length} queries meet the target.`
      : `\n${slow.length} of ${results.length} queries are OVER the target.`,
  );
}

async function main(): Promise<void> {
  const settings = readSettings();
  const generate = { ...STATEWIDE_DEFAULTS, ...settings.generate, password: settings.password };
  const describe = (summary: StatewideSummary) =>
    `${summary.totals.people.toLocaleString("en-US")} people in ${summary.agencies.length} agencies, ${(summary.milliseconds / 1000).toFixed(1)} s`;
  await withStatewideDatabase(settings.database, generate, describe, async (database) => {
    const agency = await largestAgency(database);
    await withAppServer(database, async (origin) => {
      const cookies = new Map<Role, string>();
      for (const role of ["admin", "manager", "supervisor"] as const) {
        cookies.set(role, (await signIn(origin, accountEmail(agency.slug, role), settings.password)).cookie);
      }
      const queries = await queriesFor(origin, cookies.get("admin") ?? "");
      const results: Measurement[] = [];
      for (const query of queries) {
        results.push(await measure(origin, cookies.get(query.role) ?? "", query, settings));
      }
      report(settings, agency, results);
    });
  });
}

await main();
