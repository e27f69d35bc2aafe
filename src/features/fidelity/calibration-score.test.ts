import { describe, expect, it } from "vitest";
import { scoreCalibration } from "./calibration-score.js";

const scale = [1, 2, 3, 4];
const rated = (values: number[]) => values.map((rating, index) => ({ measureCode: `M${index + 1}`, rating }));

describe("scoreCalibration", () => {
  it("compares each measure with the reference, by hand: 2 of 4 exact, 3 of 4 within one", () => {
    // Pairs (observer, reference): (3,3) (2,2) (4,2) (1,2). Positions equal the values minus one.
    const score = scoreCalibration(scale, rated([3, 2, 4, 1]), rated([3, 2, 2, 2]));
    expect(score.n).toBe(4);
    expect(score.exactAgreement).toBe(0.5);
    expect(score.withinOneAgreement).toBe(0.75);
    expect(score.passed).toBe(false);
    // Quadratic weights w = 1 - d²/9. Observed: (1 + 1 + 5/9 + 8/9) / 4 = 31/36.
    // Observer marginals 1:¼ 2:¼ 3:¼ 4:¼; reference 2:¾ 3:¼. Expected: each reference level has
    // weights summing to 30/9 over the four observer levels, so expected = 30/36.
    // Kappa = (31/36 − 30/36) / (1 − 30/36) = 1/6.
    expect(score.weightedKappa).toBeCloseTo(1 / 6, 10);
  });

  it("passes at 80% within one and leaves out measures the reference does not rate", () => {
    const score = scoreCalibration(scale, rated([1, 2, 3, 4, 4, 2]), rated([1, 2, 3, 3, 2]));
    expect(score.n).toBe(5);
    expect(score.withinOneAgreement).toBe(0.8);
    expect(score.passed).toBe(true);
  });

  it("has no kappa when the reference and the observer use one level throughout", () => {
    const score = scoreCalibration(scale, rated([3, 3, 3]), rated([3, 3, 3]));
    expect(score.exactAgreement).toBe(1);
    expect(score.weightedKappa).toBeNull();
    expect(score.passed).toBe(true);
  });
});
