#!/usr/bin/env node
/**
 * `npm test`: every check Cascade has, in order, stopping at the first failure — type check,
 * lint and format, unit tests, integration tests on SQLite and then on PostgreSQL, the build,
 * and the browser tests. It ends with a summary whose last line is `N passed, N failed`, so a
 * CI log shows at a glance that tests really ran.
 *
 * PostgreSQL comes from TEST_POSTGRES_URL, else the local server's `test` database, else a
 * throwaway cluster started with initdb/pg_ctl and removed afterwards. Without any of these
 * (or without Chromium) the suite is skipped with a loud warning — and fails under CI=true.
 *
 * Plain Node on purpose: it has to run before anything else is known to work.
 * `--only=<stage>[,<stage>…]` runs a subset while iterating; the stages are listed in STAGES.
 */
import { spawn, spawnSync } from "node:child_process";
import { accessSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const IN_CI = /^(true|1)$/i.test(process.env.CI ?? "");
const DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const COLOR = process.stdout.isTTY && !process.env.NO_COLOR;

const paint = (code) => (text) => (COLOR ? `\x1b[${code}m${text}\x1b[0m` : text);
const bold = paint("1");
const red = paint("31");
const green = paint("32");
const yellow = paint("33");

/** Tidy-ups (the throwaway database, report files) that must run however the run ends. */
const cleanups = [];
let currentChild = null;

function cleanUp() {
  while (cleanups.length > 0) {
    const task = cleanups.pop();
    try {
      task();
    } catch (error) {
      console.error(`Cleanup step failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
  ["SIGHUP", 129],
]) {
  process.on(signal, () => {
    console.error(`\n${signal} received: stopping the current step and cleaning up.`);
    currentChild?.kill(signal);
    cleanUp();
    process.exit(code);
  });
}
process.on("exit", cleanUp);

const reportDir = mkdtempSync(join(tmpdir(), "cascade-test-reports-"));
cleanups.push(() => rmSync(reportDir, { recursive: true, force: true }));

/** Local binaries first, so `tsc`, `biome` and `vitest` are the project's own versions. */
const childEnv = { ...process.env, PATH: [join(ROOT, "node_modules", ".bin"), process.env.PATH].join(delimiter) };

function run(command, args, env = childEnv) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    currentChild = child;
    child.on("error", (error) => {
      console.error(red(`Could not start ${command}: ${error.message}`));
      currentChild = null;
      resolvePromise(1);
    });
    child.on("exit", (code, signal) => {
      currentChild = null;
      resolvePromise(code ?? (signal ? 1 : 0));
    });
  });
}

function emptyCounts() {
  return { passed: 0, failed: 0, skipped: 0 };
}

/**
 * Runs one Vitest project and reads its JSON report for the test counts. A file that failed
 * before any of its tests ran (say, an import error) counts as one failure, so it cannot hide.
 */
async function runVitest(project, reportName, env) {
  const report = join(reportDir, `${reportName}.json`);
  const code = await run(
    "vitest",
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    env,
  );
  const counts = emptyCounts();
  if (existsSync(report)) {
    const result = JSON.parse(readFileSync(report, "utf8"));
    counts.passed = result.numPassedTests;
    counts.failed = result.numFailedTests;
    counts.skipped = result.numPendingTests + result.numTodoTests;
    for (const file of result.testResults ?? []) {
      if (file.status === "failed" && (file.assertionResults ?? []).length === 0) counts.failed += 1;
    }
  }
  let note = "";
  if (!existsSync(report)) note = "Vitest wrote no report; see its output above";
  else if (counts.passed + counts.failed + counts.skipped === 0) note = "no tests found";
  return { ok: code === 0, counts, note };
}

function loudWarning(lines) {
  const bar = "!".repeat(78);
  const text = [bar, ...lines.flatMap((line) => line.split("\n")).map((line) => `!!  ${line}`), bar].join("\n");
  // Standard output, like the summary, so the two cannot be reordered in a combined log.
  console.log(`\n${yellow(bold(text))}\n`);
  return text;
}

function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(not a valid URL)";
  }
}

/* ------------------------------------------------------------------ PostgreSQL */

async function loadPg() {
  const { default: pg } = await import("pg");
  return pg;
}

async function tryConnect(url) {
  const pg = await loadPg();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return { ok: true };
  } catch (error) {
    return { ok: false, code: error?.code, message: error instanceof Error ? error.message : String(error) };
  } finally {
    await client.end().catch(() => {});
  }
}

/** A reachable server that merely lacks the named database gets it created (it is a test database). */
async function createMissingDatabase(url) {
  const pg = await loadPg();
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** initdb and pg_ctl from PATH, else from Debian's versioned folders, newest first. */
function findPostgresBinaries() {
  const dirs = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  const debianRoot = "/usr/lib/postgresql";
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot).sort((a, b) => Number(b) - Number(a));
    dirs.push(...versions.map((version) => join(debianRoot, version, "bin")));
  }
  for (const dir of dirs) {
    const initdb = join(dir, "initdb");
    const pgCtl = join(dir, "pg_ctl");
    if (isExecutable(initdb) && isExecutable(pgCtl)) return { initdb, pgCtl };
  }
  return null;
}

function idOf(user, flag) {
  const result = spawnSync("id", [flag, user], { encoding: "utf8" });
  return result.status === 0 ? Number(result.stdout.trim()) : null;
}

/** PostgreSQL refuses to run as root, so under root the cluster belongs to an unprivileged user. */
function unprivilegedUser() {
  for (const name of ["postgres", "nobody"]) {
    const uid = idOf(name, "-u");
    const gid = idOf(name, "-g");
    if (uid !== null && gid !== null && uid !== 0) return { name, uid, gid };
  }
  return null;
}

function shellQuote(word) {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

const RUNUSER = ["/usr/sbin/runuser", "/sbin/runuser"].find(isExecutable);

function commandAs(user, command, args) {
  if (!user) return [command, args];
  if (RUNUSER) return [RUNUSER, ["-u", user.name, "--", command, ...args]];
  return ["su", ["-s", "/bin/sh", user.name, "-c", [command, ...args].map(shellQuote).join(" ")]];
}

function runQuietly(user, cwd, command, args) {
  const [program, programArgs] = commandAs(user, command, args);
  const result = spawnSync(program, programArgs, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error?.message ?? ""}`.trim();
    throw new Error(`${command} ${args.join(" ")} failed:\n${output}`);
  }
}

function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

/** A fresh cluster in a temporary folder on a free loopback port; removed when the run ends. */
async function startThrowawayCluster(binaries) {
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? unprivilegedUser() : null;
  if (asRoot && !user) throw new Error("running as root and no unprivileged user (postgres, nobody) to own a cluster");

  const dir = mkdtempSync(join(tmpdir(), "cascade-pg-"));
  const data = join(dir, "data");
  let started = false;
  cleanups.push(() => {
    if (started) {
      const [program, args] = commandAs(user, binaries.pgCtl, ["-D", data, "-m", "immediate", "-w", "stop"]);
      spawnSync(program, args, { cwd: dir, stdio: "ignore" });
    }
    rmSync(dir, { recursive: true, force: true });
  });
  if (user) chownSync(dir, user.uid, user.gid);

  const port = await freePort();
  const initdbOptions = "-U postgres -A trust -E UTF8 --locale=C --no-sync".split(" ");
  runQuietly(user, dir, binaries.initdb, ["-D", data, ...initdbOptions]);
  // Durability is pointless for a database that is deleted in a minute; turning it off is faster.
  const serverOptions = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
  ].join(" ");
  started = true;
  const log = join(dir, "server.log");
  runQuietly(user, dir, binaries.pgCtl, ["-D", data, "-l", log, "-w", "-t", "60", "-o", serverOptions, "start"]);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, owner: user?.name ?? null };
}

/**
 * Where the PostgreSQL suite runs: `{ url, note }`, or `{ url: null, reasons }` when no server
 * is reachable and none can be started.
 */
async function findPostgres() {
  const candidate = process.env.TEST_POSTGRES_URL || DEFAULT_POSTGRES_URL;
  const reasons = [];
  const first = await tryConnect(candidate);
  if (first.ok) return { url: candidate, note: `server at ${redact(candidate)}` };
  if (first.code === "3D000" && (await createMissingDatabase(candidate)) && (await tryConnect(candidate)).ok) {
    return { url: candidate, note: `server at ${redact(candidate)} (database created)` };
  }
  reasons.push(`${redact(candidate)} is not usable: ${first.message}`);

  const binaries = findPostgresBinaries();
  if (!binaries) {
    reasons.push("initdb/pg_ctl were not found on PATH or in /usr/lib/postgresql/*/bin");
    return { url: null, reasons };
  }
  console.log(`No PostgreSQL reachable at ${redact(candidate)}; starting a throwaway cluster with ${binaries.initdb}.`);
  try {
    const cluster = await startThrowawayCluster(binaries);
    const check = await tryConnect(cluster.url);
    if (!check.ok) throw new Error(`the throwaway cluster does not accept connections: ${check.message}`);
    const owner = cluster.owner ? `, run as ${cluster.owner}` : "";
    return { url: cluster.url, note: `throwaway cluster on port ${cluster.port}${owner}` };
  } catch (error) {
    reasons.push(`a throwaway cluster could not be started: ${error instanceof Error ? error.message : String(error)}`);
    return { url: null, reasons };
  }
}

/* ---------------------------------------------------------------------- stages */

const warnings = [];

/** Each stage resolves to { status: "passed" | "failed" | "skipped", counts?, note? }. */
const STAGES = [
  {
    key: "typecheck",
    title: "type check (tsc)",
    run: async () => ({ ok: (await run("tsc", ["--noEmit", "-p", "tsconfig.json"])) === 0 }),
  },
  {
    key: "lint",
    title: "lint and format (biome)",
    run: async () => ({ ok: (await run("biome", ["check", "."])) === 0 }),
  },
  {
    key: "unit",
    title: "unit tests",
    run: () => runVitest("unit", "unit", childEnv),
  },
  {
    key: "sqlite",
    title: "integration tests, SQLite",
    run: () => {
      const { TEST_DATABASE: _ignored, ...env } = childEnv;
      return runVitest("integration", "integration-sqlite", env);
    },
  },
  {
    key: "postgres",
    title: "integration tests, PostgreSQL",
    run: async () => {
      const found = await findPostgres();
      if (!found.url) {
        const verdict = IN_CI
          ? "CI=true, so this is a FAILURE."
          : "This run does NOT show that Cascade works on PostgreSQL.";
        warnings.push(
          loudWarning([
            "THE POSTGRESQL TEST SUITE WAS SKIPPED.",
            ...found.reasons,
            "Start a server (Debian: apt-get install postgresql) or set TEST_POSTGRES_URL.",
            verdict,
          ]),
        );
        return IN_CI ? { ok: false, note: "no PostgreSQL available" } : { skipped: true, note: "no PostgreSQL" };
      }
      console.log(`PostgreSQL suite runs against the ${found.note}.`);
      const env = { ...childEnv, TEST_DATABASE: "postgres", TEST_POSTGRES_URL: found.url };
      const result = await runVitest("integration", "integration-postgres", env);
      return { ...result, note: [found.note, result.note].filter(Boolean).join("; ") };
    },
  },
  {
    key: "build",
    title: "build (web and server)",
    run: async () => ({ ok: (await run("npm", ["run", "build"])) === 0 }),
  },
  {
    key: "e2e",
    title: "browser tests (e2e)",
    run: async () => {
      if (!isExecutable(CHROMIUM)) {
        const verdict = IN_CI ? "CI=true, so this is a FAILURE." : "The user interface was NOT tested.";
        warnings.push(
          loudWarning([
            "THE BROWSER TESTS WERE SKIPPED.",
            `No Chromium at ${CHROMIUM} (set CHROMIUM_PATH to use another).`,
            "Install it (Debian: apt-get install chromium) or run .ci/run.",
            verdict,
          ]),
        );
        return IN_CI ? { ok: false, note: `no Chromium at ${CHROMIUM}` } : { skipped: true, note: "no Chromium" };
      }
      return runVitest("e2e", "e2e", childEnv);
    },
  },
];

function selectedStages() {
  const only = process.argv.find((arg) => arg.startsWith("--only="));
  if (!only) return STAGES;
  const keys = only.slice("--only=".length).split(",").filter(Boolean);
  const unknown = keys.filter((key) => !STAGES.some((stage) => stage.key === key));
  if (unknown.length > 0) {
    console.error(`Unknown stage(s): ${unknown.join(", ")}. Stages: ${STAGES.map((s) => s.key).join(", ")}.`);
    process.exit(2);
  }
  return STAGES.filter((stage) => keys.includes(stage.key));
}

function formatSeconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}

