import { openDatabase } from "../db/connection.js";
import { migrateToLatest } from "../db/migrate.js";
import { ensureDemoAgency } from "../features/demo/demo-agency.js";
import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";

const config = loadConfig();
const database = openDatabase(config.databaseUrl);
await migrateToLatest(database.db, database.dialect);

const demo = await ensureDemoAgency(database.db);
const { app } = await buildApp(database, config, { logger: true });
await app.listen({ port: config.port, host: config.host });

const where = database.dialect === "sqlite" ? config.databaseUrl : "PostgreSQL";
console.log(`\nCascade is running at http://localhost:${config.port} (database: ${where})`);
if (demo) {
  console.log(`\nDemo agency "${demo.agencyName}" — every demo account uses the password: ${demo.password}`);
  for (const login of demo.logins) console.log(`  ${login.role.padEnd(22)} ${login.email}`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await app.close();
    await database.close();
    process.exit(0);
  });
}
