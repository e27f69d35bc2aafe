import type { InstrumentContent } from "../fidelity.schema.js";

/**
 * The instrument editor keeps its form as flat text fields (`measures.2.name`), which is what
 * the shared versioned-edit hook merges field by field after a conflict. These two functions
 * turn an instrument's content into that form and back. Anchors are keyed by the position of
 * their scale level, so renumbering a level keeps its anchors.
 */
export type InstrumentDraft = Record<string, string>;

export function contentToDraft(content: InstrumentContent): InstrumentDraft {
  const draft: InstrumentDraft = {
    modelId: content.modelId ?? "",
    modelVersionNumber: content.modelVersionNumber === null ? "" : String(content.modelVersionNumber),
    scaleCount: String(content.scale.length),
    measureCount: String(content.measures.length),
    threshold: String(content.scoring.threshold),
    floor: String(content.scoring.floor),
  };
  content.scale.forEach((level, i) => {
    draft[`scale.${i}.value`] = String(level.value);
    draft[`scale.${i}.label`] = level.label;
  });
  content.measures.forEach((measure, i) => {
    draft[`measures.${i}.code`] = measure.code;
    draft[`measures.${i}.name`] = measure.name;
    draft[`measures.${i}.description`] = measure.description;
    draft[`measures.${i}.elementIds`] = measure.elementIds.join(",");
    content.scale.forEach((level, j) => {
      draft[`measures.${i}.anchors.${j}`] = measure.anchors.find((a) => a.value === level.value)?.text ?? "";
    });
  });
  return draft;
}

/** Numbers stay as typed when they are not numbers, so the server names the field that is wrong. */
const numberOrText = (value: string | undefined) => {
  const trimmed = (value ?? "").trim();
  return trimmed !== "" && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
};

export function draftToContent(draft: InstrumentDraft): unknown {
  const scaleCount = Number(draft.scaleCount ?? 0);
  const measureCount = Number(draft.measureCount ?? 0);
  const scale = Array.from({ length: scaleCount }, (_, j) => ({
    value: numberOrText(draft[`scale.${j}.value`]),
    label: draft[`scale.${j}.label`] ?? "",
  }));
  return {
    modelId: draft.modelId ? draft.modelId : null,
    modelVersionNumber: draft.modelVersionNumber ? Number(draft.modelVersionNumber) : null,
    scale,
    measures: Array.from({ length: measureCount }, (_, i) => ({
      code: draft[`measures.${i}.code`] ?? "",
      name: draft[`measures.${i}.name`] ?? "",
      description: draft[`measures.${i}.description`] ?? "",
      elementIds: (draft[`measures.${i}.elementIds`] ?? "").split(",").filter((id) => id !== ""),
      anchors: scale.flatMap((level, j) => {
        const text = draft[`measures.${i}.anchors.${j}`] ?? "";
        return text.trim() === "" ? [] : [{ value: level.value, text }];
      }),
    })),
    scoring: { threshold: numberOrText(draft.threshold), floor: numberOrText(draft.floor) },
  };
}

/** The draft with one measure or scale level taken out, everything after it moved up. */
export function withoutItem(draft: InstrumentDraft, list: "measures" | "scale", index: number): InstrumentDraft {
  const countKey = list === "measures" ? "measureCount" : "scaleCount";
  const count = Number(draft[countKey] ?? 0);
  const next: InstrumentDraft = { ...draft, [countKey]: String(count - 1) };
  for (let i = index; i < count - 1; i++) {
    for (const key of Object.keys(draft)) {
      const prefix = `${list}.${i + 1}.`;
      if (key.startsWith(prefix)) next[`${list}.${i}.${key.slice(prefix.length)}`] = draft[key] ?? "";
    }
  }
  if (list === "scale") {
    // Anchors follow their level's position.
    for (let m = 0; m < Number(draft.measureCount ?? 0); m++) {
      for (let j = index; j < count - 1; j++) {
        next[`measures.${m}.anchors.${j}`] = draft[`measures.${m}.anchors.${j + 1}`] ?? "";
      }
      next[`measures.${m}.anchors.${count - 1}`] = "";
    }
  }
  for (const key of Object.keys(next)) {
    if (key.startsWith(`${list}.${count - 1}.`)) next[key] = "";
  }
  return next;
}
