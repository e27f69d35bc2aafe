import type { z } from "zod";
import type { Db } from "../../db/types.js";
import { AppError, type FieldError, fieldError, notFound, staleVersion } from "../../server/errors.js";
import { type Actor, authorize, canAct } from "../access/policy.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import {
  findDraft,
  findLatestPublishedVersion,
  findModelById,
  findModelsOfAgency,
  findNewestPublicationOfAgency,
  findPublishedVersion,
  findVersionHeadsOfAgency,
  insertDraft,
  insertModel,
  type ModelRow,
  publishDraft,
  touchModel,
  updateDraftContent,
  updateModel,
  type VersionRow,
} from "./model.repo.js";
import {
  type BookletQuery,
  type DraftUpdate,
  MODEL_EXPORT_FORMAT,
  MODEL_EXPORT_SCHEMA_VERSION,
  type Model,
  type ModelContent,
  type ModelExport,
  type ModelInput,
  type ModelUpdate,
  type ModelVersion,
  ZModelContent,
  ZModelExport,
} from "./model.schema.js";
import { renderBookletPdf } from "./model-booklet-pdf.js";
import { type ContentChange, diffModelContent } from "./model-diff.js";
import { referencesTo, removedItems } from "./model-references.js";
import { templateContent } from "./templates/index.js";

const here = (actor: Actor) => ({ agencyId: actor.agencyId });

function audit(
  db: Db,
  actor: Actor,
  event: { action: "create" | "update"; entityType: string; entityId: string; summary: string },
  states: { before?: unknown; after?: unknown },
) {
  return recordAuditEvent(db, { agencyId: actor.agencyId, actorUserId: actor.userId, ...event, ...states });
}

const mayEdit = (actor: Actor) => canAct(actor, "models.edit");

type Heads = Awaited<ReturnType<typeof findVersionHeadsOfAgency>>;

function toModel(row: ModelRow, heads: Heads, editor: boolean): Model {
  const own = heads.filter((h) => h.model_id === row.id);
  const numbers = own.filter((h) => h.status === "published").map((h) => h.number ?? 0);
  return {
    ...row,
    latestPublishedNumber: numbers.length ? Math.max(...numbers) : null,
    hasDraft: editor && own.some((h) => h.status === "draft"),
  };
}