function describeCounts(counts) {
  if (!counts) return "";
  const parts = [`${counts.passed} passed`];
  if (counts.failed > 0) parts.push(`${counts.failed} failed`);
  if (counts.skipped > 0) parts.push(`${counts.skipped} skipped`);
  return parts.join(", ");
}

async function main() {
  const stages = selectedStages();
  const results = [];
  let failed = false;
  for (const stage of stages) {
    if (failed) {
      results.push({ stage, status: "not run", ms: 0 });
      continue;
    }
    console.log(`\n${bold(`▶ ${stage.title}`)}`);
    const started = performance.now();
    const outcome = await stage.run();
    const ms = performance.now() - started;
    const status = outcome.skipped ? "skipped" : outcome.ok ? "passed" : "failed";
    if (status === "failed") failed = true;
    results.push({ stage, status, ms, counts: outcome.counts, note: outcome.note });
  }

  const totals = emptyCounts();
  for (const { counts } of results) {
    if (!counts) continue;
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
  }

  const statusColor = { passed: green, failed: red, skipped: yellow, "not run": (text) => text };
  const width = Math.max(...results.map((r) => r.stage.title.length));
  console.log(`\n${bold("Summary")}${IN_CI ? " (CI=true: a skipped database or browser suite is a failure)" : ""}`);
  for (const result of results) {
    const detail = [describeCounts(result.counts), result.note].filter(Boolean).join("; ");
    const time = result.status === "not run" ? "" : formatSeconds(result.ms);
    console.log(
      `  ${result.stage.title.padEnd(width)}  ${statusColor[result.status](result.status.padEnd(7))}  ${time.padStart(7)}  ${detail}`.trimEnd(),
    );
  }
  for (const warning of warnings) console.log(`\n${yellow(bold(warning))}`);
  console.log("");
  const skippedTests = totals.skipped > 0 ? `, ${totals.skipped} skipped` : "";
  console.log(`${totals.passed} passed, ${totals.failed} failed${skippedTests}`);
  return failed ? 1 : 0;
}

const exitCode = await main();
cleanUp();
process.exit(exitCode);
