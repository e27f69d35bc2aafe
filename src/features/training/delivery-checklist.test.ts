import { describe, expect, it } from "vitest";
import { checklistErrors, DELIVERY_CHECKLIST, type ItemRating, sectionScores } from "./delivery-checklist.js";

const allMet: ItemRating[] = DELIVERY_CHECKLIST.map((i) => ({ item: i.key, rating: "met", comment: "" }));

describe("the delivery checklist", () => {
  it("has three sections of three to five items each", () => {
    const counts = new Map<string, number>();
    for (const item of DELIVERY_CHECKLIST) counts.set(item.section, (counts.get(item.section) ?? 0) + 1);
    expect([...counts.keys()]).toEqual(["content_coverage", "format_sequencing", "delivery_quality"]);
    for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(3);
    for (const n of counts.values()) expect(n).toBeLessThanOrEqual(5);
  });

  it("accepts every item rated once, and names what is missing, doubled or unknown", () => {
    expect(checklistErrors(allMet)).toEqual([]);
    const [first, ...rest] = allMet;
    const errors = checklistErrors([...rest, { item: "made_up", rating: "met", comment: "" }, rest[0] as ItemRating]);
    expect(errors.map((e) => e.field)).toEqual([
      `ratings.${rest.length}.item`,
      `ratings.${rest.length + 1}.item`,
      `ratings.${first?.item}`,
    ]);
  });

  it("scores each section as the share of its items rated Met", () => {
    // Content coverage: met, partly, not met, met → 2 of 4 = 50 %.
    // Format and sequencing: all four met → 100 %. Delivery quality: 1 of 4 met → 25 %.
    const ratings = allMet.map((r): ItemRating => {
      if (r.item === "cc_examples") return { ...r, rating: "partly" };
      if (r.item === "cc_practice") return { ...r, rating: "not_met" };
      if (r.item.startsWith("dq_") && r.item !== "dq_engage") return { ...r, rating: "partly" };
      return r;
    });
    expect(sectionScores(ratings).map((s) => [s.section, s.met, s.items, s.metPercent])).toEqual([
      ["content_coverage", 2, 4, 50],
      ["format_sequencing", 4, 4, 100],
      ["delivery_quality", 1, 4, 25],
    ]);
  });
});
