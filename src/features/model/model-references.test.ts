import { describe, expect, it } from "vitest";
import { removedItems } from "./model-references.js";
import { templateContent } from "./templates/index.js";

describe("what a draft removes from the published version", () => {
  const published = templateContent("family-centered");

  it("finds nothing when items are only reworded and reordered", () => {
    const draft = structuredClone(published);
    draft.elements.reverse();
    for (const element of draft.elements) {
      element.name = `${element.name} (revised)`;
      element.behaviors.reverse();
    }
    expect(removedItems(published, draft)).toEqual([]);
  });

  it("reports a removed element together with its behaviors, at the elements list", () => {
    const draft = structuredClone(published);
    const [removed] = draft.elements.splice(2, 1);
    expect(removedItems(published, draft)).toEqual([
      {
        field: "content.elements",
        what: `element ${removed?.code} ${removed?.name}`,
        itemIds: [removed?.id, ...(removed?.behaviors.map((b) => b.id) ?? [])],
      },
    ]);
  });

  it("reports a behavior removed from a kept element at that element's place in the draft", () => {
    const draft = structuredClone(published);
    const element = draft.elements.splice(3, 1)[0];
    if (!element) throw new Error("template changed");
    draft.elements.unshift(element);
    const [removed] = element.behaviors.splice(1, 1);
    const commitment = draft.leadership[0];
    const [leadershipRemoved] = commitment?.behaviors.splice(0, 1) ?? [];
    expect(removedItems(published, draft)).toEqual([
      {
        field: "content.elements.0.behaviors",
        what: `behavior ${removed?.code} ${removed?.shortName}`,
        itemIds: [removed?.id],
      },
      {
        field: "content.leadership",
        what: `leadership behavior ${leadershipRemoved?.code} ${leadershipRemoved?.name}`,
        itemIds: [leadershipRemoved?.id],
      },
    ]);
  });

  it("treats a behavior moved to another element as kept", () => {
    const draft = structuredClone(published);
    const moved = draft.elements[0]?.behaviors.pop();
    if (!moved) throw new Error("template changed");
    draft.elements[1]?.behaviors.push(moved);
    expect(removedItems(published, draft)).toEqual([]);
  });
});
