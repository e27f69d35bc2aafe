import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { JOB_ROLE_LABELS, JOB_ROLES, type JobRole, LEVELS, type Level } from "./person.schema.js";
import { ROSTER_FIELDS, ROSTER_HEADERS, type RosterField } from "./roster-fields.js";

export { REQUIRED_ROSTER_FIELDS, ROSTER_FIELDS, ROSTER_HEADERS, type RosterField } from "./roster-fields.js";

/**
 * The roster file format: which fields a file can carry, the headers Cascade writes and
 * recognizes, reading and writing CSV and XLSX, and the formula-injection guard. Pure: no
 * database here.
 */

/** Headers HR systems commonly use, compared after `headerKey`. */
const HEADER_SYNONYMS: Record<RosterField, string[]> = {
  employeeId: ["employeeid", "empid", "employeenumber", "empno", "employeeno", "staffid", "personnelnumber", "id"],
  givenName: ["givenname", "firstname", "first", "forename", "legalfirstname", "preferredfirstname"],
  familyName: ["familyname", "lastname", "last", "surname", "legallastname"],
  workEmail: ["workemail", "email", "emailaddress", "businessemail", "workemailaddress"],
  jobRole: ["jobrole", "position", "jobtitle", "title", "role", "positiontitle", "job"],
  level: ["level", "joblevel", "tier", "band"],
  unit: ["unit", "orgunit", "department", "dept", "team", "section", "workunit"],
  supervisorEmployeeId: [
    "supervisoremployeeid",
    "supervisorempid",
    "supervisorid",
    "manageremployeeid",
    "managerempid",
    "managerid",
    "reportsto",
    "reportstoempid",
  ],
  hireDate: ["hiredate", "startdate", "dateofhire", "hired", "originalhiredate"],
  endDate: ["enddate", "terminationdate", "termdate", "separationdate", "lastday"],
  languages: ["languages", "language", "languagesspoken", "spokenlanguages"],
};

/** Headers are compared without case, spaces or punctuation: "Emp. ID" and "emp_id" match. */
export function headerKey(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** A best guess at each field's column, from the remembered mapping first, then common names. */
export function suggestMapping(
  headers: readonly string[],
  remembered: ReadonlyMap<string, RosterField>,
): Partial<Record<RosterField, string>> {
  const mapping: Partial<Record<RosterField, string>> = {};
  const taken = new Set<string>();
  for (const header of headers) {
    const field = remembered.get(headerKey(header));
    if (field && !mapping[field]) {
      mapping[field] = header;
      taken.add(header);
    }
  }
  for (const field of ROSTER_FIELDS) {
    if (mapping[field]) continue;
    const header = headers.find(
      (h) =>
        !taken.has(h) &&
        (headerKey(h) === headerKey(ROSTER_HEADERS[field]) || HEADER_SYNONYMS[field].includes(headerKey(h))),
    );
    if (header) {
      mapping[field] = header;
      taken.add(header);
    }
  }
  return mapping;
}

/** What a job role or level label means, ignoring case, spaces and punctuation. */
export function valueKey(value: string): string {
  return headerKey(value);
}

const JOB_ROLE_BY_KEY = new Map<string, JobRole>(
  JOB_ROLES.flatMap((role) => [
    [valueKey(role), role],
    [valueKey(JOB_ROLE_LABELS[role]), role],
  ]),
);
const LEVEL_BY_KEY = new Map<string, Level>(LEVELS.map((level) => [valueKey(level), level]));

/** A job role from its code or label; an agency's remembered labels ("SW II") come first. */
export function matchJobRole(value: string, custom: ReadonlyMap<string, JobRole>): JobRole | null {
  const key = valueKey(value);
  return custom.get(key) ?? JOB_ROLE_BY_KEY.get(key) ?? null;
}

export function matchLevel(value: string, custom: ReadonlyMap<string, Level>): Level | null {
  const key = valueKey(value);
  return custom.get(key) ?? LEVEL_BY_KEY.get(key) ?? null;
}

/** When a file has no level column, a person's level follows from their job role. */
export const DEFAULT_LEVEL: Record<JobRole, Level> = {
  social_worker: "practice",
  case_aide: "practice",
  supervisor: "supervisory",
  manager: "management",
  executive: "executive",
  trainer: "practice",
  coach: "practice",
  licensing_worker: "practice",
  administrative_support: "practice",
  other: "practice",
};

/**
 * A spreadsheet treats a cell that starts with one of these as a formula (tab and carriage
 * return too, in some programs). Export prefixes such a cell with an apostrophe, which
 * spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Export also prefixes a value that already starts with an apostrophe, and import removes one
 * leading apostrophe from every cell, so every value comes back exactly as it left.
 */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}

