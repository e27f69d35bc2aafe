import { describe, expect, it } from "vitest";
import { scoreObservation } from "./scoring.js";

const content = {
  measures: ["M1", "M2", "M3"].map((code) => ({ code, name: code, description: "", elementIds: [], anchors: [] })),
  scoring: { threshold: 3, floor: 2 },
};
const rated = (...ratings: number[]) => ratings.map((rating, i) => ({ measureCode: `M${i + 1}`, rating }));

describe("scoreObservation", () => {
  it("meets fidelity when the mean reaches the threshold and no measure is under the floor", () => {
    expect(scoreObservation(content, rated(3, 3, 3))).toEqual({ overall: 3, fidelityMet: true });
    expect(scoreObservation(content, rated(4, 3, 2))).toEqual({ overall: 3, fidelityMet: true });
  });

  it("does not meet fidelity when the mean is under the threshold", () => {
    expect(scoreObservation(content, rated(3, 3, 2))).toEqual({ overall: 8 / 3, fidelityMet: false });
  });

  it("does not meet fidelity when one measure is under the floor, even with a high mean", () => {
    expect(scoreObservation(content, rated(4, 4, 1))).toEqual({ overall: 3, fidelityMet: false });
  });

  it("has no score while a measure is missing", () => {
    expect(scoreObservation(content, rated(4, 4))).toEqual({ overall: null, fidelityMet: null });
  });
});
