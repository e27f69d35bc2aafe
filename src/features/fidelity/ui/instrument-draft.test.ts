import { describe, expect, it } from "vitest";
import { instrumentTemplateContent } from "../instrument-templates.js";
import { contentToDraft, draftToContent, withoutItem } from "./instrument-draft.js";

describe("instrument editor form", () => {
  it("turns the nine-measure example into form fields and back unchanged", () => {
    const content = instrumentTemplateContent("nine-measures", null);
    expect(draftToContent(contentToDraft(content))).toEqual(content);
  });

  it("removes a measure and moves the later ones up", () => {
    const content = instrumentTemplateContent("nine-measures", null);
    const result = draftToContent(withoutItem(contentToDraft(content), "measures", 1)) as typeof content;
    expect(result.measures.map((m) => m.code)).toEqual(["M1", "M3", "M4", "M5", "M6", "M7", "M8", "M9"]);
    expect(result.measures[1]?.anchors).toEqual(content.measures[2]?.anchors);
  });

  it("removes a scale level together with each measure's anchor for it", () => {
    const content = instrumentTemplateContent("nine-measures", null);
    const result = draftToContent(withoutItem(contentToDraft(content), "scale", 0)) as typeof content;
    expect(result.scale.map((l) => l.value)).toEqual([2, 3, 4]);
    expect(result.measures[0]?.anchors.map((a) => a.value)).toEqual([2, 3, 4]);
    expect(result.measures[0]?.anchors[0]?.text).toBe(content.measures[0]?.anchors[1]?.text);
  });
});
