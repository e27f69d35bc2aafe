import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { columnLetter, parseRolloutPlan, periodStartDate } from "./rollout-import.js";
import { cumulativeRollout } from "./rollout-summary.js";
import { formatUnitList, parseUnitList } from "./unit-lists.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../tests/fixtures/rollout/${name}`, import.meta.url), "utf8");
const SAMPLE_TOTALS = [8, 17, 26, 35, 44, 52, 57, 63, 66, 70];

function parsed(text: string) {
  const result = parseRolloutPlan(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

function totalsOf(text: string) {
  const plan = parsed(text);
  const cells = plan.regions.flatMap((r) =>
    r.cells.map((c) => ({ periodIndex: c.periodIndex, units: c.units.map(() => ({ staff: null })) })),
  );
  return cumulativeRollout(plan.periods.length, cells).map((p) => p.cumulativeUnits);
}

describe("unit lists in a cell", () => {
  it.each([
    ["Units 1,2", ["Unit 1", "Unit 2"]],
    ["Units 3-5", ["Unit 3", "Unit 4", "Unit 5"]],
    ["Unit 7", ["Unit 7"]],
    ["units 19, 20", ["Unit 19", "Unit 20"]],
    ["Units 1-2, 4 and 6", ["Unit 1", "Unit 2", "Unit 4", "Unit 6"]],
    ["Units 8–9", ["Unit 8", "Unit 9"]],
    ["Intake; Adoptions", ["Intake", "Adoptions"]],
    ["   ", []],
  ])("reads %j", (cell, units) => {
    expect(parseUnitList(cell)).toEqual({ units });
  });

  it.each([
    ["Units 5-3", "runs backwards"],
    ["Units 1,,2", "empty item"],
    ["Units A-C", "not a unit number"],
    ["Units", "names no unit numbers"],
    ["Units 1-900", "too long"],
  ])("refuses %j", (cell, reason) => {
    const result = parseUnitList(cell);
    expect("error" in result && result.error).toContain(reason);
  });
});

describe("cell text for a list of units", () => {
  it.each([
    [["Unit 7"], "Unit 7"],
    [["Unit 1", "Unit 2"], "Units 1,2"],
    [["Unit 3", "Unit 4", "Unit 5"], "Units 3-5"],
    [["Unit 1", "Unit 2", "Unit 4", "Unit 5", "Unit 6"], "Units 1,2,4-6"],
    [["Intake", "Unit 2"], "Intake; Unit 2"],
    [[], ""],
  ])("writes %j as %j, which reads back the same", (labels, text) => {
    expect(formatUnitList(labels)).toBe(text);
    expect(parseUnitList(text)).toEqual({ units: labels });
  });
});

describe("period labels", () => {
  it.each([
    ["May '12", "2012-05-01"],
    ["July '12", "2012-07-01"],
    ["Sept 13", "2013-09-01"],
    ["Jan 2013", "2013-01-01"],
    ["2014-03", "2014-03-01"],
    ["Spring", null],
    ["Phase 1", null],
    ["2014-13", null],
  ])("%j starts on %s", (label, date) => {
    expect(periodStartDate(label)).toBe(date);
  });

  it("names columns like a spreadsheet", () => {
    expect([0, 1, 25, 26, 27].map(columnLetter)).toEqual(["A", "B", "Z", "AA", "AB"]);
  });
});

describe("the seeds' sample rollout grid", () => {
  it("gives the sample's total row from the CSV grid (with a byte-order mark and CRLF)", () => {
    const text = fixture("sample-grid.csv");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const plan = parsed(text);
    expect(plan).toMatchObject({ layout: "grid", format: "csv" });
    expect(plan.periods.map((p) => p.label)).toEqual([
      "May '12",
      "July '12",
      "Sep '12",
      "Nov '12",
      "Jan '13",
      "Mar '13",
      "May '13",
      "July '13",
      "Sep '13",
      "Nov '13",
    ]);
    expect(plan.regions.map((r) => r.label)).toEqual([
      "Wexler County/ Region 1",
      "Wexler County/ Region 2",
      "Wexler County/ Region 3",
    ]);
    expect(totalsOf(text)).toEqual(SAMPLE_TOTALS);
  });

  it("gives the same totals from the grid pasted as tab-separated text with a title line", () => {
    const plan = parsed(fixture("sample-grid.tsv"));
    expect(plan).toMatchObject({ layout: "grid", format: "tsv" });
    expect(plan.regions[0]?.cells[0]).toEqual({ periodIndex: 0, units: ["Unit 1", "Unit 2"] });
    expect(totalsOf(fixture("sample-grid.tsv"))).toEqual(SAMPLE_TOTALS);
  });

  it("gives the same totals from the long layout, in time order", () => {
    const plan = parsed(fixture("sample-long.csv"));
    expect(plan).toMatchObject({ layout: "long", format: "csv" });
    expect(plan.periods[9]).toEqual({ label: "Nov '13", startDate: "2013-11-01" });
    expect(totalsOf(fixture("sample-long.csv"))).toEqual(SAMPLE_TOTALS);
  });

  it("sorts long-layout periods by date even when rows are grouped by region", () => {
    const text = "Region\tPeriod\tUnits\nEast\tJan '13\tUnit 2\nWest\tNov '12\tUnit 1\n";
    expect(parsed(text).periods.map((p) => p.label)).toEqual(["Nov '12", "Jan '13"]);
  });
});

describe("files that cannot be read", () => {
  function problemsOf(text: string) {
    const result = parseRolloutPlan(text);
    if (result.ok) throw new Error("expected problems");
    return result.problems;
  }

  it("points at the row and column of an unreadable cell", () => {
    const text = "Region,May '12,July '12\nNorth,Units 1-2,Units 5-3\n";
    expect(problemsOf(text)).toEqual([{ row: 2, column: "C", message: expect.stringContaining("backwards") }]);
  });

  it("reports a unit planned twice in one region with both places", () => {
    const text = "Region\tMay '12\tJuly '12\nNorth\tUnits 1-3\tUnit 3\nSouth\tUnit 3\t\n";
    const [problem, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    expect(problem).toEqual({ row: 2, column: "C", message: expect.stringContaining("row 2, column B") });
  });

  it("reports a cell beyond the last period and a row without a region", () => {
    const text = "Region,May '12\nNorth,Unit 1,Unit 2\n,Unit 4\n";
    expect(problemsOf(text)).toEqual([
      { row: 2, column: "C", message: expect.stringContaining("right of the last period") },
      { row: 3, column: "A", message: expect.stringContaining("names no region") },
    ]);
  });

  it("reports duplicate and missing period headings", () => {
    expect(problemsOf("Region,May '12,May '12\nNorth,Unit 1,\n")[0]).toMatchObject({ row: 1, column: "C" });
    expect(problemsOf("Region,May '12,,July '12\nNorth,Unit 1,,\n")[0]).toMatchObject({ row: 1, column: "C" });
  });

  it("reports an empty table, a text without a table, and an unclosed quote", () => {
    expect(problemsOf("Region,May '12\nNorth,\n")[0]?.message).toContain("no units");
    expect(problemsOf("just a note\n")[0]?.message).toContain("No table found");
    expect(problemsOf("Region,May '12\nNorth,\"Units 1,2\n")[0]?.message).toContain("quoted cell");
  });

  it("reports long-layout rows without a period", () => {
    expect(problemsOf("region,period,units\nNorth,,Unit 1\n")).toEqual([
      { row: 2, column: "B", message: "Name the period of this row." },
    ]);
  });
});
