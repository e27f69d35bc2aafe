/**
 * How long a large roster import takes: a 20,000-row HR file uploaded, dry-run and applied
 * through the API (the same requests the import page sends), on SQLite, into an agency that
 * has its units but no staff yet. Then the same file again, which must change nothing, and the
 * file with every email changed, which updates everyone.
 *
 *   npm run bench:roster
 *   npm run bench:roster -- --rows=50000
 *
 * The app runs in this process (Fastify's inject, no network), so the figures are the
 * server's own work: parsing, the diff, one transaction with every insert, supervisor and
 * audit entry, and the commit. The target is under 10 seconds for 20,000 rows.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../src/db/connection.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { buildAgency, buildOrgUnit, buildPerson, buildUser } from "../src/features/demo/builders.js";
import { toCsv } from "../src/features/people/roster-format.js";
import type { RosterImport } from "../src/features/people/roster-import.schema.js";
import { buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";

const TARGET_SECONDS = 10;
const PASSWORD = "roster benchmark password";
const GIVEN = ["Maria", "James", "Aisha", "Thanh Hương", "Kenji", "Zoë", "Nizhoni", "Olu", "Łucja", "Mei", "José"];
const FAMILY = ["Garcia", "Nguyễn", "Begay", "O'Neill", "Okafor", "Kim", "Smith, Jr.", "Müller", "Yazzie", "李"];

const { values } = parseArgs({ options: { rows: { type: "string", default: "20000" } } });
const rowCount = Number(values.rows);
if (!Number.isInteger(rowCount) || rowCount < 100 || rowCount > 200_000) {
  throw new Error("--rows must be a whole number from 100 to 200,000");
}

const folder = mkdtempSync(join(tmpdir(), "cascade-roster-bench-"));
const handle = openDatabase(join(folder, "roster.db"));
try {
  await migrateToLatest(handle.db, handle.dialect);
  const db = handle.db;

  // An agency with 10 regions of 20 units each, a director, and an administrator to import.
  const agency = await buildAgency(db, { name: "Roster Bench County", slug: "roster-bench" });
  const root = await buildOrgUnit(db, agency.id, null, { name: "Roster Bench County", kind: "agency" });
  const units: string[] = [];
  const regions: string[] = [];
  for (let r = 1; r <= 10; r++) {
    const region = await buildOrgUnit(db, agency.id, root, { name: `Region ${r}`, kind: "region" });
    regions.push(region.name);
    for (let u = 1; u <= 20; u++) {
      units.push((await buildOrgUnit(db, agency.id, region, { name: `Region ${r} Unit ${u}`, kind: "unit" })).name);
    }
  }
  const admin = await buildPerson(db, agency.id, {
    givenName: "Roster",
    familyName: "Admin",
    jobRole: "administrative_support",
    level: "practice",
    orgUnitId: root.id,
    supervisorId: null,
  });
  await buildUser(db, agency.id, {
    email: "admin@roster-bench.example",
    displayName: "Roster Admin",
    personId: admin.id,
    roles: ["admin"],
    password: PASSWORD,
  });

  // The file: region managers, a supervisor per unit, everyone else a worker in a unit; each
  // reports to someone in the same file, listed anywhere in it.
  const headers = ["Emp ID", "First Name", "Last Name", "Email", "Position", "Unit", "Supervisor Emp ID", "Hire Date"];
  const id = (n: number) => String(n).padStart(7, "0");
  const rows: string[][] = [];
  const person = (n: number, position: string, unit: string, boss: string) => {
    const given = GIVEN[n % GIVEN.length] as string;
    const family = FAMILY[(n * 7) % FAMILY.length] as string;
    const hired = `${1 + (n % 12)}/${1 + (n % 28)}/${2000 + (n % 25)}`;
    rows.push([id(n), given, family, `staff${n}@roster-bench.example`, position, unit, boss, hired]);
  };
  for (const [r, region] of regions.entries()) person(r + 1, "Manager", region, "");
  for (const [u, unit] of units.entries()) person(100 + u, "Supervisor", unit, id(1 + Math.floor(u / 20)));
  for (let n = 1000; rows.length < rowCount; n++) {
    const u = n % units.length;
    person(n, n % 9 === 0 ? "Case Aide" : "Social Worker", units[u] as string, id(100 + u));
  }
  rows.reverse();
  const file = Buffer.from(toCsv(headers, rows));

  const config = { ...loadConfig({}), webRoot: null };
  const { app } = await buildApp(handle, config);
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email: "admin@roster-bench.example", password: PASSWORD },
  });
  const cookie = `cascade_session=${login.cookies.find((c) => c.name === "cascade_session")?.value}`;
  const headersFor = { cookie, "x-csrf-token": login.json<{ csrfToken: string }>().csrfToken };
  const post = async (url: string, payload?: object) => {
    const started = performance.now();
    const response = await app.inject({ method: "POST", url, headers: headersFor, ...(payload ? { payload } : {}) });
    const ms = performance.now() - started;
    if (response.statusCode >= 300) throw new Error(`${url} answered ${response.statusCode}: ${response.body}`);
    return { body: response.json(), ms };
  };

  const importOnce = async (content: Buffer) => {
    const upload = await post("/api/roster-imports", { fileName: "roster.csv", content: content.toString("base64") });
    const uploaded = upload.body as RosterImport;
    const preview = await post(`/api/roster-imports/${uploaded.id}/preview`, uploaded.mapping);
    const counts = (preview.body as RosterImport).preview?.counts;
    const apply = await post(`/api/roster-imports/${uploaded.id}/apply`);
    return { upload: upload.ms, preview: preview.ms, apply: apply.ms, counts, result: apply.body };
  };

  console.log(`Roster import: ${rows.length.toLocaleString("en-US")} rows, ${(file.length / 1e6).toFixed(1)} MB CSV`);
  console.log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}, SQLite file\n`,
  );
  const first = await importOnce(file);
  const again = await importOnce(file);
  // Everyone gets a new email: 20,000 updates, each with its before and after in the audit trail.
  const moved = await importOnce(
    Buffer.from(
      toCsv(
        headers,
        rows.map((row) => row.map((cell, i) => (i === 3 ? cell.replace("@", ".2026@") : cell))),
      ),
    ),
  );
  const people = await db.selectFrom("people").select("id").where("agency_id", "=", agency.id).execute();
  await app.close();

  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  console.log("| run                     | upload s | dry run s | apply s | total s | result |");
  console.log("| ----------------------- | -------: | --------: | ------: | ------: | ------ |");
  for (const [name, run] of [
    ["first import (all new)", first],
    ["same file again", again],
    ["every email changed", moved],
  ] as const) {
    const total = run.upload + run.preview + run.apply;
    console.log(
      `| ${name.padEnd(23)} | ${seconds(run.upload).padStart(8)} | ${seconds(run.preview).padStart(9)} | ${seconds(run.apply).padStart(7)} | ${seconds(total).padStart(7)} | ${JSON.stringify(run.result)} |`,
    );
  }
  const total = (first.upload + first.preview + first.apply) / 1000;
  console.log(
    `\nPeople in the agency afterwards: ${people.length.toLocaleString("en-US")} (the file plus the administrator)`,
  );
  console.log(
    `First import: ${total.toFixed(2)} s against a target of ${TARGET_SECONDS} s — ${total < TARGET_SECONDS ? "met" : "NOT met"}.`,
  );
  if (
    first.counts?.new !== rows.length ||
    again.counts?.unchanged !== rows.length ||
    moved.counts?.changed !== rows.length
  ) {
    throw new Error(`unexpected dry runs: ${JSON.stringify([first.counts, again.counts, moved.counts])}`);
  }
} finally {
  await handle.close();
  rmSync(folder, { recursive: true, force: true });
}
