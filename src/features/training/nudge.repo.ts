import type { Db } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";

export interface NudgeRow {
  id: string;
  personId: string;
  nudgedByName: string;
  sessionId: string | null;
  message: string;
  createdAt: string;
  dismissedAt: string | null;
}

function nudgesQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("training_nudges as n")
    .innerJoin("people as by", (j) =>
      j.onRef("by.id", "=", "n.nudged_by_person_id").onRef("by.agency_id", "=", "n.agency_id"),
    )
    .select([
      "n.id",
      "n.person_id",
      "by.given_name",
      "by.family_name",
      "n.session_id",
      "n.message",
      "n.created_at",
      "n.dismissed_at",
    ])
    .where("n.agency_id", "=", agencyId);
}

type NudgeSelection = Awaited<ReturnType<ReturnType<typeof nudgesQuery>["executeTakeFirstOrThrow"]>>;

function toRow(r: NudgeSelection): NudgeRow {
  return {
    id: r.id,
    personId: r.person_id,
    nudgedByName: `${r.given_name} ${r.family_name}`,
    sessionId: r.session_id,
    message: r.message,
    createdAt: r.created_at,
    dismissedAt: r.dismissed_at,
  };
}

export async function findNudgeById(db: Db, agencyId: string, id: string) {
  const row = await nudgesQuery(db, agencyId).where("n.id", "=", id).executeTakeFirst();
  return row && toRow(row);
}

/** The person's latest nudge they have not dismissed. */
export async function findLatestOpenNudge(db: Db, agencyId: string, personId: string) {
  const row = await nudgesQuery(db, agencyId)
    .where("n.person_id", "=", personId)
    .where("n.dismissed_at", "is", null)
    .orderBy("n.created_at", "desc")
    .orderBy("n.id", "desc")
    .executeTakeFirst();
  return row && toRow(row);
}

/** When each of these people was last nudged, for the supervisor's status list. */
export async function findLastNudgedAt(db: Db, agencyId: string, personIds: string[]) {
  if (personIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom("training_nudges")
    .select(["person_id"])
    .select((eb) => eb.fn.max("created_at").as("last"))
    .where("agency_id", "=", agencyId)
    .where("person_id", "in", personIds)
    .groupBy("person_id")
    .execute();
  return new Map(rows.map((r) => [r.person_id, r.last]));
}

export async function insertNudge(
  db: Db,
  agencyId: string,
  nudge: { personId: string; nudgedByPersonId: string; sessionId: string | null; message: string },
) {
  const id = newId();
  await db
    .insertInto("training_nudges")
    .values({
      id,
      agency_id: agencyId,
      person_id: nudge.personId,
      nudged_by_person_id: nudge.nudgedByPersonId,
      session_id: nudge.sessionId,
      message: nudge.message,
      created_at: nowUtc(),
      dismissed_at: null,
    })
    .execute();
  return id;
}

export async function markNudgeDismissed(db: Db, agencyId: string, id: string) {
  await db
    .updateTable("training_nudges")
    .set({ dismissed_at: nowUtc() })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("dismissed_at", "is", null)
    .execute();
}
