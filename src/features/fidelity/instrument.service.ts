import type { Db } from "../../db/types.js";
import { AppError, fieldError, notFound, staleVersion } from "../../server/errors.js";
import { type Actor, authorize } from "../access/policy.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import { findModelInUse, findPublishedModel } from "../model/model.service.js";
import { type INSTRUMENT_TEMPLATES, type InstrumentContent, ZInstrumentContent } from "./fidelity.schema.js";
import {
  bumpInstrumentVersion,
  findInstrumentById,
  findInstrumentsOfAgency,
  findVersionsOfInstruments,
  type InstrumentRow,
  type InstrumentVersionRow,
  insertInstrument,
  insertInstrumentDraft,
  publishInstrumentDraft,
  updateInstrumentDraft,
} from "./instrument.repo.js";
import { instrumentTemplateContent } from "./instrument-templates.js";

const here = (actor: Actor) => ({ agencyId: actor.agencyId });
const parseContent = (json: string): InstrumentContent => ZInstrumentContent.parse(JSON.parse(json));

function describe(instrument: InstrumentRow, versions: InstrumentVersionRow[]) {
  const published = versions.filter((v) => v.status === "published" && v.number !== null);
  const latest = published[published.length - 1];
  const draft = versions.find((v) => v.status === "draft");
  return {
    id: instrument.id,
    name: instrument.name,
    version: instrument.version,
    latestPublishedNumber: latest?.number ?? null,
    hasDraft: draft !== undefined,
    published: published.map((v) => ({ number: v.number ?? 0, publishedAt: v.publishedAt ?? "" })),
    draft: draft ? { content: parseContent(draft.contentJson), version: draft.version } : null,
    current: latest ? { number: latest.number ?? 0, content: parseContent(latest.contentJson) } : null,
  };
}

export async function listInstruments(db: Db, actor: Actor) {
  authorize(actor, "fidelity.manage", here(actor));
  const instruments = await findInstrumentsOfAgency(db, actor.agencyId);
  const versions = await findVersionsOfInstruments(
    db,
    actor.agencyId,
    instruments.map((i) => i.id),
  );
  return {
    items: instruments.map((instrument) => {
      const {
        published: _p,
        draft: _d,
        current: _c,
        ...summary
      } = describe(
        instrument,
        versions.filter((v) => v.instrumentId === instrument.id),
      );
      return summary;
    }),
  };
}

async function loadInstrument(db: Db, actor: Actor, id: string) {
  const instrument = await findInstrumentById(db, actor.agencyId, id);
  if (!instrument) throw notFound("The instrument");
  authorize(actor, "fidelity.manage", here(actor), "The instrument");
  return instrument;
}

export async function getInstrument(db: Db, actor: Actor, id: string) {
  const instrument = await loadInstrument(db, actor, id);
  return describe(instrument, await findVersionsOfInstruments(db, actor.agencyId, [id]));
}

function audit(
  db: Db,
  actor: Actor,
  event: { action: "create" | "update"; entityId: string; summary: string },
  states: { before?: unknown; after?: unknown },
) {
  return recordAuditEvent(db, {
    agencyId: actor.agencyId,
    actorUserId: actor.userId,
    entityType: "fidelity_instrument",
    ...event,
    ...states,
  });
}

export async function createInstrument(
  db: Db,
  actor: Actor,
  input: { name: string; template: (typeof INSTRUMENT_TEMPLATES)[number] },
) {
  authorize(actor, "fidelity.manage", here(actor));
  return db.transaction().execute(async (trx) => {
    const content = instrumentTemplateContent(input.template, await findModelInUse(trx, actor.agencyId));
    const id = await insertInstrument(trx, actor.agencyId, input.name, JSON.stringify(content));
    const after = await getInstrument(trx, actor, id);
    await audit(
      trx,
      actor,
      {
        action: "create",
        entityId: id,
        summary: `Created fidelity instrument ${input.name} from the ${input.template} template`,
      },
      { after: { name: after.name, draft: content } },
    );
    return after;
  });
}

/** Every linked element must exist in the model version the content names. */
async function checkElementLinks(db: Db, agencyId: string, content: InstrumentContent) {
  const linked = content.measures.some((m) => m.elementIds.length > 0);
  if (!linked) return;
  const model =
    content.modelId && content.modelVersionNumber
      ? await findPublishedModel(db, agencyId, content.modelId, content.modelVersionNumber)
      : null;
  if (!model) throw fieldError("content.modelId", "Link the measures to a published practice model version.");
  const elementIds = new Set(model.content.elements.map((e) => e.id));
  content.measures.forEach((measure, index) => {
    measure.elementIds.forEach((elementId, elementIndex) => {
      if (!elementIds.has(elementId)) {
        throw fieldError(
          `content.measures.${index}.elementIds.${elementIndex}`,
          "That element is not in the linked practice model version.",
        );
      }
    });
  });
}

