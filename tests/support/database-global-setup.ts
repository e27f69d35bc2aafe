import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/connection.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { postgresAdminUrl, TEMPLATE_DIR, testDialect, withDatabaseName } from "./test-database-url.js";

/**
 * Migrates one template database per run; each test file then copies it (a file copy on
 * SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL), so tests get a fresh, real database cheaply.
 */
export default async function setup(project: TestProject) {
  const runId = `${process.pid}_${Date.now()}`;
  if (testDialect() === "sqlite") {
    const dir = resolve(TEMPLATE_DIR, runId);
    mkdirSync(dir, { recursive: true });
    const file = resolve(dir, "template.db");
    const handle = openDatabase(file);
    await migrateToLatest(handle.db, "sqlite");
    await handle.close();
    project.provide("sqliteTemplate", file);
    return () => rmSync(dir, { recursive: true, force: true });
  }

  const admin = new pg.Client({ connectionString: postgresAdminUrl() });
  await admin.connect();
  const template = `cascade_template_${runId}`;
  await admin.query(`CREATE DATABASE ${template}`);
  const handle = openDatabase(withDatabaseName(postgresAdminUrl(), template));
  await migrateToLatest(handle.db, "postgres");
  await handle.close();
  project.provide("postgresTemplate", template);
  return async () => {
    const leftovers = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${template}_f%`,
    ]);
    for (const { datname } of leftovers.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplate: string;
    postgresTemplate: string;
  }
}