/** A parsed file: its header row and its data rows, every cell as text. */
export interface RosterSheet {
  headers: string[];
  rows: string[][];
}

export type RosterFileFormat = "csv" | "xlsx";

export function formatOfFile(fileName: string): RosterFileFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return "csv";
  if (lower.endsWith(".xlsx")) return "xlsx";
  return null;
}

export class RosterFileError extends Error {}

function sheetFrom(records: string[][]): RosterSheet {
  const [headerRow, ...rows] = records;
  if (!headerRow || headerRow.every((h) => h.trim() === "")) {
    throw new RosterFileError("The file is empty: the first row must hold the column headers.");
  }
  const headers = headerRow.map((h) => restoreCell(h).trim());
  const seen = new Map<string, string>();
  for (const header of headers) {
    if (header === "") continue;
    const twin = seen.get(headerKey(header));
    if (twin !== undefined) {
      throw new RosterFileError(
        `Two columns are named alike ("${twin}" and "${header}"); rename one and upload again.`,
      );
    }
    seen.set(headerKey(header), header);
  }
  return { headers, rows: rows.map((row) => headers.map((_, i) => restoreCell(row[i] ?? ""))) };
}

export function parseCsv(text: string): RosterSheet {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw new RosterFileError(`This is not a CSV file Cascade can read: ${(error as Error).message}`);
  }
  return sheetFrom(records);
}

export function toCsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  // The byte-order mark tells spreadsheet programs the file is UTF-8, so names keep their accents.
  return `\uFEFF${stringify([headers.map(neutralizeCell), ...rows.map((row) => row.map(neutralizeCell))], {
    record_delimiter: "\r\n",
  })}`;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
  }
  return String(value);
}

export async function parseXlsx(content: Buffer): Promise<RosterSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new RosterFileError("This is not an XLSX workbook Cascade can read.");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new RosterFileError("The workbook has no sheets.");
  const records: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    records[rowNumber - 1] = cells;
  });
  return sheetFrom(Array.from(records, (r) => r ?? []));
}

export async function toXlsx(headers: readonly string[], rows: readonly (readonly string[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("People");
  // Every cell is text, so employee ids keep their leading zeros and dates stay as written.
  sheet.columns = headers.map((header) => ({ header: neutralizeCell(header), width: 20, style: { numFmt: "@" } }));
  for (const row of rows) sheet.addRow(row.map(neutralizeCell));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function parseRosterFile(fileName: string, content: Buffer): Promise<RosterSheet> {
  const format = formatOfFile(fileName);
  if (format === "xlsx") return parseXlsx(content);
  if (format === "csv") return parseCsv(content.toString("utf8"));
  throw new RosterFileError("Upload a .csv or .xlsx file.");
}

/** Dates as HR systems write them: 2024-03-31, 3/31/2024, or an XLSX date cell. */
export function parseRosterDate(value: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : us
      ? [Number(us[3]), Number(us[1]), Number(us[2])]
      : [0, 0, 0];
  if (!year) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Languages are written "English; Spanish"; a file may also separate them with commas or bars. */
export function parseLanguages(value: string): string[] {
  return value
    .split(/[;,|]/)
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

export function formatLanguages(languages: readonly string[]): string {
  return languages.join("; ");
}
