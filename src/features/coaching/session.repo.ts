import type { Db } from "../../db/types.js";
import { toCount, updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import type { SessionInput, SessionStart } from "./coaching.schema.js";

export interface SessionRow {
  id: string;
  engagementId: string;
  status: "draft" | "final";
  sessionDate: string;
  startTime: string | null;
  durationMinutes: number;
  format: SessionInput["format"];
  location: string;
  participants: SessionInput["participants"];
  focusItemIds: string[];
  stepsCovered: SessionInput["stepsCovered"];
  reflectionEasy: string;
  reflectionHard: string;
  reflectionConfident: string;
  privateNotes: string;
  sharedSummary: string;
  actionItems: SessionInput["actionItems"];
  version: number;
}

type SessionSelection = Awaited<ReturnType<ReturnType<typeof sessionsQuery>["executeTakeFirstOrThrow"]>>;

function sessionsQuery(db: Db, agencyId: string) {
  return db.selectFrom("coaching_sessions").selectAll().where("agency_id", "=", agencyId);
}

function toSession(r: SessionSelection): SessionRow {
  return {
    id: r.id,
    engagementId: r.engagement_id,
    status: r.status as SessionRow["status"],
    sessionDate: r.session_date,
    startTime: r.start_time,
    durationMinutes: r.duration_minutes,
    format: r.session_format as SessionRow["format"],
    location: r.location,
    participants: JSON.parse(r.participants),
    focusItemIds: JSON.parse(r.focus_item_ids),
    stepsCovered: JSON.parse(r.steps_covered),
    reflectionEasy: r.reflection_easy,
    reflectionHard: r.reflection_hard,
    reflectionConfident: r.reflection_confident,
    privateNotes: r.private_notes,
    sharedSummary: r.shared_summary,
    actionItems: JSON.parse(r.action_items),
    version: r.version,
  };
}

export async function findSessionById(db: Db, agencyId: string, id: string) {
  const row = await sessionsQuery(db, agencyId).where("id", "=", id).executeTakeFirst();
  return row && toSession(row);
}

/**
 * One page of an engagement's coaching log, newest first, with how many entries there are in
 * all. Only what a log line shows is read: whether there are private notes, never their text.
 */
export async function findSessionLogPage(
  db: Db,
  agencyId: string,
  engagementId: string,
  options: { finalOnly: boolean; limit: number; offset: number },
) {
  let query = db
    .selectFrom("coaching_sessions")
    .where("agency_id", "=", agencyId)
    .where("engagement_id", "=", engagementId);
  if (options.finalOnly) query = query.where("status", "=", "final");
  const [rows, countRow] = await Promise.all([
    query
      .select(["id", "status", "session_date", "duration_minutes", "session_format", "shared_summary"])
      .select((eb) => eb.case().when("private_notes", "=", "").then(0).else(1).end().as("has_private_notes"))
      .orderBy("session_date", "desc")
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll().as("n")).executeTakeFirst(),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      status: r.status as SessionRow["status"],
      sessionDate: r.session_date,
      durationMinutes: r.duration_minutes,
      format: r.session_format,
      sharedSummary: r.shared_summary,
      hasPrivateNotes: Number(r.has_private_notes) === 1,
    })),
    total: toCount(countRow?.n),
  };
}

