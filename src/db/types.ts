import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

/** A connection or an open transaction: repositories accept either. */
export type Db = Kysely<Database>;

/** PostgreSQL returns counts as strings, SQLite as numbers. */
export function toCount(value: string | number | bigint | null | undefined): number {
  return Number(value ?? 0);
}
