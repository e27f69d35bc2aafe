import type { Db } from "../../db/types.js";
import { countCoachingRecordsReferencingModelItems } from "../coaching/coaching.service.js";
import { countFidelityRecordsReferencingModelItems } from "../fidelity/instrument.service.js";
import { countFocusRecordsReferencingModelItems } from "../model-focus/model-focus.service.js";
import { countTrainingRecordsReferencingModelItems } from "../training/curriculum.service.js";
import { countSurveyItemsReferencingModelItems } from "../training/survey.service.js";
import type { ModelContent } from "./model.schema.js";

/** One kind of record that points at model items (elements, practice behaviors, leadership behaviors). */
export interface ModelReferenceSource {
  /** What the records are, as a person understands it, e.g. "monthly team focuses". */
  label: string;
  count: (db: Db, agencyId: string, modelId: string, itemIds: string[]) => Promise<number>;
}

/**
 * Every domain that stores model item ids, so the model can refuse to drop an item that records
 * still point at. A plain list, read when a draft is saved, so it is whole wherever the model
 * service runs (a script or a test as much as the app); a new domain adds its line here.
 */
function modelReferenceSources(): readonly ModelReferenceSource[] {
  return [
    { label: "monthly team focuses", count: countFocusRecordsReferencingModelItems },
    { label: "training modules", count: countTrainingRecordsReferencingModelItems },
    { label: "training survey items", count: countSurveyItemsReferencingModelItems },
    {
      label: "coaching records (strengths, goals or session focuses)",
      count: countCoachingRecordsReferencingModelItems,
    },
    { label: "fidelity instrument measures", count: countFidelityRecordsReferencingModelItems },
  ];
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
  for (const source of modelReferenceSources()) {
    const count = await source.count(db, agencyId, modelId, itemIds);
    if (count > 0) found.push({ label: source.label, count });
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