export async function insertSession(
  db: Db,
  agencyId: string,
  engagementId: string,
  start: SessionStart,
  createdByUserId: string,
) {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("coaching_sessions")
    .values({
      id,
      agency_id: agencyId,
      engagement_id: engagementId,
      status: "draft",
      session_date: start.sessionDate,
      start_time: start.startTime,
      duration_minutes: start.durationMinutes,
      session_format: start.format,
      location: "",
      participants: "[]",
      focus_item_ids: "[]",
      steps_covered: "[]",
      reflection_easy: "",
      reflection_hard: "",
      reflection_confident: "",
      private_notes: "",
      shared_summary: "",
      action_items: "[]",
      created_by_user_id: createdByUserId,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

export async function updateSession(db: Db, agencyId: string, id: string, input: SessionInput) {
  const result = await db
    .updateTable("coaching_sessions")
    .set({
      status: input.status,
      session_date: input.sessionDate,
      start_time: input.startTime,
      duration_minutes: input.durationMinutes,
      session_format: input.format,
      location: input.location,
      participants: JSON.stringify(input.participants),
      focus_item_ids: JSON.stringify(input.focusItemIds),
      steps_covered: JSON.stringify(input.stepsCovered),
      reflection_easy: input.reflectionEasy,
      reflection_hard: input.reflectionHard,
      reflection_confident: input.reflectionConfident,
      private_notes: input.privateNotes,
      shared_summary: input.sharedSummary,
      action_items: JSON.stringify(input.actionItems),
      updated_at: nowUtc(),
      version: input.version + 1,
    })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", input.version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

export async function findBarriersOfSession(db: Db, agencyId: string, sessionId: string) {
  const rows = await db
    .selectFrom("coaching_barriers")
    .select(["description", "category"])
    .where("agency_id", "=", agencyId)
    .where("session_id", "=", sessionId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    description: r.description,
    category: r.category as SessionInput["barriers"][number]["category"],
  }));
}

/** A session's barriers are replaced as a whole while it is written; routed ones stay as they were. */
export async function replaceBarriersOfSession(
  db: Db,
  agencyId: string,
  sessionId: string,
  barriers: SessionInput["barriers"],
) {
  await db
    .deleteFrom("coaching_barriers")
    .where("agency_id", "=", agencyId)
    .where("session_id", "=", sessionId)
    .where("routed_at", "is", null)
    .execute();
  if (barriers.length === 0) return;
  const now = nowUtc();
  await db
    .insertInto("coaching_barriers")
    .values(
      barriers.map((b) => ({
        id: newId(),
        agency_id: agencyId,
        session_id: sessionId,
        description: b.description,
        category: b.category,
        created_at: now,
      })),
    )
    .execute();
}

/** Sessions (drafts included) of engagements that are not closed, for a person's calendar. */
export async function findCalendarSessions(db: Db, agencyId: string, engagementIds: string[]) {
  if (engagementIds.length === 0) return [];
  return db
    .selectFrom("coaching_sessions")
    .select([
      "id",
      "engagement_id",
      "status",
      "session_date",
      "start_time",
      "duration_minutes",
      "session_format",
      "location",
    ])
    .where("agency_id", "=", agencyId)
    .where("engagement_id", "in", engagementIds)
    .orderBy("session_date")
    .execute();
}

export async function countSessionsReferencingItems(
  db: Db,
  agencyId: string,
  engagementIds: string[],
  itemIds: string[],
) {
  if (engagementIds.length === 0) return 0;
  const rows = await db
    .selectFrom("coaching_sessions")
    .select("focus_item_ids")
    .where("agency_id", "=", agencyId)
    .where("engagement_id", "in", engagementIds)
    .execute();
  const wanted = new Set(itemIds);
  return rows.filter((r) => (JSON.parse(r.focus_item_ids) as string[]).some((id) => wanted.has(id))).length;
}

/**
 * What an engagement's logged sessions left to follow up: each session's action items (with
 * the session's version, which guards a change to them) and every barrier raised, newest first.
 */
export async function findFollowUpOfEngagement(db: Db, agencyId: string, engagementId: string) {
  const [sessions, barriers] = await Promise.all([
    db
      .selectFrom("coaching_sessions")
      .select(["id", "session_date", "action_items", "version"])
      .where("agency_id", "=", agencyId)
      .where("engagement_id", "=", engagementId)
      .where("status", "=", "final")
      .orderBy("session_date")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("coaching_barriers as b")
      .innerJoin("coaching_sessions as s", "s.id", "b.session_id")
      .select(["b.id", "b.session_id", "s.session_date", "b.description", "b.category"])
      .where("b.agency_id", "=", agencyId)
      .where("s.agency_id", "=", agencyId)
      .where("s.engagement_id", "=", engagementId)
      .where("s.status", "=", "final")
      .orderBy("s.session_date", "desc")
      .orderBy("b.created_at")
      .orderBy("b.id")
      .execute(),
  ]);
  return {
    sessions: sessions.map((s) => ({
      id: s.id,
      sessionDate: s.session_date,
      version: s.version,
      actionItems: JSON.parse(s.action_items) as SessionInput["actionItems"],
    })),
    barriers: barriers.map((b) => ({
      id: b.id,
      sessionId: b.session_id,
      sessionDate: b.session_date,
      description: b.description,
      category: b.category as SessionInput["barriers"][number]["category"],
    })),
  };
}

/** Only a session's action items change, and only if nobody saved the session in between. */
export async function updateActionItemsOfSession(
  db: Db,
  agencyId: string,
  id: string,
  actionItems: SessionInput["actionItems"],
  version: number,
) {
  const result = await db
    .updateTable("coaching_sessions")
    .set({ action_items: JSON.stringify(actionItems), updated_at: nowUtc(), version: version + 1 })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}
