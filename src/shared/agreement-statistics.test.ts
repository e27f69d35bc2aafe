import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agreementStatistics, RatingOutsideScaleError, type RatingPair } from "./agreement-statistics.js";

/** Pairs from a contingency table of counts: counts[i][j] pairs where rater one chose categories[i], rater two categories[j]. */
function pairsFromCounts(categories: number[], counts: number[][]): RatingPair[] {
  const pairs: RatingPair[] = [];
  counts.forEach((row, i) => {
    row.forEach((count, j) => {
      const first = categories[i];
      const second = categories[j];
      if (first === undefined || second === undefined) throw new Error("counts table larger than the scale");
      for (let k = 0; k < count; k++) pairs.push({ first, second });
    });
  });
  return pairs;
}

describe("agreementStatistics — published worked examples", () => {
  it("2×2: 50 proposals judged yes/no by two readers (the standard textbook example, e.g. Wikipedia 'Cohen's kappa')", () => {
    // yes/yes 20, yes/no 5, no/yes 10, no/no 15: observed 35/50 = 0.7; chance = 0.5·0.6 + 0.5·0.4 = 0.5; kappa = 0.4.
    const stats = agreementStatistics(
      [1, 0],
      pairsFromCounts(
        [1, 0],
        [
          [20, 5],
          [10, 15],
        ],
      ),
    );
    expect(stats.n).toBe(50);
    expect(stats.exactAgreement).toBeCloseTo(0.7, 12);
    expect(stats.kappa).toBeCloseTo(0.4, 12);
    // With two categories the quadratic weights are 1 on the diagonal and 0 elsewhere.
    expect(stats.weightedKappa).toBeCloseTo(0.4, 12);
    expect(stats.withinOneAgreement).toBeCloseTo(1, 12);
  });

  it("3×3: Fleiss (1981, Statistical Methods for Rates and Proportions) — 100 patients, three diagnoses", () => {
    // Proportions (rows: rater A; columns: rater B), as printed:
    //   .75 .01 .04 | .80
    //   .05 .04 .01 | .10
    //   .00 .00 .10 | .10
    //   .80 .05 .15
    // observed = .89; chance = .80·.80 + .10·.05 + .10·.15 = .66; kappa = .23 / .34 = .676 (the book's 0.68).
    const categories = [1, 2, 3];
    const stats = agreementStatistics(
      categories,
      pairsFromCounts(categories, [
        [75, 1, 4],
        [5, 4, 1],
        [0, 0, 10],
      ]),
    );
    expect(stats.exactAgreement).toBeCloseTo(0.89, 12);
    expect(stats.kappa).toBeCloseTo(0.23 / 0.34, 12);
    expect(stats.kappa).toBeCloseTo(0.68, 2);
    // Worked by hand with quadratic weights 1, 0.75, 0:
    // observed = .89 + .75·(.01+.05+.01+.00) + 0·(.04+.00) = .9425
    // chance   = .66 + .75·(.80·.05 + .10·.80 + .10·.15 + .10·.05) = .66 + .75·.14 = .765
    // weighted kappa = .1775 / .235
    expect(stats.weightedKappa).toBeCloseTo(0.1775 / 0.235, 12);
    // Within one: everything except the .04 in the far corner.
    expect(stats.withinOneAgreement).toBeCloseTo(0.96, 12);
  });
});

describe("agreementStatistics — hand-computed cases", () => {
  it("4-point scale, 4 pairs: one exact, two one apart, one two apart", () => {
    // Pairs (1,1) (2,3) (3,2) (4,2). Distances by position 0,1,1,2.
    // Marginals: first = {1:.25,2:.25,3:.25,4:.25}; second = {1:.25,2:.5,3:.25,4:0}.
    // kappa: observed .25, chance .25·.25 + .25·.5 + .25·.25 + 0 = .25 → 0.
    // quadratic weights on 4 points: 1, 8/9, 5/9, 0.
    // observed weighted = (1 + 8/9 + 8/9 + 5/9)/4 = (30/9)/4 = 30/36.
    // chance weighted = Σ p_i q_j w(i,j) = .25·Σ_j q_j Σ_i w(i,j)
    //   Σ_i w(i,1) = 1+8/9+5/9+0 = 22/9; w(·,2) = 8/9+1+8/9+5/9 = 30/9; w(·,3) = 30/9; w(·,4) = 22/9
    //   = .25·(.25·22/9 + .5·30/9 + .25·30/9) = .25·(5.5+15+7.5)/9 = .25·28/9 = 7/9 = 28/36.
    // weighted kappa = (30/36 − 28/36) / (1 − 28/36) = 2/8 = 0.25.
    const stats = agreementStatistics(
      [1, 2, 3, 4],
      [
        { first: 1, second: 1 },
        { first: 2, second: 3 },
        { first: 3, second: 2 },
        { first: 4, second: 2 },
      ],
    );
    expect(stats.exactAgreement).toBeCloseTo(0.25, 12);
    expect(stats.withinOneAgreement).toBeCloseTo(0.75, 12);
    expect(stats.kappa).toBeCloseTo(0, 12);
    expect(stats.weightedKappa).toBeCloseTo(0.25, 12);
  });

  it("measures distance by position on the scale, not by the category values", () => {
    const byValue = agreementStatistics(
      [1, 2, 3],
      [
        { first: 1, second: 2 },
        { first: 3, second: 3 },
      ],
    );
    const spread = agreementStatistics(
      [0, 5, 10],
      [
        { first: 0, second: 5 },
        { first: 10, second: 10 },
      ],
    );
    expect(spread).toEqual(byValue);
  });

  it("perfect agreement with variation gives kappa and weighted kappa of exactly 1", () => {
    const stats = agreementStatistics(
      [1, 2, 3, 4],
      [1, 2, 3, 4, 4, 2].map((r) => ({ first: r, second: r })),
    );
    expect(stats).toEqual({ n: 6, exactAgreement: 1, withinOneAgreement: 1, kappa: 1, weightedKappa: 1 });
  });

  it("complete disagreement on a 2-point scale gives kappa −1", () => {
    const stats = agreementStatistics(
      [0, 1],
      [
        { first: 0, second: 1 },
        { first: 1, second: 0 },
      ],
    );
    expect(stats.kappa).toBeCloseTo(-1, 12);
    expect(stats.exactAgreement).toBe(0);
  });
});

