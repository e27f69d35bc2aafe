import { describe, expect, it } from "vitest";
import { changePerPerson, periodDays, type SurveyedSession, surveyChangeByPeriod } from "./survey-reach.js";

const periods = [
  { label: "Jan '26", startDate: "2026-01-01" },
  { label: "Mar '26", startDate: "2026-03-01" },
  { label: "May '26", startDate: "2026-05-01" },
];
const row = (personId: string, before: number | null, after: number | null) => ({ personId, before, after });

describe("periodDays", () => {
  it("runs each period until the next one starts, and the last to the end of its month", () => {
    expect(periodDays(periods)).toEqual([
      { startsOn: "2026-01-01", endsOn: "2026-02-28" },
      { startsOn: "2026-03-01", endsOn: "2026-04-30" },
      { startsOn: "2026-05-01", endsOn: "2026-05-31" },
    ]);
  });

  it("gives no days to a period without a date, nor to the one before it", () => {
    const undated = [periods[0] as (typeof periods)[number], { label: "Later", startDate: null }];
    expect(periodDays(undated)).toEqual([null, null]);
  });
});

describe("surveyChangeByPeriod", () => {
  const sessions: SurveyedSession[] = [
    { sessionId: "S1", localDate: "2026-01-14", people: [row("A", 2, 4), row("B", 3, 4), row("C", 3, null)] },
    // The last day of January's period, and the first of March's.
    { sessionId: "S2", localDate: "2026-02-28", people: [row("D", 2, 2)] },
    { sessionId: "S3", localDate: "2026-03-01", people: [row("E", 1, 3)] },
    { sessionId: "S4", localDate: "2026-06-01", people: [row("F", 2, 3)] },
  ];
  const result = surveyChangeByPeriod(periods, sessions);

  it("pools the matched pairs of every session held in a period", () => {
    // Pairs A 2→4, B 3→4, D 2→2: changes 2, 1, 0; mean 1, standard deviation 1, so d_z = 1.
    expect(result.periods[0]).toMatchObject({
      label: "Jan '26",
      startsOn: "2026-01-01",
      endsOn: "2026-02-28",
      sessions: 2,
      invited: 4,
      respondedBefore: 4,
      respondedAfter: 3,
      pairs: 3,
      responseRate: 0.75,
      meanChange: 1,
      effectSize: 1,
    });
    expect(result.periods[0]?.meanBefore).toBeCloseTo(7 / 3);
    expect(result.periods[0]?.meanAfter).toBeCloseTo(10 / 3);
  });

  it("has no effect size from one pair, and nothing at all for a period without sessions", () => {
    expect(result.periods[1]).toMatchObject({ sessions: 1, pairs: 1, meanChange: 2, effectSize: null });
    expect(result.periods[2]).toMatchObject({
      sessions: 0,
      invited: 0,
      pairs: 0,
      responseRate: null,
      meanChange: null,
    });
  });

  it("keeps sessions on days no period covers apart", () => {
    expect(result.outside).toMatchObject({ sessions: 1, invited: 1, pairs: 1, meanChange: 1 });
  });
});

describe("changePerPerson", () => {
  it("takes each person's means over the sessions they answered both before and after", () => {
    const people = changePerPerson([
      { sessionId: "S1", localDate: "2026-01-14", people: [row("A", 2, 4), row("B", null, null)] },
      { sessionId: "S2", localDate: "2026-03-14", people: [row("A", 3, 4), row("B", 2, null)] },
      { sessionId: "S3", localDate: "2026-05-14", people: [row("A", 1, null)] },
    ]);
    expect(people).toEqual([
      { personId: "A", sessions: 3, matchedSessions: 2, before: 2.5, after: 4, change: 1.5 },
      { personId: "B", sessions: 2, matchedSessions: 0, before: null, after: null, change: null },
    ]);
  });
});
