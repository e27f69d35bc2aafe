import { z } from "zod";
import { ZJobRole, ZLevel, ZPeopleQuery } from "./person.schema.js";
import { ROSTER_FIELDS } from "./roster-fields.js";

export const ZRosterField = z.enum(ROSTER_FIELDS);

export const ZRosterUpload = z.object({
  fileName: z.string().trim().min(1).max(200).describe("The file's name; .csv or .xlsx decides how it is read"),
  content: z.base64().min(1, "The file is empty.").describe("The file itself, base64-encoded"),
});

/** Which file column feeds each field (by header), and what unknown job-role and level labels mean. */
export const ZRosterMapping = z.object({
  columns: z.partialRecord(ZRosterField, z.string().max(200).nullable()),
  jobRoles: z.record(z.string().max(200), ZJobRole).default({}),
  levels: z.record(z.string().max(200), ZLevel).default({}),
});
export type RosterMapping = z.output<typeof ZRosterMapping>;

export const ZRosterRowError = z.object({
  row: z.number().int().describe("The row as a spreadsheet numbers it: the headers are row 1"),
  field: z.string(),
  value: z.string(),
  message: z.string(),
});
export type RosterRowError = z.infer<typeof ZRosterRowError>;

export const ZRosterFieldChange = z.object({
  field: ZRosterField,
  from: z.string(),
  to: z.string(),
});

export const ZRosterPreviewItem = z.object({
  row: z.number().int(),
  employeeId: z.string(),
  name: z.string(),
  changes: z.array(ZRosterFieldChange),
});
export type RosterPreviewItem = z.infer<typeof ZRosterPreviewItem>;

/** Lists are cut at this many entries; the counts are always complete. */
export const PREVIEW_LIST_LIMIT = 500;

export const ZRosterPreview = z.object({
  counts: z.object({
    rows: z.number().int(),
    new: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    errors: z.number().int(),
    notInFile: z.number().int().describe("People in Cascade with an employee id this file does not list"),
  }),
  new: z.array(ZRosterPreviewItem),
  changed: z.array(ZRosterPreviewItem),
  errors: z.array(ZRosterRowError),
  /** Job-role and level labels the file uses that Cascade could not place. */
  unknownValues: z.object({ jobRole: z.array(z.string()), level: z.array(z.string()) }),
});
export type RosterPreview = z.infer<typeof ZRosterPreview>;

export const ZRosterImportStatus = z.enum(["uploaded", "previewed", "applied"]);

export const ZRosterImport = z.object({
  id: z.string(),
  fileName: z.string(),
  status: ZRosterImportStatus,
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  headers: z.array(z.string()),
  rowCount: z.number().int(),
  /** The first rows of the file, to help map its columns. */
  sampleRows: z.array(z.array(z.string())),
  /** The mapping of the last dry run, or else Cascade's suggestion (remembered headers first). */
  mapping: ZRosterMapping,
  requiredFields: z.array(ZRosterField),
  preview: ZRosterPreview.nullable(),
  result: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }).nullable(),
});
export type RosterImport = z.infer<typeof ZRosterImport>;

export const ZRosterApplyResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type RosterApplyResult = z.infer<typeof ZRosterApplyResult>;

/** One line of the apply request's progress stream (newline-delimited JSON). */
export type RosterProgress =
  | {
      type: "progress";
      phase: "checking" | "writing" | "supervisors" | "auditing" | "committing";
      done: number;
      total: number;
    }
  | { type: "done"; result: RosterApplyResult }
  | { type: "failed"; status: number; detail: string; errors?: { field: string; message: string }[] };

export const ZRosterExportQuery = ZPeopleQuery.pick({ q: true, orgUnitId: true, level: true, jobRole: true }).extend({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  active: z.enum(["true", "false", "all"]).default("all"),
});
export type RosterExportQuery = z.output<typeof ZRosterExportQuery>;
