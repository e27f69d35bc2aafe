import type { Db } from "../../db/types.js";
import { updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";

export interface InstrumentRow {
  id: string;
  name: string;
  version: number;
}

export interface InstrumentVersionRow {
  id: string;
  instrumentId: string;
  number: number | null;
  status: "draft" | "published";
  contentJson: string;
  publishedAt: string | null;
  version: number;
}

export async function findInstrumentsOfAgency(db: Db, agencyId: string): Promise<InstrumentRow[]> {
  return db
    .selectFrom("fidelity_instruments")
    .select(["id", "name", "version"])
    .where("agency_id", "=", agencyId)
    .orderBy("name")
    .orderBy("id")
    .execute();
}

export async function findInstrumentById(db: Db, agencyId: string, id: string): Promise<InstrumentRow | undefined> {
  return db
    .selectFrom("fidelity_instruments")
    .select(["id", "name", "version"])
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findVersionsOfInstruments(db: Db, agencyId: string, instrumentIds: string[]) {
  if (instrumentIds.length === 0) return [];
  const rows = await db
    .selectFrom("fidelity_instrument_versions")
    .select(["id", "instrument_id", "number", "status", "content_json", "published_at", "version"])
    .where("agency_id", "=", agencyId)
    .where("instrument_id", "in", instrumentIds)
    .orderBy("number")
    .execute();
  return rows.map(
    (r): InstrumentVersionRow => ({
      id: r.id,
      instrumentId: r.instrument_id,
      number: r.number,
      status: r.status as InstrumentVersionRow["status"],
      contentJson: r.content_json,
      publishedAt: r.published_at,
      version: r.version,
    }),
  );
}

export async function insertInstrument(db: Db, agencyId: string, name: string, contentJson: string) {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("fidelity_instruments")
    .values({ id, agency_id: agencyId, name, created_at: now, updated_at: now, version: 1 })
    .execute();
  await insertInstrumentDraft(db, agencyId, id, contentJson);
  return id;
}

export async function insertInstrumentDraft(db: Db, agencyId: string, instrumentId: string, contentJson: string) {
  const now = nowUtc();
  await db
    .insertInto("fidelity_instrument_versions")
    .values({
      id: newId(),
      agency_id: agencyId,
      instrument_id: instrumentId,
      number: null,
      status: "draft",
      content_json: contentJson,
      published_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
}

export async function updateInstrumentDraft(
  db: Db,
  agencyId: string,
  versionId: string,
  contentJson: string,
  version: number,
) {
  const result = await db
    .updateTable("fidelity_instrument_versions")
    .set({ content_json: contentJson, updated_at: nowUtc(), version: version + 1 })
    .where("agency_id", "=", agencyId)
    .where("id", "=", versionId)
    .where("status", "=", "draft")
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

/** Moves the instrument's version so two publications at once are serialized by the row lock. */
export async function bumpInstrumentVersion(db: Db, agencyId: string, id: string) {
  await db
    .updateTable("fidelity_instruments")
    .set((eb) => ({ version: eb("version", "+", 1), updated_at: nowUtc() }))
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .execute();
}

export async function publishInstrumentDraft(
  db: Db,
  agencyId: string,
  versionId: string,
  publication: { number: number; version: number },
) {
  const now = nowUtc();
  const result = await db
    .updateTable("fidelity_instrument_versions")
    .set({
      status: "published",
      number: publication.number,
      published_at: now,
      updated_at: now,
      version: publication.version + 1,
    })
    .where("agency_id", "=", agencyId)
    .where("id", "=", versionId)
    .where("status", "=", "draft")
    .where("version", "=", publication.version)
    .executeTakeFirst();
  return updatedOneRow(result);
}