function toVersion(row: VersionRow, publishedBy: string | null): ModelVersion {
  return {
    id: row.id,
    modelId: row.modelId,
    number: row.number,
    status: row.status,
    publishedAt: row.publishedAt,
    publishedBy,
    content: ZModelContent.parse(JSON.parse(row.contentJson)),
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

async function publisherOf(db: Db, agencyId: string, row: VersionRow) {
  if (!row.publishedByUserId) return null;
  const user = await db
    .selectFrom("users")
    .select("email")
    .where("agency_id", "=", agencyId)
    .where("id", "=", row.publishedByUserId)
    .executeTakeFirst();
  return user?.email ?? null;
}

export async function listModels(db: Db, actor: Actor): Promise<{ items: Model[] }> {
  authorize(actor, "models.read", here(actor));
  const editor = mayEdit(actor);
  const [models, heads] = await Promise.all([
    findModelsOfAgency(db, actor.agencyId),
    findVersionHeadsOfAgency(db, actor.agencyId),
  ]);
  const items = models.map((m) => toModel(m, heads, editor));
  // People who may not edit see only what has been published.
  return { items: editor ? items : items.filter((m) => m.latestPublishedNumber !== null) };
}

/**
 * Writes to a model's versions start by moving the model's own version: the row lock this
 * takes makes simultaneous drafts and publications of one model wait for each other, so the
 * second sees the first's result (a 409) instead of tripping over a unique index.
 */
async function lockModel(db: Db, actor: Actor, id: string) {
  await touchModel(db, actor.agencyId, id);
  return loadModel(db, actor, id, "models.edit");
}

/** The model, if the actor may see it: readers only see models with a published version. */
async function loadModel(db: Db, actor: Actor, id: string, action: "models.read" | "models.edit") {
  const model = await findModelById(db, actor.agencyId, id);
  if (!model) throw notFound("The practice model");
  authorize(actor, action, here(actor), "The practice model");
  const heads = (await findVersionHeadsOfAgency(db, actor.agencyId)).filter((h) => h.model_id === id);
  const result = toModel(model, heads, mayEdit(actor));
  if (!mayEdit(actor) && result.latestPublishedNumber === null) throw notFound("The practice model");
  return { model: result, heads };
}

export async function getModel(db: Db, actor: Actor, id: string) {
  const { model, heads } = await loadModel(db, actor, id, "models.read");
  const draft = model.hasDraft ? heads.find((h) => h.status === "draft") : undefined;
  return {
    ...model,
    versions: publishedSummaries(heads),
    draft: draft ? { id: draft.id, version: draft.version, updatedAt: draft.updated_at } : null,
  };
}

function publishedSummaries(heads: Heads) {
  return heads
    .filter((h) => h.status === "published")
    .map((h) => ({ number: h.number ?? 0, publishedAt: h.published_at ?? "", publishedBy: h.email }));
}

export async function listVersions(db: Db, actor: Actor, id: string) {
  const { heads } = await loadModel(db, actor, id, "models.read");
  return { items: publishedSummaries(heads) };
}

export async function getVersion(db: Db, actor: Actor, id: string, number: number) {
  await loadModel(db, actor, id, "models.read");
  const row = await findPublishedVersion(db, actor.agencyId, id, number);
  if (!row) throw notFound("That version");
  return toVersion(row, await publisherOf(db, actor.agencyId, row));
}

export async function getDraft(db: Db, actor: Actor, id: string) {
  await loadModel(db, actor, id, "models.edit");
  const row = await findDraft(db, actor.agencyId, id);
  if (!row) throw noDraft();
  return toVersion(row, null);
}

const noDraft = () =>
  new AppError(
    "CONFLICT",
    "This model has no draft. Published versions cannot be changed; start a new draft to make changes.",
  );

async function createWithContent(
  db: Db,
  actor: Actor,
  input: { name: string; description: string },
  content: ModelContent,
  how: string,
) {
  const id = await insertModel(db, actor.agencyId, input);
  const draftId = await insertDraft(db, actor.agencyId, id, JSON.stringify(content));
  await audit(
    db,
    actor,
    {
      action: "create",
      entityType: "practice_model",
      entityId: id,
      summary: `Created practice model ${input.name} ${how}`,
    },
    { after: { ...input, draftId, content } },
  );
  return getModel(db, actor, id);
}

export async function createModel(db: Db, actor: Actor, input: ModelInput) {
  authorize(actor, "models.edit", here(actor));
  return db
    .transaction()
    .execute((trx) =>
      createWithContent(trx, actor, input, templateContent(input.template), `from the ${input.template} template`),
    );
}

export async function renameModel(db: Db, actor: Actor, id: string, input: ModelUpdate) {
  return db.transaction().execute(async (trx) => {
    const { model: before } = await loadModel(trx, actor, id, "models.edit");
    if (!(await updateModel(trx, actor.agencyId, id, input))) throw staleVersion(await getModel(trx, actor, id));
    const after = await getModel(trx, actor, id);
    await audit(
      trx,
      actor,
      { action: "update", entityType: "practice_model", entityId: id, summary: `Edited practice model ${after.name}` },
      {
        before: { name: before.name, description: before.description },
        after: { name: after.name, description: after.description },
      },
    );
    return after;
  });
}

export async function updateDraft(db: Db, actor: Actor, id: string, input: DraftUpdate) {
  return db.transaction().execute(async (trx) => {
    const { model } = await lockModel(trx, actor, id);
    const before = await findDraft(trx, actor.agencyId, id);
    if (!before) throw noDraft();
    await refuseRemovingReferencedItems(trx, actor.agencyId, id, input.content);
    const contentJson = JSON.stringify(input.content);
    if (!(await updateDraftContent(trx, actor.agencyId, before.id, contentJson, input.version))) {
      throw staleVersion(toVersion(before, null));
    }
    await audit(
      trx,
      actor,
      {
        action: "update",
        entityType: "model_version",
        entityId: before.id,
        summary: `Edited the draft of practice model ${model.name}`,
      },
      { before: JSON.parse(before.contentJson), after: input.content },
    );
    return toVersion((await findDraft(trx, actor.agencyId, id)) as VersionRow, null);
  });
}

/**
 * Records (focuses, ratings, goals…) point at items of published versions. A draft may still
 * reword or reorder them, but dropping one that something refers to would leave those records
 * pointing at nothing in the next version, so the save is refused with what refers to it.
 */
async function refuseRemovingReferencedItems(db: Db, agencyId: string, modelId: string, draft: ModelContent) {
  const latest = await findLatestPublishedVersion(db, agencyId, modelId);
  if (!latest) return;
  const published = ZModelContent.parse(JSON.parse(latest.contentJson));
  const fieldErrors: FieldError[] = [];
  for (const removal of removedItems(published, draft)) {
    const references = await referencesTo(db, agencyId, modelId, removal.itemIds);
    if (references.length === 0) continue;
    const named = references.map((r) => `${r.label} (${r.count})`).join(", ");
    fieldErrors.push({
      field: removal.field,
      message: `The ${removal.what} cannot be deleted: ${named} refer to it. Keep it (you can reword it), or change those records first.`,
    });
  }
  if (fieldErrors.length > 0) {
    throw new AppError("VALIDATION", "Some items are still in use and cannot be deleted.", { fieldErrors });
  }
}

export async function publishModel(db: Db, actor: Actor, id: string, version: number) {
  return db.transaction().execute(async (trx) => {
    const { model } = await lockModel(trx, actor, id);
    const draft = await findDraft(trx, actor.agencyId, id);
    if (!draft) throw noDraft();
    const number = (model.latestPublishedNumber ?? 0) + 1;
    if (!(await publishDraft(trx, actor.agencyId, draft.id, { number, version, userId: actor.userId }))) {
      throw staleVersion(toVersion(draft, null));
    }
    await audit(
      trx,
      actor,
      {
        action: "update",
        entityType: "model_version",
        entityId: draft.id,
        summary: `Published version ${number} of practice model ${model.name}`,
      },
      { before: { status: "draft" }, after: { status: "published", number } },
    );
    const row = (await findPublishedVersion(trx, actor.agencyId, id, number)) as VersionRow;
    return toVersion(row, await publisherOf(trx, actor.agencyId, row));
  });
}

export async function startDraft(db: Db, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const { model } = await lockModel(trx, actor, id);
    if (await findDraft(trx, actor.agencyId, id)) {
      throw new AppError("CONFLICT", "This model already has a draft; edit or publish it first.");
    }
    const latest = await findLatestPublishedVersion(trx, actor.agencyId, id);
    if (!latest) throw noDraft();
    const draftId = await insertDraft(trx, actor.agencyId, id, latest.contentJson);
    await audit(
      trx,
      actor,
      {
        action: "create",
        entityType: "model_version",
        entityId: draftId,
        summary: `Started a draft of practice model ${model.name} from version ${latest.number}`,
      },
      { after: { fromVersion: latest.number } },
    );
    return toVersion((await findDraft(trx, actor.agencyId, id)) as VersionRow, null);
  });
}

