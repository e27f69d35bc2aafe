import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededSample } from "./seeded-sample.js";

const pool = Array.from({ length: 30 }, (_, i) => `person-${String(i).padStart(2, "0")}`);

describe("seededSample", () => {
  it("draws the same sample from the same seed, whatever order the pool comes in", () => {
    const first = seededSample(pool, 5, "spring-2026");
    expect(seededSample([...pool].reverse(), 5, "spring-2026")).toEqual(first);
    expect(first).toHaveLength(5);
    expect(new Set(first).size).toBe(5);
  });

  it("draws a different sample from a different seed", () => {
    expect(seededSample(pool, 5, "spring-2026")).not.toEqual(seededSample(pool, 5, "summer-2026"));
  });

  it("returns everyone when the pool is smaller than the sample, and nobody from an empty pool", () => {
    expect(seededSample(["b", "a"], 5, "x").sort()).toEqual(["a", "b"]);
    expect(seededSample([], 5, "x")).toEqual([]);
  });

  it("only ever returns distinct members of the pool", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 40 }), fc.nat(50), fc.string(), (ids, size, seed) => {
        const sample = seededSample(ids, size, seed);
        expect(sample.length).toBe(Math.min(size, ids.length));
        expect(new Set(sample).size).toBe(sample.length);
        for (const id of sample) expect(ids).toContain(id);
      }),
    );
  });
});
