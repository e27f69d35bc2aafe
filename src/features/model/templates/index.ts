import type { ModelContent, ModelTemplate } from "../model.schema.js";
import { BLANK_TEMPLATE } from "./blank.js";
import { CORE_PRACTICE_TEMPLATE } from "./core-practice.js";
import { FAMILY_CENTERED_TEMPLATE } from "./family-centered.js";
import { type TemplateData, withIds } from "./template-data.js";

export const TEMPLATES: Record<ModelTemplate, TemplateData> = {
  "family-centered": FAMILY_CENTERED_TEMPLATE,
  "core-practice": CORE_PRACTICE_TEMPLATE,
  blank: BLANK_TEMPLATE,
};

/** A template's content with fresh ids, ready to become a new model's first draft. */
export function templateContent(template: ModelTemplate): ModelContent {
  return withIds(TEMPLATES[template]);
}
