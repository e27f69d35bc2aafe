import { randomUUID } from "node:crypto";
import type { ModelContent } from "../model.schema.js";

/** A template as written: the same shape as a model version, without ids (each model gets fresh ones). */
export interface TemplateData {
  values: { name: string; description: string }[];
  elements: {
    code: string;
    name: string;
    description: string;
    behaviors: { code: string; shortName: string; description: string; pocketText: string }[];
  }[];
  leadership: {
    name: string;
    behaviors: { code: string; name: string; variants: { supervisor: string; manager: string; director: string } }[];
  }[];
  scales: { name: string; levels: { value: number; label: string; anchor: string }[] }[];
}

/** Gives every value, element, behavior, commitment and scale its own id. */
export function withIds(data: TemplateData): ModelContent {
  return {
    values: data.values.map((v) => ({ id: randomUUID(), ...v })),
    elements: data.elements.map((e) => ({
      id: randomUUID(),
      ...e,
      behaviors: e.behaviors.map((b) => ({ id: randomUUID(), ...b })),
    })),
    leadership: data.leadership.map((c) => ({
      id: randomUUID(),
      ...c,
      behaviors: c.behaviors.map((b) => ({ id: randomUUID(), ...b })),
    })),
    scales: data.scales.map((s) => ({ id: randomUUID(), ...s })),
  };
}
