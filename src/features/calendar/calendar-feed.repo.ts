import type { Db } from "../../db/types.js";

export async function findCalendarFeedOfUser(db: Db, agencyId: string, userId: string) {
  return db
    .selectFrom("calendar_feeds")
    .select(["id", "created_at"])
    .where("agency_id", "=", agencyId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

/** Gives the account a new feed address; the old one, if any, stops working at once. */
export async function replaceCalendarFeed(
  db: Db,
  feed: { id: string; agencyId: string; userId: string; tokenHash: string; createdAt: string },
) {
  await deleteCalendarFeedOfUser(db, feed.agencyId, feed.userId);
  await db
    .insertInto("calendar_feeds")
    .values({
      id: feed.id,
      agency_id: feed.agencyId,
      user_id: feed.userId,
      token_hash: feed.tokenHash,
      created_at: feed.createdAt,
    })
    .execute();
}

export async function deleteCalendarFeedOfUser(db: Db, agencyId: string, userId: string) {
  const result = await db
    .deleteFrom("calendar_feeds")
    .where("agency_id", "=", agencyId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The account behind a feed address, with what the feed needs to know about it. */
export async function findCalendarFeedOwner(db: Db, tokenHash: string) {
  return db
    .selectFrom("calendar_feeds as f")
    .innerJoin("users as u", (j) => j.onRef("u.id", "=", "f.user_id").onRef("u.agency_id", "=", "f.agency_id"))
    .innerJoin("agencies as a", "a.id", "f.agency_id")
    .select(["f.agency_id", "u.person_id", "u.is_active", "u.display_name", "a.name as agency_name"])
    .where("f.token_hash", "=", tokenHash)
    .executeTakeFirst();
}
