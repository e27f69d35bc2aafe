import { describe, expect, it } from "vitest";
import { MODEL_TEMPLATES, ZModelContent } from "../model.schema.js";
import { TEMPLATES, templateContent } from "./index.js";

describe("practice model templates", () => {
  it.each(MODEL_TEMPLATES)("%s is a valid model version with at least one scale", (name) => {
    const result = ZModelContent.safeParse(templateContent(name));
    expect(result.error?.issues ?? []).toEqual([]);
    expect(TEMPLATES[name].scales.length).toBeGreaterThan(0);
  });

  it("family-centered has 8 elements, 23 practice behaviors and leadership behaviors for three levels", () => {
    const { elements, leadership, scales } = TEMPLATES["family-centered"];
    expect(elements).toHaveLength(8);
    expect(elements.flatMap((e) => e.behaviors)).toHaveLength(23);
    const leaders = leadership.flatMap((c) => c.behaviors);
    expect(leaders.length).toBeGreaterThan(0);
    for (const b of leaders) expect(Object.values(b.variants).every((v) => v.length > 0)).toBe(true);
    expect(scales[0]?.levels.map((l) => l.label)).toEqual(["Emerging", "Acquiring", "Accomplished"]);
    for (const b of elements.flatMap((e) => e.behaviors)) {
      expect(b.shortName && b.description && b.pocketText).toBeTruthy();
    }
  });

  it("core-practice starts with the four foundational behaviors and rates Unacceptable to Expected", () => {
    const { elements, scales } = TEMPLATES["core-practice"];
    expect(elements[0]?.behaviors.map((b) => b.shortName)).toEqual([
      "Clear",
      "Open and honest",
      "Respectful",
      "Accountable",
    ]);
    expect(elements.map((e) => e.name)).toEqual(
      expect.arrayContaining(["Engagement", "Assessment", "Teaming", "Planning", "Implementation", "Transitions"]),
    );
    expect(scales[0]?.levels.map((l) => l.label)).toEqual(["Unacceptable", "Developmental", "Expected"]);
  });

  it("blank has no elements and one scale", () => {
    expect(TEMPLATES.blank.elements).toEqual([]);
    expect(TEMPLATES.blank.scales).toHaveLength(1);
  });

  it("gives each new model its own ids", () => {
    const a = templateContent("family-centered");
    const b = templateContent("family-centered");
    expect(a.elements[0]?.id).not.toEqual(b.elements[0]?.id);
  });

  it("reports repeated codes at their paths", () => {
    const content = templateContent("core-practice");
    const second = content.elements[1];
    const first = content.elements[0];
    if (!second || !first?.behaviors[0] || !second.behaviors[0]) throw new Error("template changed");
    second.code = first.code.toLowerCase();
    second.behaviors[0].code = first.behaviors[0].code;
    const result = ZModelContent.safeParse(content);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([
      "elements.1.code",
      "elements.1.behaviors.0.code",
    ]);
  });
});
