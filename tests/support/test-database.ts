import { randomBytes } from "node:crypto";
import { copyFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/connection.js";
import { postgresAdminUrl, testDialect, withDatabaseName } from "./test-database-url.js";

/** A fresh, migrated, real database for one test file; `close()` removes it. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const suffix = randomBytes(6).toString("hex");
  if (testDialect() === "sqlite") {
    const template = inject("sqliteTemplate");
    const file = resolve(dirname(template), `test-${suffix}.db`);
    copyFileSync(template, file);
    return openDatabase(file);
  }
  const template = inject("postgresTemplate");
  const name = `${template}_f${suffix}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const handle = openDatabase(withDatabaseName(postgresAdminUrl(), name));
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: postgresAdminUrl() });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
