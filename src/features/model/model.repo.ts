import type { Db } from "../../db/types.js";
import { updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";

export interface ModelRow {
  id: string;
  name: string;
  description: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface VersionRow {
  id: string;
  modelId: string;
  number: number | null;
  status: "draft" | "published";
  publishedAt: string | null;
  publishedByUserId: string | null;
  contentJson: string;
  version: number;
  updatedAt: string;
}

const modelColumns = ["id", "name", "description", "version", "created_at", "updated_at"] as const;

function toModelRow(r: {
  id: string;
  name: string;
  description: string;
  version: number;
  created_at: string;
  updated_at: string;
}): ModelRow {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findModelsOfAgency(db: Db, agencyId: string) {
  const rows = await db
    .selectFrom("practice_models")
    .select(modelColumns)
    .where("agency_id", "=", agencyId)
    .orderBy("name")
    .orderBy("id")
    .execute();
  return rows.map(toModelRow);
}

export async function findModelById(db: Db, agencyId: string, id: string) {
  const row = await db
    .selectFrom("practice_models")
    .select(modelColumns)
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toModelRow(row);
}

export async function insertModel(db: Db, agencyId: string, input: { name: string; description: string }) {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("practice_models")
    .values({
      id,
      agency_id: agencyId,
      name: input.name,
      description: input.description,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

export async function updateModel(
  db: Db,
  agencyId: string,
  id: string,
  input: { name: string; description: string; version: number },
) {
  const result = await db
    .updateTable("practice_models")
    .set({ name: input.name, description: input.description, updated_at: nowUtc(), version: input.version + 1 })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", input.version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

/** Any change to a model's versions moves the model's own version, so open pages see it. */
export async function touchModel(db: Db, agencyId: string, id: string) {
  await db
    .updateTable("practice_models")
    .set((eb) => ({ version: eb("version", "+", 1), updated_at: nowUtc() }))
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .execute();
}

const versionColumns = [
  "id",
  "model_id",
  "number",
  "status",
  "published_at",
  "published_by_user_id",
  "content_json",
  "version",
  "updated_at",
] as const;

function versionsQuery(db: Db, agencyId: string, modelId: string) {
  return db
    .selectFrom("model_versions")
    .select(versionColumns)
    .where("agency_id", "=", agencyId)
    .where("model_id", "=", modelId);
}

type VersionSelection = Awaited<ReturnType<ReturnType<typeof versionsQuery>["executeTakeFirstOrThrow"]>>;

function toVersionRow(r: VersionSelection): VersionRow {
  return {
    id: r.id,
    modelId: r.model_id,
    number: r.number,
    status: r.status === "draft" ? "draft" : "published",
    publishedAt: r.published_at,
    publishedByUserId: r.published_by_user_id,
    contentJson: r.content_json,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

/** Every version of the agency's models, without their documents: for lists. */
export async function findVersionHeadsOfAgency(db: Db, agencyId: string) {
  return db
    .selectFrom("model_versions as v")
    .leftJoin("users as u", (j) =>
      j.onRef("u.id", "=", "v.published_by_user_id").onRef("u.agency_id", "=", "v.agency_id"),
    )
    .select(["v.id", "v.model_id", "v.number", "v.status", "v.published_at", "v.version", "v.updated_at", "u.email"])
    .where("v.agency_id", "=", agencyId)
    .orderBy("v.number")
    .execute();
}

export async function findPublishedVersion(db: Db, agencyId: string, modelId: string, number: number) {
  const row = await versionsQuery(db, agencyId, modelId)
    .where("status", "=", "published")
    .where("number", "=", number)
    .executeTakeFirst();
  return row && toVersionRow(row);
}

export async function findLatestPublishedVersion(db: Db, agencyId: string, modelId: string) {
  const row = await versionsQuery(db, agencyId, modelId)
    .where("status", "=", "published")
    .orderBy("number", "desc")
    .executeTakeFirst();
  return row && toVersionRow(row);
}

export async function findDraft(db: Db, agencyId: string, modelId: string) {
  const row = await versionsQuery(db, agencyId, modelId).where("status", "=", "draft").executeTakeFirst();
  return row && toVersionRow(row);
}

export async function insertDraft(db: Db, agencyId: string, modelId: string, contentJson: string) {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("model_versions")
    .values({
      id,
      agency_id: agencyId,
      model_id: modelId,
      number: null,
      status: "draft",
      published_at: null,
      published_by_user_id: null,
      content_json: contentJson,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

/** Changes a draft's document; only ever matches a draft at the version the editor read. */
export async function updateDraftContent(db: Db, agencyId: string, id: string, contentJson: string, version: number) {
  const result = await db
    .updateTable("model_versions")
    .set({ content_json: contentJson, updated_at: nowUtc(), version: version + 1 })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("status", "=", "draft")
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

/** Freezes a draft as the given number; the unique index on (model, number) refuses a second one. */
export async function publishDraft(
  db: Db,
  agencyId: string,
  id: string,
  change: { number: number; version: number; userId: string },
) {
  const now = nowUtc();
  const result = await db
    .updateTable("model_versions")
    .set({
      status: "published",
      number: change.number,
      published_at: now,
      published_by_user_id: change.userId,
      updated_at: now,
      version: change.version + 1,
    })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("status", "=", "draft")
    .where("version", "=", change.version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

/** The agency's most recently published version of any model: "the model in use". */
export async function findNewestPublicationOfAgency(db: Db, agencyId: string) {
  const row = await db
    .selectFrom("model_versions")
    .select(versionColumns)
    .where("agency_id", "=", agencyId)
    .where("status", "=", "published")
    .orderBy("published_at", "desc")
    .orderBy("id")
    .executeTakeFirst();
  return row && toVersionRow(row);
}
