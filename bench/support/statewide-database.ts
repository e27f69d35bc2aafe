/** The database a statewide benchmark reads: the one given, or a freshly generated temporary one. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../src/db/connection.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { generateStatewide, type StatewideOptions, type StatewideSummary } from "./statewide.js";

/**
 * Runs `measure` on `database`, or, when none is given, on the statewide data set generated
 * with `options` into a temporary SQLite file that is removed afterwards. `describe` says in a
 * line what was generated.
 */
export async function withStatewideDatabase<T>(
  database: string | null,
  options: StatewideOptions,
  describe: (summary: StatewideSummary) => string,
  measure: (database: string) => Promise<T>,
): Promise<T> {
  if (database) return measure(database);
  const dir = mkdtempSync(join(tmpdir(), "cascade-bench-"));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  // Interrupted, the process exits and the temporary database goes with it.
  const interrupted = () => process.exit(130);
  process.once("SIGINT", interrupted);
  process.once("exit", removeDir);
  try {
    const generated = join(dir, "statewide.db");
    console.log("Generating the statewide data set into a temporary SQLite database (a few minutes)…");
    const handle = openDatabase(generated);
    try {
      await migrateToLatest(handle.db, handle.dialect);
      console.log(`  ${describe(await generateStatewide(handle.db, options))}`);
    } finally {
      await handle.close();
    }
    return await measure(generated);
  } finally {
    process.off("SIGINT", interrupted);
    process.off("exit", removeDir);
    removeDir();
  }
}
