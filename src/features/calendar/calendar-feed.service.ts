import { createHash, randomBytes } from "node:crypto";
import ical from "ical-generator";
import type { Db } from "../../db/types.js";
import { notFound } from "../../server/errors.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import type { Actor } from "../access/policy.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import type { CalendarEventSource } from "./calendar-events.js";
import {
  deleteCalendarFeedOfUser,
  findCalendarFeedOfUser,
  findCalendarFeedOwner,
  replaceCalendarFeed,
} from "./calendar-feed.repo.js";
import type { CalendarFeedStatus, NewCalendarFeed } from "./calendar-feed.schema.js";

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

export async function getCalendarFeedStatus(db: Db, actor: Actor): Promise<CalendarFeedStatus> {
  const feed = await findCalendarFeedOfUser(db, actor.agencyId, actor.userId);
  return { active: feed !== undefined, createdAt: feed?.created_at ?? null };
}

/** A new private feed address for the signed-in account; any earlier address stops working. */
export async function createCalendarFeed(db: Db, actor: Actor): Promise<NewCalendarFeed> {
  const token = randomBytes(32).toString("base64url");
  const feed = { id: newId(), agencyId: actor.agencyId, userId: actor.userId, createdAt: nowUtc() };
  await db.transaction().execute(async (trx) => {
    await replaceCalendarFeed(trx, { ...feed, tokenHash: hashOf(token) });
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "calendar-feed",
      entityId: feed.id,
      summary: "Made a new calendar feed address (any earlier one stopped working)",
      after: { createdAt: feed.createdAt },
    });
  });
  return { path: `/api/calendar/${token}.ics`, createdAt: feed.createdAt };
}

export async function revokeCalendarFeed(db: Db, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const existing = await findCalendarFeedOfUser(trx, actor.agencyId, actor.userId);
    if (!existing || !(await deleteCalendarFeedOfUser(trx, actor.agencyId, actor.userId))) {
      throw notFound("A calendar feed");
    }
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "delete",
      entityType: "calendar-feed",
      entityId: existing.id,
      summary: "Turned off the calendar feed",
      before: { createdAt: existing.created_at },
    });
  });
}

/**
 * The iCalendar text behind a feed address, gathered from every source for the account's
 * person. An unknown address, or one of a deactivated account, is simply not found.
 */
export async function renderCalendarFeed(db: Db, token: string, sources: readonly CalendarEventSource[]) {
  const owner = await findCalendarFeedOwner(db, hashOf(token));
  if (owner?.is_active !== 1) throw notFound("The calendar feed");
  const calendar = ical({
    name: `Cascade — ${owner.display_name}`,
    description: `Training and coaching sessions at ${owner.agency_name}`,
    prodId: { company: "Cascade", product: "calendar-feed", language: "EN" },
    // Calendar programs that honour it refresh hourly.
    ttl: 60 * 60,
  });
  if (owner.person_id) {
    const personId = owner.person_id;
    const events = (await Promise.all(sources.map((source) => source(db, owner.agency_id, personId)))).flat();
    events.sort((a, b) => a.startUtc.localeCompare(b.startUtc) || a.uid.localeCompare(b.uid));
    for (const event of events) {
      calendar.createEvent({
        id: event.uid,
        start: new Date(event.startUtc),
        end: new Date(event.endUtc),
        summary: event.summary,
        location: event.location || null,
        description: event.description || null,
      });
    }
  }
  return calendar.toString();
}
