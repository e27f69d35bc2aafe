import type { Db } from "../../db/types.js";
import { AppError, type FieldError, notFound, staleVersion } from "../../server/errors.js";
import { newId } from "../../shared/ids.js";
import { type Actor, authorize } from "../access/policy.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import { findModelInUse, type PublishedModel } from "../model/model.service.js";
import {
  type CurriculumRow,
  findCurricula,
  findCurriculaOfModel,
  findCurriculumById,
  insertCurriculum,
  updateCurriculum,
} from "./curriculum.repo.js";
import type { Curriculum, CurriculumInput, CurriculumUpdate, TrainingModule } from "./curriculum.schema.js";

const here = (actor: Actor) => ({ agencyId: actor.agencyId });
const CURRICULUM = "The curriculum";

function toCurriculum(row: CurriculumRow): Curriculum {
  return { ...row, totalMinutes: row.modules.reduce((sum, m) => sum + m.durationMinutes, 0) };
}

/**
 * Modules point at elements and behaviors of the model in use; ids it does not hold are refused
 * so a module never claims to cover something the agency's model does not have.
 */
function modulesFor(input: CurriculumInput, model: PublishedModel | null): TrainingModule[] {
  const elements = new Set(model?.content.elements.map((e) => e.id) ?? []);
  const behaviors = new Set(model?.content.elements.flatMap((e) => e.behaviors.map((b) => b.id)) ?? []);
  const errors: FieldError[] = [];
  input.modules.forEach((module, i) => {
    module.elementIds.forEach((id, j) => {
      if (!elements.has(id))
        errors.push({
          field: `modules.${i}.elementIds.${j}`,
          message: "That element is not in the practice model in use.",
        });
    });
    module.behaviorIds.forEach((id, j) => {
      if (!behaviors.has(id))
        errors.push({
          field: `modules.${i}.behaviorIds.${j}`,
          message: "That behavior is not in the practice model in use.",
        });
    });
  });
  if (errors.length > 0) throw new AppError("VALIDATION", "Some fields need attention.", { fieldErrors: errors });
  return input.modules.map((m) => ({
    id: m.id || newId(),
    title: m.title,
    durationMinutes: m.durationMinutes,
    audiences: [...new Set(m.audiences)],
    elementIds: [...new Set(m.elementIds)],
    behaviorIds: [...new Set(m.behaviorIds)],
  }));
}

function fieldsOf(input: CurriculumInput, model: PublishedModel | null) {
  return {
    title: input.title,
    description: input.description,
    modelId: model?.modelId ?? null,
    modelVersionNumber: model?.versionNumber ?? null,
    modules: modulesFor(input, model),
  };
}

function audit(db: Db, actor: Actor, action: "create" | "update", after: Curriculum, before?: Curriculum) {
  return recordAuditEvent(db, {
    agencyId: actor.agencyId,
    actorUserId: actor.userId,
    action,
    entityType: "curriculum",
    entityId: after.id,
    summary: `${action === "create" ? "Created" : "Edited"} curriculum ${after.title} (${after.modules.length} modules)`,
    ...(before ? { before } : {}),
    after,
  });
}

export async function listCurricula(db: Db, actor: Actor) {
  authorize(actor, "training.read", here(actor));
  return { items: (await findCurricula(db, actor.agencyId)).map(toCurriculum) };
}

async function loadCurriculum(db: Db, actor: Actor, id: string, action: "training.read" | "training.manage") {
  const row = await findCurriculumById(db, actor.agencyId, id);
  if (!row) throw notFound(CURRICULUM);
  authorize(actor, action, here(actor), CURRICULUM);
  return row;
}

export async function getCurriculum(db: Db, actor: Actor, id: string) {
  return toCurriculum(await loadCurriculum(db, actor, id, "training.read"));
}

export async function createCurriculum(db: Db, actor: Actor, input: CurriculumInput) {
  authorize(actor, "training.manage", here(actor));
  return db.transaction().execute(async (trx) => {
    const model = await findModelInUse(trx, actor.agencyId);
    const id = await insertCurriculum(trx, actor.agencyId, fieldsOf(input, model));
    const after = toCurriculum((await findCurriculumById(trx, actor.agencyId, id)) as CurriculumRow);
    await audit(trx, actor, "create", after);
    return after;
  });
}

/** Saves the curriculum against the model in use now; send the version you read, or get 409. */
export async function editCurriculum(db: Db, actor: Actor, id: string, input: CurriculumUpdate) {
  return db.transaction().execute(async (trx) => {
    const before = toCurriculum(await loadCurriculum(trx, actor, id, "training.manage"));
    const model = await findModelInUse(trx, actor.agencyId);
    if (!(await updateCurriculum(trx, actor.agencyId, id, fieldsOf(input, model), input.version))) {
      throw staleVersion(before);
    }
    const after = toCurriculum((await findCurriculumById(trx, actor.agencyId, id)) as CurriculumRow);
    await audit(trx, actor, "update", after, before);
    return after;
  });
}

/**
 * For the model editor: how many training modules cover any of these elements or behaviors of
 * the model, so an element still taught is not deleted from under them.
 */
export async function countTrainingRecordsReferencingModelItems(
  db: Db,
  agencyId: string,
  modelId: string,
  itemIds: string[],
): Promise<number> {
  const wanted = new Set(itemIds);
  const curricula = await findCurriculaOfModel(db, agencyId, modelId);
  return curricula
    .flatMap((c) => c.modules)
    .filter((m) => m.elementIds.some((id) => wanted.has(id)) || m.behaviorIds.some((id) => wanted.has(id))).length;
}
