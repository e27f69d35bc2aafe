import { describe, expect, it } from "vitest";
import { diffModelContent } from "./model-diff.js";
import { templateContent } from "./templates/index.js";

describe("the difference between two model versions", () => {
  it("is empty for the same content", () => {
    const content = templateContent("family-centered");
    expect(diffModelContent(content, structuredClone(content))).toEqual([]);
  });

  it("names added, removed, edited and moved items by their ids", () => {
    const before = templateContent("core-practice");
    const after = structuredClone(before);
    const [foundations, engagement, assessment] = after.elements;
    if (!foundations || !engagement || !assessment) throw new Error("template changed");
    const clear = foundations.behaviors[0];
    const honest = foundations.behaviors[1];
    if (!clear || !honest) throw new Error("template changed");
    clear.pocketText = "Say it plainly.";
    clear.shortName = "Clear and simple";
    // Honest moves to Engagement; Assessment's only behavior is removed; a value is added.
    foundations.behaviors.splice(1, 1);
    engagement.behaviors.push(honest);
    const removed = assessment.behaviors.pop();
    after.values.push({ id: crypto.randomUUID(), name: "Hope", description: "Change is possible." });

    const changes = diffModelContent(before, after);
    expect(changes).toEqual(
      expect.arrayContaining([
        {
          section: "behaviors",
          kind: "changed",
          id: clear.id,
          label: "F-CLEAR Clear and simple",
          fields: ["shortName", "pocketText"],
        },
        { section: "behaviors", kind: "moved", id: honest.id, label: expect.any(String), fields: [] },
        { section: "behaviors", kind: "removed", id: removed?.id, label: expect.any(String), fields: [] },
        { section: "values", kind: "added", id: after.values.at(-1)?.id, label: "Hope", fields: [] },
      ]),
    );
    // Removing the second foundational behavior shifts the later ones up, which counts as a move.
    expect(changes.filter((c) => c.kind === "changed")).toHaveLength(1);
    expect(changes.filter((c) => c.section === "elements")).toEqual([]);
  });
});