export async function editInstrumentDraft(
  db: Db,
  actor: Actor,
  id: string,
  input: { content: InstrumentContent; version: number },
) {
  return db.transaction().execute(async (trx) => {
    const instrument = await loadInstrument(trx, actor, id);
    const draft = (await findVersionsOfInstruments(trx, actor.agencyId, [id])).find((v) => v.status === "draft");
    if (!draft) throw new AppError("CONFLICT", "This instrument has no draft; start one first.");
    await checkElementLinks(trx, actor.agencyId, input.content);
    if (!(await updateInstrumentDraft(trx, actor.agencyId, draft.id, JSON.stringify(input.content), input.version))) {
      throw staleVersion({ content: parseContent(draft.contentJson), version: draft.version });
    }
    await audit(
      trx,
      actor,
      { action: "update", entityId: id, summary: `Edited the draft of fidelity instrument ${instrument.name}` },
      { before: parseContent(draft.contentJson), after: input.content },
    );
    return getInstrument(trx, actor, id);
  });
}

export async function publishInstrument(db: Db, actor: Actor, id: string, version: number) {
  return db.transaction().execute(async (trx) => {
    const instrument = await loadInstrument(trx, actor, id);
    await bumpInstrumentVersion(trx, actor.agencyId, id);
    const versions = await findVersionsOfInstruments(trx, actor.agencyId, [id]);
    const draft = versions.find((v) => v.status === "draft");
    if (!draft) throw new AppError("CONFLICT", "This instrument has no draft to publish.");
    const number = Math.max(0, ...versions.map((v) => v.number ?? 0)) + 1;
    if (!(await publishInstrumentDraft(trx, actor.agencyId, draft.id, { number, version }))) {
      throw staleVersion({ content: parseContent(draft.contentJson), version: draft.version });
    }
    await audit(
      trx,
      actor,
      {
        action: "update",
        entityId: id,
        summary: `Published version ${number} of fidelity instrument ${instrument.name}`,
      },
      { before: { status: "draft" }, after: { status: "published", number } },
    );
    return getInstrument(trx, actor, id);
  });
}

export async function startInstrumentDraft(db: Db, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const instrument = await loadInstrument(trx, actor, id);
    await bumpInstrumentVersion(trx, actor.agencyId, id);
    const versions = await findVersionsOfInstruments(trx, actor.agencyId, [id]);
    if (versions.some((v) => v.status === "draft")) {
      throw new AppError("CONFLICT", "This instrument already has a draft; edit or publish it first.");
    }
    const latest = versions.filter((v) => v.status === "published").pop();
    if (!latest) throw new AppError("CONFLICT", "This instrument has nothing published to start from.");
    await insertInstrumentDraft(trx, actor.agencyId, id, latest.contentJson);
    await audit(
      trx,
      actor,
      {
        action: "create",
        entityId: id,
        summary: `Started a draft of fidelity instrument ${instrument.name} from version ${latest.number}`,
      },
      { after: { fromVersion: latest.number } },
    );
    return getInstrument(trx, actor, id);
  });
}

export interface PublishedInstrument {
  instrumentId: string;
  name: string;
  number: number;
  content: InstrumentContent;
}

/**
 * For the other fidelity services: a published version (the newest when no number is given),
 * without an actor because the caller has already authorized its own records.
 */
export async function findPublishedInstrument(
  db: Db,
  agencyId: string,
  instrumentId: string,
  number?: number,
): Promise<PublishedInstrument | null> {
  const instrument = await findInstrumentById(db, agencyId, instrumentId);
  if (!instrument) return null;
  const published = (await findVersionsOfInstruments(db, agencyId, [instrumentId])).filter(
    (v) => v.status === "published" && (number === undefined || v.number === number),
  );
  const chosen = published[published.length - 1];
  if (!chosen || chosen.number === null) return null;
  return { instrumentId, name: instrument.name, number: chosen.number, content: parseContent(chosen.contentJson) };
}

/** Every published version of an instrument, by number: reliability and results read across versions. */
export async function findPublishedInstrumentVersions(db: Db, agencyId: string, instrumentId: string) {
  const versions = await findVersionsOfInstruments(db, agencyId, [instrumentId]);
  return new Map(
    versions
      .filter((v) => v.status === "published" && v.number !== null)
      .map((v) => [v.number ?? 0, parseContent(v.contentJson)]),
  );
}

/**
 * For the model editor's "refuse to delete a referenced element" check: how many instrument
 * versions link a measure to any of the given elements of that model.
 */
export async function countFidelityRecordsReferencingModelItems(
  db: Db,
  agencyId: string,
  modelId: string,
  itemIds: string[],
): Promise<number> {
  const wanted = new Set(itemIds);
  const instruments = await findInstrumentsOfAgency(db, agencyId);
  const versions = await findVersionsOfInstruments(
    db,
    agencyId,
    instruments.map((i) => i.id),
  );
  return versions.filter((v) => {
    const content = parseContent(v.contentJson);
    return content.modelId === modelId && content.measures.some((m) => m.elementIds.some((e) => wanted.has(e)));
  }).length;
}

/** The agency's instrument in use: the first by name with a published version, or null. */
export async function findInstrumentInUse(db: Db, agencyId: string): Promise<string | null> {
  const instruments = await findInstrumentsOfAgency(db, agencyId);
  const versions = await findVersionsOfInstruments(
    db,
    agencyId,
    instruments.map((i) => i.id),
  );
  return instruments.find((i) => versions.some((v) => v.instrumentId === i.id && v.status === "published"))?.id ?? null;
}
