/**
 * Generates statewide-scale synthetic data: by default 60 agencies (counties and a few
 * multi-county training academies) with 30,000 staff in 3,000 units, each agency with its org
 * tree, its reporting tree, some ended employments and one account per permission role. It
 * writes through the application's own builders and repositories, one transaction per agency,
 * into SQLite or PostgreSQL, and is reproducible from --seed.
 *
 *   npm run bench:generate -- --database=statewide.db
 *   npm run bench:generate -- --database=postgres://user@host/db --agencies=60 --staff=30000 --units=3000 --seed=1
 */
import { parseArgs } from "node:util";
import { openDatabase } from "../src/db/connection.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { describeDatabase, wholeNumber } from "./support/options.js";
import {
  generateStatewide,
  STATEWIDE_DEFAULTS,
  type StatewideOptions,
  type StatewideSummary,
} from "./support/statewide.js";

function readOptions(): { database: string; options: StatewideOptions; quiet: boolean } {
  const { values } = parseArgs({
    options: {
      database: { type: "string" },
      agencies: { type: "string", default: String(STATEWIDE_DEFAULTS.agencies) },
      staff: { type: "string", default: String(STATEWIDE_DEFAULTS.staff) },
      units: { type: "string", default: String(STATEWIDE_DEFAULTS.units) },
      seed: { type: "string", default: String(STATEWIDE_DEFAULTS.seed) },
      password: { type: "string", default: STATEWIDE_DEFAULTS.password },
      "as-of": { type: "string", default: STATEWIDE_DEFAULTS.asOf },
      quiet: { type: "boolean", default: false },
    },
  });
  if (!values.database) {
    throw new Error("--database is required: a SQLite file path or a postgres:// URL of an empty database");
  }
  if (values.password.length < 12) throw new Error("--password must have at least 12 characters");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values["as-of"])) throw new Error("--as-of must be a date like 2026-01-01");
  const agencies = wholeNumber("agencies", values.agencies, 1, 1_000);
  return {
    database: values.database,
    quiet: values.quiet,
    options: {
      agencies,
      staff: wholeNumber("staff", values.staff, 1, 1_000_000),
      units: wholeNumber("units", values.units, agencies, 100_000),
      seed: wholeNumber("seed", values.seed, 0, 2 ** 31 - 1),
      password: values.password,
      asOf: values["as-of"],
    },
  };
}

function printSummary(database: string, summary: StatewideSummary): void {
  const { totals, agencies } = summary;
  const byPeople = [...agencies].sort((a, b) => b.people - a.people);
  const largest = byPeople[0];
  const smallest = byPeople[byPeople.length - 1];
  const format = (n: number) => n.toLocaleString("en-US");
  console.log(`\nStatewide synthetic data in ${describeDatabase(database)} (seed ${summary.options.seed})`);
  console.log(`  agencies              ${format(agencies.length)}`);
  console.log(
    `  people                ${format(totals.people)} (${format(totals.endedEmployments)} with ended employment)`,
  );
  console.log(`  org units             ${format(totals.orgUnits)} (${format(totals.units)} units)`);
  console.log(`  accounts              ${format(totals.accounts)} (password: ${summary.options.password})`);
  for (const [name, n] of Object.entries(summary.extensionTotals)) console.log(`  ${name.padEnd(22)}${format(n)}`);
  if (largest && smallest) {
    console.log(`  largest agency        ${largest.name} (${largest.slug}): ${format(largest.people)} people`);
    console.log(`  smallest agency       ${smallest.name} (${smallest.slug}): ${format(smallest.people)} people`);
    console.log(`  sign in as            admin@${largest.slug}.example, supervisor@…, manager@…`);
  }
  console.log(`  elapsed               ${(summary.milliseconds / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const { database, options, quiet } = readOptions();
  const handle = openDatabase(database);
  try {
    const started = performance.now();
    await migrateToLatest(handle.db, handle.dialect);
    const summary = await generateStatewide(handle.db, options, (agency, index, count) => {
      if (!quiet) {
        console.log(
          `[${String(index + 1).padStart(String(count).length)}/${count}] ${agency.name}: ${agency.people} people, ${agency.units} units, ${Math.round(agency.milliseconds)} ms`,
        );
      }
    });
    printSummary(database, { ...summary, milliseconds: performance.now() - started });
  } finally {
    await handle.close();
  }
}

try {
  await main();
} catch (error) {
  // Option mistakes and a non-empty database are the usual failures; their message is enough.
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
