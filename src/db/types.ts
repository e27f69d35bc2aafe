import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

/** A connection or an open transaction: repositories accept either. */
export type Db = Kysely<Database>;

/** PostgreSQL returns counts as strings, SQLite as numbers. */
export function toCount(value: string | number | bigint | null | undefined): number {
  return Number(value ?? 0);
}

/**
 * True when an update touched exactly one row. Optimistic updates filter on the version the
 * caller read, so false means someone else saved first (or the row is gone).
 */
export function updatedOneRow(result: { numUpdatedRows: bigint }): boolean {
  return result.numUpdatedRows === 1n;
}
