import { describe, expect, it } from "vitest";
import { driftQuarter, pairRatings, type QuarterAgreement, quarterOf } from "./reliability.js";

const quarter = (q: string, n: number, exactAgreement: number): QuarterAgreement => ({
  quarter: q,
  n,
  exactAgreement,
  withinOneAgreement: null,
  kappa: null,
  weightedKappa: null,
});

describe("quarterOf", () => {
  it("names calendar quarters", () => {
    expect(quarterOf("2025-01-01")).toBe("2025-Q1");
    expect(quarterOf("2025-03-31")).toBe("2025-Q1");
    expect(quarterOf("2025-04-01")).toBe("2025-Q2");
    expect(quarterOf("2025-12-31")).toBe("2025-Q4");
  });
});

describe("pairRatings", () => {
  const rating = (observationId: string, observerId: string, measureCode: string, value: number) => ({
    observationId,
    observerId,
    measureCode,
    rating: value,
    eventDate: "2025-05-02",
  });

  it("pairs two observers' ratings measure by measure, in a stable observer order", () => {
    const pairs = pairRatings([
      rating("o1", "b", "M1", 3),
      rating("o1", "a", "M1", 2),
      rating("o1", "a", "M2", 4),
      rating("o1", "b", "M2", 4),
    ]);
    expect(pairs.map((p) => [p.measureCode, p.first, p.second, p.observerIds.join("+"), p.quarter])).toEqual([
      ["M1", 2, 3, "a+b", "2025-Q2"],
      ["M2", 4, 4, "a+b", "2025-Q2"],
    ]);
  });

  it("leaves out observations rated by one or by three observers, and measures only one observer rated", () => {
    const pairs = pairRatings([
      rating("solo", "a", "M1", 3),
      rating("three", "a", "M1", 3),
      rating("three", "b", "M1", 3),
      rating("three", "c", "M1", 3),
      rating("o2", "a", "M1", 3),
      rating("o2", "b", "M2", 3),
    ]);
    expect(pairs).toEqual([]);
  });
});

describe("driftQuarter", () => {
  it("flags the latest quarter when exact agreement fell by 15 points or more against the earlier quarters", () => {
    expect(driftQuarter([quarter("2025-Q1", 18, 0.8), quarter("2025-Q2", 18, 0.8), quarter("2025-Q3", 9, 0.6)])).toBe(
      "2025-Q3",
    );
    // Exactly 15 points counts.
    expect(driftQuarter([quarter("2025-Q1", 18, 0.8), quarter("2025-Q2", 9, 0.65)])).toBe("2025-Q2");
  });

  it("does not flag a smaller fall, a rise, or a pair with too little history", () => {
    expect(driftQuarter([quarter("2025-Q1", 18, 0.8), quarter("2025-Q2", 9, 0.7)])).toBeNull();
    expect(driftQuarter([quarter("2025-Q1", 18, 0.6), quarter("2025-Q2", 9, 0.9)])).toBeNull();
    expect(driftQuarter([quarter("2025-Q1", 9, 0.9), quarter("2025-Q2", 9, 0.3)])).toBeNull();
    expect(driftQuarter([])).toBeNull();
  });

  it("judges the latest quarter with enough ratings, ignoring a thin quarter after it", () => {
    expect(driftQuarter([quarter("2025-Q1", 27, 0.9), quarter("2025-Q2", 9, 0.5), quarter("2025-Q3", 3, 1)])).toBe(
      "2025-Q2",
    );
  });

  it("weights earlier quarters by their number of ratings", () => {
    // Earlier: (0.9·90 + 0.5·10) / 100 = 0.86; latest 0.7 → a fall of 0.16.
    expect(driftQuarter([quarter("2024-Q4", 90, 0.9), quarter("2025-Q1", 10, 0.5), quarter("2025-Q2", 9, 0.7)])).toBe(
      "2025-Q2",
    );
  });
});
