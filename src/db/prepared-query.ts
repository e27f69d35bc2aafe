import { type Compilable, CompiledQuery } from "kysely";
import type { Db } from "./types.js";

/**
 * A query on the request hot path, built and compiled by Kysely once per database instead of
 * on every call. Building is written as usual, with named placeholders standing for the values;
 * each run swaps the real values in. Kysely still writes the SQL for each dialect, so there is
 * still one implementation for SQLite and PostgreSQL.
 *
 * Use it only where profiling shows query building matters: building and compiling a query
 * costs about as much as running a small indexed one.
 */
export function preparedQuery<Params extends Record<string, unknown>, Row>(
  build: (db: Db, placeholder: <K extends keyof Params & string>(name: K) => Params[K]) => Compilable<Row>,
) {
  const compiledByDb = new WeakMap<Db, { sql: string; compiled: CompiledQuery<Row>; slots: (string | null)[] }>();
  const marker = (name: string) => `\u0000placeholder:${name}`;

  function compileFor(db: Db) {
    let entry = compiledByDb.get(db);
    if (!entry) {
      const compiled = build(db, (name) => marker(name) as never).compile();
      const slots = compiled.parameters.map((value) =>
        typeof value === "string" && value.startsWith("\u0000placeholder:") ? value.slice(13) : null,
      );
      entry = { sql: compiled.sql, compiled, slots };
      compiledByDb.set(db, entry);
    }
    return entry;
  }

  return async function run(db: Db, params: Params): Promise<Row[]> {
    const { compiled, slots } = compileFor(db);
    const parameters = compiled.parameters.map((value, i) => {
      const slot = slots[i];
      return slot === null || slot === undefined ? value : params[slot];
    });
    const result = await db.executeQuery<Row>(CompiledQuery.raw(compiled.sql, parameters));
    return result.rows;
  };
}
