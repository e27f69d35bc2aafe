import type { Db } from "../../db/types.js";
import { updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import type { ItemRating } from "./delivery-checklist.js";

export interface DeliveryCheckRow {
  id: string;
  sessionId: string;
  sessionTitle: string;
  sessionStartsAt: string;
  observerPersonId: string;
  observerName: string;
  ratings: ItemRating[] | null;
  comment: string;
  recordedAt: string | null;
  version: number;
}

function checksQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("training_delivery_checks as c")
    .innerJoin("training_sessions as s", (j) =>
      j.onRef("s.id", "=", "c.session_id").onRef("s.agency_id", "=", "c.agency_id"),
    )
    .innerJoin("people as o", (j) =>
      j.onRef("o.id", "=", "c.observer_person_id").onRef("o.agency_id", "=", "c.agency_id"),
    )
    .select([
      "c.id",
      "c.session_id",
      "s.title",
      "s.starts_at",
      "c.observer_person_id",
      "o.given_name",
      "o.family_name",
      "c.ratings_json",
      "c.comment",
      "c.recorded_at",
      "c.version",
    ])
    .where("c.agency_id", "=", agencyId);
}

type CheckSelection = Awaited<ReturnType<ReturnType<typeof checksQuery>["executeTakeFirstOrThrow"]>>;

function toRow(r: CheckSelection): DeliveryCheckRow {
  return {
    id: r.id,
    sessionId: r.session_id,
    sessionTitle: r.title,
    sessionStartsAt: r.starts_at,
    observerPersonId: r.observer_person_id,
    observerName: `${r.given_name} ${r.family_name}`,
    ratings: r.ratings_json === null ? null : (JSON.parse(r.ratings_json) as ItemRating[]),
    comment: r.comment,
    recordedAt: r.recorded_at,
    version: r.version,
  };
}

/**
 * Checks in session order. With a person, only those they observe or whose session they
 * train; without, the whole agency's.
 */
export async function findDeliveryChecks(db: Db, agencyId: string, personId: string | null) {
  let query = checksQuery(db, agencyId);
  if (personId !== null) {
    query = query.where((eb) =>
      eb.or([
        eb("c.observer_person_id", "=", personId),
        eb.exists(
          eb
            .selectFrom("training_session_trainers as t")
            .select("t.id")
            .whereRef("t.session_id", "=", "c.session_id")
            .where("t.agency_id", "=", agencyId)
            .where("t.person_id", "=", personId),
        ),
      ]),
    );
  }
  const rows = await query.orderBy("s.starts_at").orderBy("c.id").execute();
  return rows.map(toRow);
}

export async function findDeliveryCheckById(db: Db, agencyId: string, id: string) {
  const row = await checksQuery(db, agencyId).where("c.id", "=", id).executeTakeFirst();
  return row && toRow(row);
}

export async function findDeliveryCheckOfSession(db: Db, agencyId: string, sessionId: string) {
  const row = await checksQuery(db, agencyId).where("c.session_id", "=", sessionId).executeTakeFirst();
  return row && toRow(row);
}

/** Names of each session's trainers, staff and partners alike, lead trainers first. */
export async function findTrainerNamesOfSessions(db: Db, agencyId: string, sessionIds: string[]) {
  if (sessionIds.length === 0) return new Map<string, string[]>();
  const rows = await db
    .selectFrom("training_session_trainers as t")
    .leftJoin("people as p", (j) => j.onRef("p.id", "=", "t.person_id").onRef("p.agency_id", "=", "t.agency_id"))
    .leftJoin("partner_people as pp", (j) =>
      j.onRef("pp.id", "=", "t.partner_person_id").onRef("pp.agency_id", "=", "t.agency_id"),
    )
    .select(["t.session_id", "t.role", "t.person_id", "p.given_name", "p.family_name", "pp.full_name"])
    .where("t.agency_id", "=", agencyId)
    .where("t.session_id", "in", sessionIds)
    .orderBy("t.created_at")
    .orderBy("t.id")
    .execute();
  const names = new Map<string, { name: string; lead: boolean }[]>();
  for (const r of rows) {
    const name = r.person_id ? `${r.given_name ?? ""} ${r.family_name ?? ""}` : (r.full_name ?? "");
    names.set(r.session_id, [...(names.get(r.session_id) ?? []), { name, lead: r.role === "lead" }]);
  }
  return new Map(
    [...names].map(([id, list]) => [
      id,
      list.sort((a, b) => Number(b.lead) - Number(a.lead) || a.name.localeCompare(b.name)).map((t) => t.name),
    ]),
  );
}

export async function insertDeliveryCheck(db: Db, agencyId: string, sessionId: string, observerPersonId: string) {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("training_delivery_checks")
    .values({
      id,
      agency_id: agencyId,
      session_id: sessionId,
      observer_person_id: observerPersonId,
      ratings_json: null,
      comment: "",
      recorded_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

export async function updateObserver(db: Db, agencyId: string, id: string, observerPersonId: string, version: number) {
  const result = await db
    .updateTable("training_delivery_checks")
    .set({ observer_person_id: observerPersonId, version: version + 1, updated_at: nowUtc() })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

export async function updateRatings(
  db: Db,
  agencyId: string,
  id: string,
  values: { ratings: ItemRating[]; comment: string },
  version: number,
) {
  const now = nowUtc();
  const result = await db
    .updateTable("training_delivery_checks")
    .set({
      ratings_json: JSON.stringify(values.ratings),
      comment: values.comment,
      recorded_at: now,
      updated_at: now,
      version: version + 1,
    })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}
