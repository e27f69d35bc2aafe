import type { ModelContent } from "./model.schema.js";

export type DiffSection = "values" | "elements" | "behaviors" | "commitments" | "leadershipBehaviors" | "scales";

export interface ContentChange {
  section: DiffSection;
  kind: "added" | "removed" | "changed" | "moved";
  /** The item's stable id, the same in both versions. */
  id: string;
  /** How the item is named in the newer version (or the older one, when removed). */
  label: string;
  /** For `changed`: which of its own fields differ (nested lists are reported as their own items). */
  fields: string[];
}

interface Item {
  id: string;
  label: string;
  /** Where it sits: the parent's id and its position there, so reordering and moving show. */
  place: string;
  fields: Record<string, unknown>;
}

function itemsOf(content: ModelContent): Record<DiffSection, Item[]> {
  const fields = (record: object, nested: string[]) =>
    Object.fromEntries(Object.entries(record).filter(([key]) => key !== "id" && !nested.includes(key)));
  return {
    values: content.values.map((v, i) => ({ id: v.id, label: v.name, place: `${i}`, fields: fields(v, []) })),
    elements: content.elements.map((e, i) => ({
      id: e.id,
      label: `${e.code} ${e.name}`,
      place: `${i}`,
      fields: fields(e, ["behaviors"]),
    })),
    behaviors: content.elements.flatMap((e) =>
      e.behaviors.map((b, i) => ({
        id: b.id,
        label: `${b.code} ${b.shortName}`,
        place: `${e.id}/${i}`,
        fields: fields(b, []),
      })),
    ),
    commitments: content.leadership.map((c, i) => ({
      id: c.id,
      label: c.name,
      place: `${i}`,
      fields: fields(c, ["behaviors"]),
    })),
    leadershipBehaviors: content.leadership.flatMap((c) =>
      c.behaviors.map((b, i) => ({
        id: b.id,
        label: `${b.code} ${b.name}`,
        place: `${c.id}/${i}`,
        fields: fields(b, []),
      })),
    ),
    scales: content.scales.map((s, i) => ({ id: s.id, label: s.name, place: `${i}`, fields: fields(s, []) })),
  };
}

/**
 * What changed from one version to the next, matched by stable ids (so a renamed behavior is a
 * change, not a removal and an addition). Lists additions, removals, edited fields and moves.
 */
export function diffModelContent(before: ModelContent, after: ModelContent): ContentChange[] {
  const older = itemsOf(before);
  const newer = itemsOf(after);
  const changes: ContentChange[] = [];
  for (const section of Object.keys(newer) as DiffSection[]) {
    const was = new Map(older[section].map((item) => [item.id, item]));
    const is = new Set(newer[section].map((item) => item.id));
    for (const item of newer[section]) {
      const old = was.get(item.id);
      if (!old) {
        changes.push({ section, kind: "added", id: item.id, label: item.label, fields: [] });
        continue;
      }
      const edited = Object.keys(item.fields).filter(
        (key) => JSON.stringify(item.fields[key]) !== JSON.stringify(old.fields[key]),
      );
      if (edited.length) changes.push({ section, kind: "changed", id: item.id, label: item.label, fields: edited });
      if (old.place !== item.place)
        changes.push({ section, kind: "moved", id: item.id, label: item.label, fields: [] });
    }
    for (const item of older[section]) {
      if (!is.has(item.id)) changes.push({ section, kind: "removed", id: item.id, label: item.label, fields: [] });
    }
  }
  return changes;
}
