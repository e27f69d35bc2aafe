import type { Db } from "../../db/types.js";
import { toCount } from "../../db/types.js";

/** Failed sign-ins are counted in the database, so every server instance sees the same count. */
export async function countRecentFailures(db: Db, throttleKey: string, sinceUtc: string): Promise<number> {
  const row = await db
    .selectFrom("login_attempts")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("throttle_key", "=", throttleKey)
    .where("attempted_at", ">=", sinceUtc)
    .executeTakeFirstOrThrow();
  return toCount(row.n);
}

export async function oldestRecentFailure(db: Db, throttleKey: string, sinceUtc: string) {
  const row = await db
    .selectFrom("login_attempts")
    .select((eb) => eb.fn.min("attempted_at").as("oldest"))
    .where("throttle_key", "=", throttleKey)
    .where("attempted_at", ">=", sinceUtc)
    .executeTakeFirst();
  return row?.oldest ?? null;
}

export async function recordFailure(db: Db, throttleKeys: string[], atUtc: string): Promise<void> {
  await db
    .insertInto("login_attempts")
    .values(throttleKeys.map((throttle_key) => ({ throttle_key, attempted_at: atUtc })))
    .execute();
}

export async function clearFailures(db: Db, throttleKey: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("throttle_key", "=", throttleKey).execute();
}

export async function deleteFailuresBefore(db: Db, cutoffUtc: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("attempted_at", "<", cutoffUtc).execute();
}