/** Either a published version's number or the open draft. */
export type VersionRef = number | "draft";

async function contentOf(db: Db, actor: Actor, id: string, ref: VersionRef): Promise<ModelContent> {
  if (ref === "draft") {
    if (!mayEdit(actor)) throw notFound("That version");
    const draft = await findDraft(db, actor.agencyId, id);
    if (!draft) throw notFound("The draft");
    return ZModelContent.parse(JSON.parse(draft.contentJson));
  }
  const row = await findPublishedVersion(db, actor.agencyId, id, ref);
  if (!row) throw notFound(`Version ${ref}`);
  return ZModelContent.parse(JSON.parse(row.contentJson));
}

/** What changed between two versions (or a version and the draft), with both contents for side-by-side display. */
export async function compareVersions(
  db: Db,
  actor: Actor,
  id: string,
  from: VersionRef,
  to: VersionRef,
): Promise<{ from: VersionRef; to: VersionRef; before: ModelContent; after: ModelContent; changes: ContentChange[] }> {
  await loadModel(db, actor, id, "models.read");
  const before = await contentOf(db, actor, id, from);
  const after = await contentOf(db, actor, id, to);
  return { from, to, before, after, changes: diffModelContent(before, after) };
}

export async function exportVersion(db: Db, actor: Actor, id: string, number: number): Promise<ModelExport> {
  const { model } = await loadModel(db, actor, id, "models.read");
  const row = await findPublishedVersion(db, actor.agencyId, id, number);
  if (!row) throw notFound("That version");
  return {
    format: MODEL_EXPORT_FORMAT,
    schemaVersion: MODEL_EXPORT_SCHEMA_VERSION,
    model: { name: model.name, description: model.description },
    source: { versionNumber: number, publishedAt: row.publishedAt ?? "" },
    content: ZModelContent.parse(JSON.parse(row.contentJson)),
  };
}

