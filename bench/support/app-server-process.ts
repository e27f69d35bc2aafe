/**
 * Cascade on a given database, listening on a free loopback port, as a child process of a
 * benchmark so the load generator does not share its event loop. Sends the port to the parent
 * and stops when the parent disconnects. Started by `withAppServer`.
 */
import type { AddressInfo } from "node:net";
import { openDatabase } from "../../src/db/connection.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { buildApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";

const database = process.argv[2];
if (!database) throw new Error("name the database to serve");
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
