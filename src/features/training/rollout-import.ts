import { parse } from "csv-parse/sync";
import { parseUnitList } from "./unit-lists.js";

/**
 * Reads a rollout plan pasted or uploaded from a spreadsheet. Two layouts are accepted:
 *
 * - the grid agencies draw: a header row of periods (`May '12`, `July '12`, …) after a corner
 *   cell, then one row per region (`Wexler County/ Region 1`) whose cells list the units trained
 *   in that period (`Units 1,2`, `Units 3-5`, `Unit 7`, blank for none); a "Total" row is ignored
 *   because Cascade works the totals out itself;
 * - the long layout: a header naming `region`, `period` and `units` columns, one row per cell.
 *
 * Either as CSV or as tab-separated text (what a spreadsheet puts on the clipboard). Title lines
 * above the header, a byte-order mark, CRLF line ends and blank lines are tolerated. Pure: no
 * database, so every rule here is unit-tested.
 */

export interface ImportProblem {
  /** 1-based line of the text, as the spreadsheet numbers its rows. */
  row: number;
  /** Spreadsheet column letter (A, B, …), or null when the problem is the whole row or file. */
  column: string | null;
  message: string;
}

export interface ParsedPeriod {
  label: string;
  /** First day of the period's month when the label names one (`May '12` → 2012-05-01). */
  startDate: string | null;
}

export interface ParsedCell {
  periodIndex: number;
  /** Unit labels in the order written: numbers become `Unit 3`, names stay as written. */
  units: string[];
}

export interface ParsedRegion {
  label: string;
  cells: ParsedCell[];
}

export interface ParsedRolloutPlan {
  layout: "grid" | "long";
  format: "csv" | "tsv";
  periods: ParsedPeriod[];
  regions: ParsedRegion[];
}

export type RolloutParseResult = { ok: true; plan: ParsedRolloutPlan } | { ok: false; problems: ImportProblem[] };

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** `May '12`, `July 2012`, `Sept 12`, `2012-05` → `2012-05-01`; anything else → null. */
export function periodStartDate(label: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})$/.exec(label.trim());
  if (iso) {
    const month = Number(iso[2]);
    return month >= 1 && month <= 12 ? `${iso[1]}-${String(month).padStart(2, "0")}-01` : null;
  }
  const named = /^([A-Za-z]{3,})\.?\s*['’]?\s*(\d{2}|\d{4})$/.exec(label.trim());
  if (!named) return null;
  const word = (named[1] as string).toLowerCase().replace(/^sept$/, "sep");
  const month = MONTH_NAMES.findIndex((name) => name.startsWith(word));
  if (month < 0) return null;
  const digits = named[2] as string;
  const year = digits.length === 2 ? 2000 + Number(digits) : Number(digits);
  return `${year}-${String(month + 1).padStart(2, "0")}-01`;
}

function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** Tabs only appear in text copied from a spreadsheet; otherwise it is CSV. */
function detectFormat(text: string): "csv" | "tsv" {
  return text.includes("\t") ? "tsv" : "csv";
}

