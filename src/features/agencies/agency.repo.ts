import { preparedQuery } from "../../db/prepared-query.js";
import type { AgenciesTable } from "../../db/schema.js";
import type { Db } from "../../db/types.js";
import { updatedOneRow } from "../../db/types.js";
import { nowUtc } from "../../shared/time.js";
import { type Agency, type AgencySettingsUpdate, COACHING_FOLLOW_UP_DAYS } from "./agency.schema.js";

function toAgency(row: AgenciesTable): Agency {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    timeZone: row.time_zone,
    requireTotp: row.require_totp === 1,
    coachingFollowUpDays: row.coaching_follow_up_days,
    version: row.version,
  };
}

/** Read on most requests (home, settings, session), so compiled once. */
const agencyById = preparedQuery<{ agencyId: string }, AgenciesTable>((db, value) =>
  db.selectFrom("agencies").selectAll().where("id", "=", value("agencyId")),
);

export async function findAgencyById(db: Db, agencyId: string): Promise<Agency | undefined> {
  const [row] = await agencyById(db, { agencyId });
  return row ? toAgency(row) : undefined;
}

export async function insertAgency(db: Db, agency: { id: string; name: string; slug: string; timeZone: string }) {
  const now = nowUtc();
  await db
    .insertInto("agencies")
    .values({
      id: agency.id,
      name: agency.name,
      slug: agency.slug,
      time_zone: agency.timeZone,
      require_totp: 0,
      coaching_follow_up_days: COACHING_FOLLOW_UP_DAYS.default,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
}

/** Returns false when `expectedVersion` is stale (someone else saved first). */
export async function updateAgencySettings(db: Db, agencyId: string, update: AgencySettingsUpdate): Promise<boolean> {
  const result = await db
    .updateTable("agencies")
    .set((eb) => ({
      name: update.name,
      time_zone: update.timeZone,
      require_totp: update.requireTotp ? 1 : 0,
      coaching_follow_up_days: update.coachingFollowUpDays ?? eb.ref("coaching_follow_up_days"),
      updated_at: nowUtc(),
      version: eb("version", "+", 1),
    }))
    .where("id", "=", agencyId)
    .where("version", "=", update.version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

export async function findAgencyBySlug(db: Db, slug: string): Promise<Agency | undefined> {
  const row = await db.selectFrom("agencies").selectAll().where("slug", "=", slug).executeTakeFirst();
  return row ? toAgency(row) : undefined;
}