describe("agreementStatistics — edge cases and their defined answers", () => {
  it("no pairs: n = 0 and every statistic is null", () => {
    expect(agreementStatistics([1, 2, 3, 4], [])).toEqual({
      n: 0,
      exactAgreement: null,
      withinOneAgreement: null,
      kappa: null,
      weightedKappa: null,
    });
  });

  it("both raters always chose the same single category: agreement is 1 but both kappas are null (not measurable)", () => {
    const stats = agreementStatistics(
      [1, 2, 3, 4],
      [3, 3, 3].map(() => ({ first: 3, second: 3 })),
    );
    expect(stats).toEqual({ n: 3, exactAgreement: 1, withinOneAgreement: 1, kappa: null, weightedKappa: null });
  });

  it("one constant rater, the other varying: kappa is 0", () => {
    // First always 3; second 3, 2, 4, 3. observed = .5; chance = 1·.5 = .5 → kappa 0.
    const stats = agreementStatistics(
      [1, 2, 3, 4],
      [3, 2, 4, 3].map((second) => ({ first: 3, second })),
    );
    expect(stats.exactAgreement).toBeCloseTo(0.5, 12);
    expect(stats.kappa).toBeCloseTo(0, 12);
    // Weighted: the first rater's row is fixed, so observed and chance weighted agreement coincide too.
    expect(stats.weightedKappa).toBeCloseTo(0, 12);
  });

  it("a one-category scale: kappas are null", () => {
    const stats = agreementStatistics([1], [{ first: 1, second: 1 }]);
    expect(stats.kappa).toBeNull();
    expect(stats.weightedKappa).toBeNull();
    expect(stats.exactAgreement).toBe(1);
  });

  it("refuses a rating that is not on the scale, and a scale with repeated categories", () => {
    expect(() => agreementStatistics([1, 2, 3], [{ first: 1, second: 5 }])).toThrow(RatingOutsideScaleError);
    expect(() => agreementStatistics([1, 1, 2], [])).toThrow();
    expect(() => agreementStatistics([], [])).toThrow();
  });
});

describe("agreementStatistics — properties", () => {
  const scale = [1, 2, 3, 4, 5];
  const arbitraryPairs = (categories: number[]) =>
    fc.array(fc.record({ first: fc.constantFrom(...categories), second: fc.constantFrom(...categories) }), {
      minLength: 1,
      maxLength: 60,
    });

  it("kappa and weighted kappa never exceed 1, and shares stay within 0..1", () => {
    fc.assert(
      fc.property(arbitraryPairs(scale), (pairs) => {
        const stats = agreementStatistics(scale, pairs);
        for (const value of [stats.kappa, stats.weightedKappa]) {
          if (value !== null) expect(value).toBeLessThanOrEqual(1 + 1e-12);
        }
        expect(stats.exactAgreement).toBeGreaterThanOrEqual(0);
        expect(stats.withinOneAgreement).toBeLessThanOrEqual(1 + 1e-12);
        expect(stats.withinOneAgreement ?? 0).toBeGreaterThanOrEqual((stats.exactAgreement ?? 0) - 1e-12);
      }),
    );
  });

  it("swapping the raters changes nothing", () => {
    fc.assert(
      fc.property(arbitraryPairs(scale), (pairs) => {
        const forward = agreementStatistics(scale, pairs);
        const swapped = agreementStatistics(
          scale,
          pairs.map(({ first, second }) => ({ first: second, second: first })),
        );
        for (const key of ["exactAgreement", "withinOneAgreement", "kappa", "weightedKappa"] as const) {
          const a = forward[key];
          const b = swapped[key];
          if (a === null || b === null) expect(a).toBe(b);
          else expect(b).toBeCloseTo(a, 10);
        }
      }),
    );
  });

  it("on a two-category scale weighted kappa equals kappa", () => {
    fc.assert(
      fc.property(arbitraryPairs([0, 1]), (pairs) => {
        const stats = agreementStatistics([0, 1], pairs);
        if (stats.kappa === null) expect(stats.weightedKappa).toBeNull();
        else expect(stats.weightedKappa).toBeCloseTo(stats.kappa, 10);
      }),
    );
  });
});
