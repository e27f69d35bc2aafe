import { describe, expect, it } from "vitest";
import { matchPairs, pairedChange, responseRate } from "./paired-change.js";

describe("matched pairs", () => {
  it("pairs each person's answers before and after, and lists who answered only once", () => {
    const before = new Map([
      ["ana", 2],
      ["ben", 3],
      ["cy", 4],
    ]);
    const after = new Map([
      ["ben", 5],
      ["ana", 3],
      ["dee", 4],
    ]);
    const { matched, onlyBefore, onlyAfter } = matchPairs(before, after);
    expect(matched).toEqual([
      { key: "ana", before: 2, after: 3 },
      { key: "ben", before: 3, after: 5 },
    ]);
    expect(onlyBefore).toEqual(["cy"]);
    expect(onlyAfter).toEqual(["dee"]);
  });
});

describe("paired change and effect size", () => {
  it("matches a hand computation", () => {
    // Differences 1, 2, 1, 0: mean 1; squared deviations 0, 1, 0, 1 → variance 2/3, sd 0.8165; d_z = 1.2247.
    const change = pairedChange([
      { before: 2, after: 3 },
      { before: 3, after: 5 },
      { before: 3, after: 4 },
      { before: 4, after: 4 },
    ]);
    expect(change.pairs).toBe(4);
    expect(change.meanBefore).toBe(3);
    expect(change.meanAfter).toBe(4);
    expect(change.meanChange).toBe(1);
    expect(change.sdChange).toBeCloseTo(0.8165, 4);
    expect(change.effectSize).toBeCloseTo(1.2247, 4);
  });

  it("gives a negative effect when answers fell", () => {
    // Differences −2, −1, −3: mean −2, sd 1, d_z −2.
    const change = pairedChange([
      { before: 5, after: 3 },
      { before: 4, after: 3 },
      { before: 5, after: 2 },
    ]);
    expect(change.meanChange).toBe(-2);
    expect(change.sdChange).toBe(1);
    expect(change.effectSize).toBe(-2);
  });

  it("has no effect size with one pair or when every difference is the same", () => {
    expect(pairedChange([{ before: 1, after: 3 }])).toMatchObject({
      pairs: 1,
      meanChange: 2,
      sdChange: null,
      effectSize: null,
    });
    expect(
      pairedChange([
        { before: 1, after: 2 },
        { before: 3, after: 4 },
      ]),
    ).toMatchObject({ meanChange: 1, sdChange: 0, effectSize: null });
    expect(pairedChange([])).toMatchObject({ pairs: 0, meanChange: null, effectSize: null });
  });

  it("reports the response rate, and none when nobody was asked", () => {
    expect(responseRate(12, 16)).toBe(0.75);
    expect(responseRate(0, 0)).toBeNull();
  });
});