/** A printable PDF of a published version: the pocket booklet, an element's one-pager, or a level's leadership page. */
export async function bookletPdf(db: Db, actor: Actor, id: string, number: number, query: BookletQuery) {
  const { model } = await loadModel(db, actor, id, "models.read");
  const row = await findPublishedVersion(db, actor.agencyId, id, number);
  if (!row) throw notFound("That version");
  const content = ZModelContent.parse(JSON.parse(row.contentJson));
  if (query.kind === "element" && !content.elements.some((e) => e.id === query.elementId)) {
    throw fieldError("elementId", `Choose an element of version ${number}.`);
  }
  if (query.kind === "leadership" && !query.level) {
    throw fieldError("level", "Choose supervisor, manager or director.");
  }
  return renderBookletPdf({ modelName: model.name, versionNumber: number, content }, query);
}

/** Zod's issues as field errors whose paths point into the uploaded file. */
function issuesToFieldErrors(issues: z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join(".") : "(document)",
    message: issue.message,
  }));
}

/** Creates a new model whose draft is the file's content; a file with any error writes nothing. */
export async function importModel(db: Db, actor: Actor, document: unknown) {
  authorize(actor, "models.edit", here(actor));
  const parsed = ZModelExport.safeParse(document);
  if (!parsed.success) {
    throw new AppError("VALIDATION", "The file is not a valid practice model.", {
      fieldErrors: issuesToFieldErrors(parsed.error.issues),
    });
  }
  const { model, content } = parsed.data;
  return db.transaction().execute((trx) => createWithContent(trx, actor, model, content, "from an imported file"));
}

/**
 * For other domains (training modules, coaching goals, fidelity measures, profiles): a
 * published model version's content, with no actor, because the caller has already decided
 * who may see its own records. Records that point at elements or behaviors store the model id,
 * the version number and the item ids, so a later version never changes what they meant.
 */
export interface PublishedModel {
  modelId: string;
  versionNumber: number;
  content: ModelContent;
}

function toPublishedModel(row: VersionRow): PublishedModel {
  return {
    modelId: row.modelId,
    versionNumber: row.number ?? 0,
    content: ZModelContent.parse(JSON.parse(row.contentJson)),
  };
}

/** A given published version, or null when the agency has no such version. */
export async function findPublishedModel(
  db: Db,
  agencyId: string,
  modelId: string,
  versionNumber: number,
): Promise<PublishedModel | null> {
  const row = await findPublishedVersion(db, agencyId, modelId, versionNumber);
  return row ? toPublishedModel(row) : null;
}

/** The agency's model in use: the most recently published version of any of its models. */
export async function findModelInUse(db: Db, agencyId: string): Promise<PublishedModel | null> {
  const row = await findNewestPublicationOfAgency(db, agencyId);
  return row ? toPublishedModel(row) : null;
}
