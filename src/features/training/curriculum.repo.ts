import type { Db } from "../../db/types.js";
import { updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import type { TrainingModule } from "./curriculum.schema.js";

export interface CurriculumRow {
  id: string;
  title: string;
  description: string;
  modelId: string | null;
  modelVersionNumber: number | null;
  modules: TrainingModule[];
  updatedAt: string;
  version: number;
}

export interface CurriculumFields {
  title: string;
  description: string;
  modelId: string | null;
  modelVersionNumber: number | null;
  modules: TrainingModule[];
}

function curriculaQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("training_curricula")
    .select(["id", "title", "description", "model_id", "model_version_number", "modules_json", "updated_at", "version"])
    .where("agency_id", "=", agencyId);
}

type CurriculumSelection = Awaited<ReturnType<ReturnType<typeof curriculaQuery>["executeTakeFirstOrThrow"]>>;

function toCurriculumRow(r: CurriculumSelection): CurriculumRow {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    modelId: r.model_id,
    modelVersionNumber: r.model_version_number,
    modules: JSON.parse(r.modules_json) as TrainingModule[],
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export async function findCurricula(db: Db, agencyId: string) {
  const rows = await curriculaQuery(db, agencyId).orderBy("title").orderBy("id").execute();
  return rows.map(toCurriculumRow);
}

export async function findCurriculaOfModel(db: Db, agencyId: string, modelId: string) {
  const rows = await curriculaQuery(db, agencyId).where("model_id", "=", modelId).execute();
  return rows.map(toCurriculumRow);
}

export async function findCurriculumById(db: Db, agencyId: string, id: string) {
  const row = await curriculaQuery(db, agencyId).where("id", "=", id).executeTakeFirst();
  return row && toCurriculumRow(row);
}

export async function insertCurriculum(db: Db, agencyId: string, fields: CurriculumFields) {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("training_curricula")
    .values({
      id,
      agency_id: agencyId,
      title: fields.title,
      description: fields.description,
      model_id: fields.modelId,
      model_version_number: fields.modelVersionNumber,
      modules_json: JSON.stringify(fields.modules),
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

export async function updateCurriculum(
  db: Db,
  agencyId: string,
  id: string,
  fields: CurriculumFields,
  version: number,
) {
  const result = await db
    .updateTable("training_curricula")
    .set({
      title: fields.title,
      description: fields.description,
      model_id: fields.modelId,
      model_version_number: fields.modelVersionNumber,
      modules_json: JSON.stringify(fields.modules),
      updated_at: nowUtc(),
      version: version + 1,
    })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}
