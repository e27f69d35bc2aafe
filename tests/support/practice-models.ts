import type { Db } from "../../src/db/types.js";
import { findDraft, insertDraft, insertModel, publishDraft } from "../../src/features/model/model.repo.js";
import { templateContent } from "../../src/features/model/templates/index.js";

/** A practice model with version 1 published and no draft, built straight in the database. */
export async function buildPracticeModel(db: Db, agencyId: string, publisherEmail: string): Promise<string> {
  const publisher = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", publisherEmail)
    .executeTakeFirstOrThrow();
  const id = await insertModel(db, agencyId, { name: "Practice model", description: "" });
  const draftId = await insertDraft(db, agencyId, id, JSON.stringify(templateContent("core-practice")));
  await publishDraft(db, agencyId, draftId, { number: 1, version: 1, userId: publisher.id });
  return id;
}

async function agencyOf(db: Db, modelId: string) {
  const row = await db.selectFrom("practice_models").select("agency_id").where("id", "=", modelId).executeTakeFirst();
  return row?.agency_id ?? null;
}

/** Everything a write may change about a model: its row and all its versions. */
export async function practiceModelState(db: Db, modelId: string): Promise<string> {
  const [model, versions] = await Promise.all([
    db.selectFrom("practice_models").selectAll().where("id", "=", modelId).executeTakeFirst(),
    db.selectFrom("model_versions").selectAll().where("model_id", "=", modelId).orderBy("id").execute(),
  ]);
  return JSON.stringify({ model, versions });
}

/** Back to version 1 only, then a draft copied from it when `withDraft`. */
export async function resetPracticeModel(db: Db, modelId: string, withDraft: boolean): Promise<void> {
  const agencyId = await agencyOf(db, modelId);
  if (!agencyId) return;
  await db
    .deleteFrom("model_versions")
    .where("model_id", "=", modelId)
    .where((eb) => eb.or([eb("status", "=", "draft"), eb("number", ">", 1)]))
    .execute();
  if (!withDraft) return;
  const first = await db
    .selectFrom("model_versions")
    .select("content_json")
    .where("model_id", "=", modelId)
    .where("number", "=", 1)
    .executeTakeFirstOrThrow();
  await insertDraft(db, agencyId, modelId, first.content_json);
}

/** A valid edit of the model's draft (or of a made-up one), so only authorization decides. */
export async function practiceModelDraftBody(db: Db, modelId: string) {
  const agencyId = await agencyOf(db, modelId);
  const draft = agencyId ? await findDraft(db, agencyId, modelId) : undefined;
  return {
    content: draft ? JSON.parse(draft.contentJson) : templateContent("blank"),
    version: draft?.version ?? 1,
  };
}

/** An exchange file holding version 1 of the model. */
export async function practiceModelFile(db: Db, modelId: string) {
  const row = await db
    .selectFrom("model_versions")
    .select("content_json")
    .where("model_id", "=", modelId)
    .where("number", "=", 1)
    .executeTakeFirstOrThrow();
  return {
    format: "cascade-practice-model",
    schemaVersion: 1,
    model: { name: "Imported model", description: "" },
    content: JSON.parse(row.content_json),
  };
}
