import { describe, expect, it } from "vitest";
import { latestBySkill, type RatingPoint, ratingRounds } from "./skill-profile.js";

const at = (
  skill: RatingPoint["skill"],
  rating: number,
  raterKind: RatingPoint["raterKind"],
  ratedOn: string,
  createdAt = `${ratedOn}T12:00:00.000Z`,
): RatingPoint => ({ skill, rating, raterKind, ratedOn, createdAt });

describe("latestBySkill", () => {
  it("puts the latest self rating next to the latest mentor rating, for all eight skills in order", () => {
    const profile = latestBySkill([
      at("inquiry", 1, "self", "2026-01-10"),
      at("inquiry", 3, "self", "2026-04-02"),
      at("inquiry", 2, "mentor", "2026-02-01"),
      at("modeling", 4, "mentor", "2026-03-01"),
    ]);
    expect(profile).toHaveLength(8);
    expect(profile[0]).toEqual({
      skill: "inquiry",
      self: { rating: 3, ratedOn: "2026-04-02" },
      mentor: { rating: 2, ratedOn: "2026-02-01" },
    });
    expect(profile.find((p) => p.skill === "modeling")).toEqual({
      skill: "modeling",
      self: null,
      mentor: { rating: 4, ratedOn: "2026-03-01" },
    });
    expect(profile.find((p) => p.skill === "goal_setting")).toEqual({
      skill: "goal_setting",
      self: null,
      mentor: null,
    });
  });

  it("lets a later save on the same date replace an earlier one", () => {
    const profile = latestBySkill([
      at("feedback", 2, "self", "2026-05-01", "2026-05-01T09:00:00.000Z"),
      at("feedback", 3, "self", "2026-05-01", "2026-05-01T15:00:00.000Z"),
    ]);
    expect(profile.find((p) => p.skill === "feedback")?.self).toEqual({ rating: 3, ratedOn: "2026-05-01" });
  });
});

describe("ratingRounds", () => {
  it("averages each rater's sitting to one decimal and counts the skills it covers", () => {
    const rounds = ratingRounds([
      // self on 2026-01-10: (1 + 2 + 2) / 3 = 1.666… → 1.7
      at("inquiry", 1, "self", "2026-01-10"),
      at("modeling", 2, "self", "2026-01-10"),
      at("feedback", 2, "self", "2026-01-10"),
      // mentor on 2026-01-10: (3 + 2) / 2 = 2.5
      at("inquiry", 3, "mentor", "2026-01-10"),
      at("modeling", 2, "mentor", "2026-01-10"),
      // self on 2026-04-02: 4 / 1 = 4
      at("inquiry", 4, "self", "2026-04-02"),
    ]);
    expect(rounds).toEqual([
      { ratedOn: "2026-01-10", raterKind: "mentor", skillsRated: 2, average: 2.5 },
      { ratedOn: "2026-01-10", raterKind: "self", skillsRated: 3, average: 1.7 },
      { ratedOn: "2026-04-02", raterKind: "self", skillsRated: 1, average: 4 },
    ]);
  });

  it("counts a skill rated twice by the same rater on one date once, with the later save", () => {
    const rounds = ratingRounds([
      at("inquiry", 1, "self", "2026-01-10", "2026-01-10T08:00:00.000Z"),
      at("inquiry", 3, "self", "2026-01-10", "2026-01-10T17:00:00.000Z"),
      at("goal_setting", 2, "self", "2026-01-10"),
    ]);
    // (3 + 2) / 2 = 2.5
    expect(rounds).toEqual([{ ratedOn: "2026-01-10", raterKind: "self", skillsRated: 2, average: 2.5 }]);
  });
});