/** Lines as cell arrays; `row` is the 1-based line of the text. */
function readRows(
  text: string,
  format: "csv" | "tsv",
):
  | { ok: true; rows: { row: number; cells: string[] }[] }
  | {
      ok: false;
      problem: ImportProblem;
    } {
  try {
    // With `info`, csv-parse returns each record with its line number; its types do not say so.
    const records = parse(text, {
      delimiter: format === "tsv" ? "\t" : ",",
      relax_column_count: true,
      // Pasted periods like May '12 carry apostrophes; only double quotes group cells.
      quote: '"',
      relax_quotes: format === "tsv",
      skip_empty_lines: false,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return {
      ok: true,
      rows: records.map((r) => ({ row: r.info.lines, cells: r.record.map((c) => stripMarkup(c).trim()) })),
    };
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      ok: false,
      problem: { row: line, column: null, message: "A quoted cell is not closed; check the quotation marks." },
    };
  }
}

/** Spreadsheets exported to HTML-ish text sometimes keep bold tags around labels. */
function stripMarkup(cell: string): string {
  return cell.replace(/<\/?[a-z][^>]*>/gi, "");
}

const isBlank = (cells: string[]) => cells.every((c) => c === "");
const isTotalRow = (label: string) => /^total\b/i.test(label);

const LONG_HEADERS = {
  region: /^(region|county|office|county\s*\/\s*office|area)s?$/i,
  period: /^(period|month|when|date)s?$/i,
  units: /^(units?|units? trained)$/i,
};

function longColumns(cells: string[]) {
  const find = (pattern: RegExp) => cells.findIndex((c) => pattern.test(c));
  const region = find(LONG_HEADERS.region);
  const period = find(LONG_HEADERS.period);
  const units = find(LONG_HEADERS.units);
  return region >= 0 && period >= 0 && units >= 0 ? { region, period, units } : null;
}

class PlanBuilder {
  readonly problems: ImportProblem[] = [];
  private readonly regions = new Map<string, ParsedRegion>();
  /** Where each unit of each region was first planned, to report a unit planned twice. */
  private readonly placed = new Map<string, { row: number; column: string; period: string }>();

  constructor(readonly periods: ParsedPeriod[]) {}

  region(label: string): ParsedRegion {
    const key = label.toLowerCase();
    let region = this.regions.get(key);
    if (!region) {
      region = { label, cells: [] };
      this.regions.set(key, region);
    }
    return region;
  }

  addCell(region: ParsedRegion, periodIndex: number, text: string, at: { row: number; column: number }) {
    const column = columnLetter(at.column);
    const parsed = parseUnitList(text);
    if ("error" in parsed) {
      this.problems.push({ row: at.row, column, message: parsed.error });
      return;
    }
    const period = this.periods[periodIndex]?.label ?? "";
    const fresh: string[] = [];
    for (const unit of parsed.units) {
      const key = `${region.label.toLowerCase()}\u0000${unit.toLowerCase()}`;
      const first = this.placed.get(key);
      if (first) {
        this.problems.push({
          row: at.row,
          column,
          message: `${unit} of ${region.label} is already planned for ${first.period} (row ${first.row}, column ${first.column}).`,
        });
        continue;
      }
      this.placed.set(key, { row: at.row, column, period });
      fresh.push(unit);
    }
    if (fresh.length === 0) return;
    const existing = region.cells.find((c) => c.periodIndex === periodIndex);
    if (existing) existing.units.push(...fresh);
    else region.cells.push({ periodIndex, units: fresh });
  }

  build(): ParsedRegion[] {
    for (const region of this.regions.values()) region.cells.sort((a, b) => a.periodIndex - b.periodIndex);
    return [...this.regions.values()];
  }
}

function parseGrid(
  rows: { row: number; cells: string[] }[],
  headerAt: number,
): Omit<ParsedRolloutPlan, "format"> | ImportProblem[] {
  const header = rows[headerAt] as { row: number; cells: string[] };
  let last = header.cells.length - 1;
  while (last > 0 && header.cells[last] === "") last--;
  const labels = header.cells.slice(1, last + 1);
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  labels.forEach((label, i) => {
    const column = columnLetter(i + 1);
    if (label === "") problems.push({ row: header.row, column, message: "This period has no name." });
    const earlier = seen.get(label.toLowerCase());
    if (label !== "" && earlier !== undefined) {
      problems.push({
        row: header.row,
        column,
        message: `${label} already heads column ${columnLetter(earlier + 1)}.`,
      });
    }
    seen.set(label.toLowerCase(), i);
  });
  if (problems.length > 0) return problems;
  const periods = labels.map((label) => ({ label, startDate: periodStartDate(label) }));
  const builder = new PlanBuilder(periods);
  for (const { row, cells } of rows.slice(headerAt + 1)) {
    if (isBlank(cells)) continue;
    const label = cells[0] ?? "";
    if (isTotalRow(label)) continue;
    if (label === "") {
      builder.problems.push({ row, column: "A", message: "This row lists units but names no region." });
      continue;
    }
    const region = builder.region(label);
    cells.slice(1).forEach((text, i) => {
      if (text === "") return;
      if (i >= periods.length) {
        builder.problems.push({
          row,
          column: columnLetter(i + 1),
          message: "This cell is right of the last period; add a period heading above it.",
        });
        return;
      }
      builder.addCell(region, i, text, { row, column: i + 1 });
    });
  }
  const regions = builder.build();
  if (builder.problems.length > 0) return builder.problems;
  return { layout: "grid", periods, regions };
}

function parseLong(
  rows: { row: number; cells: string[] }[],
  headerAt: number,
  columns: { region: number; period: number; units: number },
): Omit<ParsedRolloutPlan, "format"> | ImportProblem[] {
  const data = rows.slice(headerAt + 1).filter((r) => !isBlank(r.cells));
  const problems: ImportProblem[] = [];
  const periodLabels: string[] = [];
  for (const { row, cells } of data) {
    const period = cells[columns.period] ?? "";
    if (period === "") {
      problems.push({ row, column: columnLetter(columns.period), message: "Name the period of this row." });
    } else if (!periodLabels.some((p) => p.toLowerCase() === period.toLowerCase())) {
      periodLabels.push(period);
    }
    if ((cells[columns.region] ?? "") === "") {
      problems.push({ row, column: columnLetter(columns.region), message: "Name the region of this row." });
    }
  }
  if (problems.length > 0) return problems;
  let periods = periodLabels.map((label) => ({ label, startDate: periodStartDate(label) }));
  // Rows are often sorted by region, so first appearance is not time order; dates are, when every label has one.
  if (periods.every((p) => p.startDate !== null)) {
    periods = [...periods].sort((a, b) => (a.startDate as string).localeCompare(b.startDate as string));
  }
  const indexOf = new Map(periods.map((p, i) => [p.label.toLowerCase(), i]));
  const builder = new PlanBuilder(periods);
  for (const { row, cells } of data) {
    const region = builder.region(cells[columns.region] as string);
    const periodIndex = indexOf.get((cells[columns.period] as string).toLowerCase()) as number;
    const text = cells[columns.units] ?? "";
    if (text === "") continue;
    builder.addCell(region, periodIndex, text, { row, column: columns.units });
  }
  const regions = builder.build();
  if (builder.problems.length > 0) return builder.problems;
  return { layout: "long", periods, regions };
}

export function parseRolloutPlan(input: string): RolloutParseResult {
  const text = normalizeText(input);
  const format = detectFormat(text);
  const read = readRows(text, format);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  const { rows } = read;
  // Title lines above the table hold one cell at most; the header is the first row with two.
  const headerAt = rows.findIndex((r) => r.cells.filter((c) => c !== "").length >= 2);
  if (headerAt < 0) {
    return {
      ok: false,
      problems: [
        {
          row: 1,
          column: null,
          message:
            "No table found: paste a header row of periods with one row per region, or region, period and units columns.",
        },
      ],
    };
  }
  const header = rows[headerAt] as { row: number; cells: string[] };
  const columns = longColumns(header.cells);
  const result = columns ? parseLong(rows, headerAt, columns) : parseGrid(rows, headerAt);
  if (Array.isArray(result)) return { ok: false, problems: result };
  if (result.regions.every((r) => r.cells.length === 0)) {
    return {
      ok: false,
      problems: [{ row: header.row, column: null, message: "The table lists no units under any period." }],
    };
  }
  return { ok: true, plan: { ...result, format } };
}
