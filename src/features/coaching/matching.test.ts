import { describe, expect, it } from "vitest";
import { conflictOf, type MatchCoach, type MatchCoachee, rankCoaches } from "./matching.js";

function coach(overrides: Partial<MatchCoach> = {}): MatchCoach {
  return {
    id: "coach-a",
    name: "Ana Coach",
    kind: "internal",
    personId: "person-coach-a",
    strengthItemIds: [],
    languages: ["English"],
    regionPath: null,
    regionName: null,
    capacityCoachees: 4,
    availableForNew: true,
    activeCoacheeIds: [],
    ...overrides,
  };
}

function coachee(overrides: Partial<MatchCoachee> = {}): MatchCoachee {
  return {
    personId: "person-coachee",
    goalItemIds: [],
    elementOfBehavior: new Map(),
    preferredLanguage: null,
    languages: ["English"],
    orgUnitPath: "/root/north/unit-1/",
    supervisorChainIds: ["person-supervisor", "person-manager"],
    reportIds: [],
    ...overrides,
  };
}

describe("the match score", () => {
  it("gives full marks to a free coach strong in every goal, speaking the language, in the coachee's region", () => {
    const best = coach({ strengthItemIds: ["b1", "b2"], regionPath: "/root/north/", regionName: "North" });
    const { ranked } = rankCoaches([best], coachee({ goalItemIds: ["b1", "b2"] }));
    expect(ranked[0]?.score).toBe(100);
    expect(ranked[0]?.parts.map((p) => p.explanation)).toEqual([
      "4 of 4 places free.",
      "Strong in 2 of the 2 goals.",
      "Speaks English.",
      "Works in North.",
    ]);
  });

  it("scales the capacity part with the places still free", () => {
    const half = coach({ activeCoacheeIds: ["x", "y"] });
    const part = rankCoaches([half], coachee()).ranked[0]?.parts.find((p) => p.factor === "capacity");
    expect(part).toMatchObject({ points: 15, explanation: "2 of 4 places free." });
  });

  it("counts a goal behavior as covered when the coach is strong in its whole element", () => {
    const elementStrong = coach({ strengthItemIds: ["element-1"] });
    const person = coachee({ goalItemIds: ["b1", "b9"], elementOfBehavior: new Map([["b1", "element-1"]]) });
    const part = rankCoaches([elementStrong], person).ranked[0]?.parts.find((p) => p.factor === "strengths");
    expect(part).toMatchObject({ points: 20, explanation: "Strong in 1 of the 2 goals." });
  });

  it("gives no language points when the coach does not speak the preferred language", () => {
    const part = rankCoaches([coach()], coachee({ preferredLanguage: "Spanish" })).ranked[0]?.parts.find(
      (p) => p.factor === "language",
    );
    expect(part).toMatchObject({ points: 0, explanation: "Does not list Spanish." });
  });

  it("gives no region points to a coach of another region", () => {
    const south = coach({ regionPath: "/root/south/", regionName: "South" });
    const part = rankCoaches([south], coachee()).ranked[0]?.parts.find((p) => p.factor === "region");
    expect(part).toMatchObject({ points: 0, explanation: "Works in South." });
  });

  it("ranks by score, then by free places, then by name", () => {
    const strong = coach({ id: "strong", name: "Zed", strengthItemIds: ["b1"] });
    const busy = coach({ id: "busy", name: "Amy", activeCoacheeIds: ["x"] });
    const free = coach({ id: "free", name: "Bea" });
    const alsoFree = coach({ id: "also-free", name: "Ada" });
    const { ranked } = rankCoaches([busy, free, strong, alsoFree], coachee({ goalItemIds: ["b1"] }));
    expect(ranked.map((r) => r.coachId)).toEqual(["strong", "also-free", "free", "busy"]);
  });
});

describe("the conflict rules", () => {
  it("never suggests the coachee as their own coach", () => {
    expect(conflictOf(coach({ personId: "person-coachee" }), coachee())?.rule).toBe("self");
  });

  it("keeps a supervisor away from a coach who coaches someone in their reporting line", () => {
    const supervisor = coachee({ reportIds: ["worker-1", "worker-2"] });
    expect(conflictOf(coach({ activeCoacheeIds: ["worker-2"] }), supervisor)?.rule).toBe("coaches-own-staff");
    expect(conflictOf(coach({ activeCoacheeIds: ["someone-else"] }), supervisor)).toBeNull();
  });

  it("keeps an external, community or Tribal coach from coaching someone they supervise", () => {
    for (const kind of ["external", "community", "tribal"] as const) {
      const boss = coach({ kind, personId: "person-manager" });
      expect(conflictOf(boss, coachee())?.rule).toBe("supervisory-authority");
    }
    expect(conflictOf(coach({ kind: "external", personId: "person-elsewhere" }), coachee())).toBeNull();
  });

  it("lets an internal coach coach down their own reporting line, as the cascade does", () => {
    expect(conflictOf(coach({ kind: "internal", personId: "person-supervisor" }), coachee())).toBeNull();
  });

  it("leaves out coaches who are not taking new coachees or are full", () => {
    expect(conflictOf(coach({ availableForNew: false }), coachee())?.rule).toBe("not-available");
    expect(conflictOf(coach({ capacityCoachees: 2, activeCoacheeIds: ["x", "y"] }), coachee())?.rule).toBe(
      "at-capacity",
    );
    expect(conflictOf(coach({ capacityCoachees: 3, activeCoacheeIds: ["x", "y"] }), coachee())).toBeNull();
  });

  it("lists excluded coaches with their reason instead of ranking them", () => {
    const { ranked, excluded } = rankCoaches(
      [coach({ id: "off", availableForNew: false }), coach({ id: "on" })],
      coachee(),
    );
    expect(ranked.map((r) => r.coachId)).toEqual(["on"]);
    expect(excluded).toEqual([
      {
        coachId: "off",
        name: "Ana Coach",
        rule: "not-available",
        explanation: "Not taking new coachees at the moment.",
      },
    ]);
  });
});
