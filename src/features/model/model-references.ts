import type { Db } from "../../db/types.js";
import type { ModelContent } from "./model.schema.js";

/**
 * How many of a domain's records point at some of a model's items (elements, practice
 * behaviors, leadership behaviors), with a label a person understands, e.g. "monthly team focus".
 */
export type ModelReferenceSource = (
  db: Db,
  agencyId: string,
  modelId: string,
  itemIds: string[],
) => Promise<{ label: string; count: number }>;

/**
 * Domains that store model item ids register here when the app starts, so the model can refuse
 * to drop an item that records still point at without importing those domains. Keyed by name,
 * so starting a second app in the same process replaces rather than doubles a source.
 */
const sources = new Map<string, ModelReferenceSource>();

export function registerModelReferenceSource(name: string, source: ModelReferenceSource): void {
  sources.set(name, source);
}

/** Each source that refers to any of the items, with its count; sources with none are left out. */
export async function referencesTo(
  db: Db,
  agencyId: string,
  modelId: string,
  itemIds: string[],
): Promise<{ label: string; count: number }[]> {
  if (itemIds.length === 0) return [];
  const found = [];
  for (const source of sources.values()) {
    const result = await source(db, agencyId, modelId, itemIds);
    if (result.count > 0) found.push(result);
  }
  return found;
}

/** A group of items that a draft drops compared with the published version, and where to report it. */
export interface RemovedItems {
  /** The draft field the error belongs to, e.g. `content.elements` or `content.elements.2.behaviors`. */
  field: string;
  /** How the removal is named in the message, e.g. `element E1 Engagement`. */
  what: string;
  itemIds: string[];
}

/**
 * What the draft removes: whole elements (with their behaviors), single behaviors of elements it
 * keeps, and leadership behaviors. Reordering and editing keep ids, so they remove nothing.
 */
export function removedItems(published: ModelContent, draft: ModelContent): RemovedItems[] {
  const kept = new Set<string>();
  for (const element of draft.elements) {
    kept.add(element.id);
    for (const behavior of element.behaviors) kept.add(behavior.id);
  }
  for (const commitment of draft.leadership) {
    for (const behavior of commitment.behaviors) kept.add(behavior.id);
  }
  const removed: RemovedItems[] = [];
  for (const element of published.elements) {
    if (!kept.has(element.id)) {
      removed.push({
        field: "content.elements",
        what: `element ${element.code} ${element.name}`,
        itemIds: [element.id, ...element.behaviors.map((b) => b.id)],
      });
      continue;
    }
    const index = draft.elements.findIndex((e) => e.id === element.id);
    for (const behavior of element.behaviors) {
      if (kept.has(behavior.id)) continue;
      removed.push({
        field: `content.elements.${index}.behaviors`,
        what: `behavior ${behavior.code} ${behavior.shortName}`,
        itemIds: [behavior.id],
      });
    }
  }
  for (const commitment of published.leadership) {
    for (const behavior of commitment.behaviors) {
      if (kept.has(behavior.id)) continue;
      removed.push({
        field: "content.leadership",
        what: `leadership behavior ${behavior.code} ${behavior.name}`,
        itemIds: [behavior.id],
      });
    }
  }
  return removed;
}
