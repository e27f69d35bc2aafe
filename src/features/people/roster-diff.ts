import { z } from "zod";
import type { JobRole, Level } from "./person.schema.js";
import {
  DEFAULT_LEVEL,
  matchJobRole,
  matchLevel,
  parseLanguages,
  parseRosterDate,
  REQUIRED_ROSTER_FIELDS,
  ROSTER_FIELDS,
  ROSTER_HEADERS,
  type RosterField,
  type RosterSheet,
  valueKey,
} from "./roster-format.js";
import type { RosterMapping, RosterPreview, RosterPreviewItem, RosterRowError } from "./roster-import.schema.js";
import { PREVIEW_LIST_LIMIT } from "./roster-import.schema.js";

/**
 * The dry run: from a parsed file, its mapping and the agency's current people and units, the
 * list of what applying would create and change, and every error with its row. Pure, so the
 * preview and the apply (which runs it again inside its transaction) agree by construction.
 */

/** A person as the roster sees them: the fields a file can carry, with references resolved. */
export interface RosterPersonValues {
  employeeId: string;
  givenName: string;
  familyName: string;
  workEmail: string | null;
  jobRole: JobRole;
  level: Level;
  orgUnitId: string;
  supervisorEmployeeId: string | null;
  hireDate: string | null;
  endDate: string | null;
  languages: string[];
}

export interface ExistingPerson extends Omit<RosterPersonValues, "orgUnitId" | "employeeId"> {
  id: string;
  employeeId: string | null;
  orgUnitId: string | null;
  supervisorId: string | null;
  version: number;
}

export interface ExistingUnit {
  id: string;
  name: string;
  parentId: string | null;
  retired: boolean;
}

export interface PlannedCreate {
  row: number;
  values: RosterPersonValues;
}
export interface PlannedUpdate {
  row: number;
  person: ExistingPerson;
  values: RosterPersonValues;
  changedFields: RosterField[];
}

export interface RosterPlan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  unchanged: number;
  preview: RosterPreview;
}

const email = z.email();
const NAME_MAX = 100;

/** Units are named by their name, or — where two share a name — by their path "Region 1 / North Office / Unit 1". */
export function unitLabels(units: readonly ExistingUnit[]): Map<string, string> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const nameCount = new Map<string, number>();
  for (const u of units) nameCount.set(valueKey(u.name), (nameCount.get(valueKey(u.name)) ?? 0) + 1);
  const pathOf = (u: ExistingUnit): string => {
    const names: string[] = [];
    for (let at: ExistingUnit | undefined = u; at; at = at.parentId ? byId.get(at.parentId) : undefined) {
      names.unshift(at.name);
      if (names.length > 50) break;
    }
    return names.join(" / ");
  };
  return new Map(units.map((u) => [u.id, (nameCount.get(valueKey(u.name)) ?? 0) > 1 ? pathOf(u) : u.name]));
}

function unitFinder(units: readonly ExistingUnit[]) {
  const labels = unitLabels(units);
  const byKey = new Map<string, ExistingUnit[]>();
  const add = (key: string, unit: ExistingUnit) => byKey.set(key, [...(byKey.get(key) ?? []), unit]);
  for (const unit of units) {
    add(valueKey(unit.name), unit);
    const label = labels.get(unit.id) ?? unit.name;
    if (label !== unit.name) add(valueKey(label), unit);
  }
  return (value: string): ExistingUnit[] => byKey.get(valueKey(value)) ?? [];
}

export function displayValue(
  field: RosterField,
  values: RosterPersonValues | ExistingPerson,
  labels: ReadonlyMap<string, string>,
  supervisorEmployeeId: string | null,
): string {
  switch (field) {
    case "unit":
      return values.orgUnitId ? (labels.get(values.orgUnitId) ?? "") : "";
    case "supervisorEmployeeId":
      return supervisorEmployeeId ?? "";
    case "languages":
      return values.languages.join("; ");
    default:
      return values[field] ?? "";
  }
}

interface Cells {
  get(field: RosterField): string | undefined;
}

export function planRosterImport(
  sheet: RosterSheet,
  mapping: RosterMapping,
  existing: readonly ExistingPerson[],
  units: readonly ExistingUnit[],
  remembered: { jobRoles: ReadonlyMap<string, JobRole>; levels: ReadonlyMap<string, Level> },
): RosterPlan {
  const errors: RosterRowError[] = [];
  const fail = (row: number, field: RosterField | "file", value: string, message: string) =>
    errors.push({ row, field, value, message });

  const columnOf = new Map<RosterField, number>();
  for (const field of ROSTER_FIELDS) {
    const header = mapping.columns[field];
    if (!header) continue;
    const index = sheet.headers.indexOf(header);
    if (index < 0) fail(1, field, header, `The file has no column "${header}".`);
    else columnOf.set(field, index);
  }
  for (const field of REQUIRED_ROSTER_FIELDS) {
    if (!mapping.columns[field])
      fail(1, field, "", `Choose the column that holds ${ROSTER_HEADERS[field].toLowerCase()}.`);
  }

  const jobRoles = new Map(remembered.jobRoles);
  for (const [label, role] of Object.entries(mapping.jobRoles)) jobRoles.set(valueKey(label), role);
  const levels = new Map(remembered.levels);
  for (const [label, level] of Object.entries(mapping.levels)) levels.set(valueKey(label), level);
  const unknownJobRoles = new Set<string>();
  const unknownLevels = new Set<string>();

  const findUnits = unitFinder(units);
  const labels = unitLabels(units);
  const byEmployeeId = new Map<string, ExistingPerson>();
  const employeeIdOf = new Map<string, string>();
  for (const person of existing) {
    if (person.employeeId !== null) byEmployeeId.set(person.employeeId, person);
    if (person.employeeId !== null) employeeIdOf.set(person.id, person.employeeId);
  }

  const rowsByEmployeeId = new Map<string, number>();
  const rowsByEmail = new Map<string, number>();
  const parsed: { row: number; values: RosterPersonValues }[] = [];
  const headerErrors = errors.length;

  sheet.rows.forEach((cells, index) => {
    const row = index + 2;
    if (headerErrors > 0 || cells.every((c) => c.trim() === "")) return;
    const at: Cells = {
      get: (field) => {
        const column = columnOf.get(field);
        return column === undefined ? undefined : (cells[column] ?? "").trim();
      },
    };
    const before = errors.length;
    const text = (field: RosterField, required: boolean, max: number): string | null => {
      const value = at.get(field) ?? "";
      if (value === "") {
        if (required) fail(row, field, value, `${ROSTER_HEADERS[field]} is missing.`);
        return null;
      }
      if (value.length > max) fail(row, field, value, `${ROSTER_HEADERS[field]} is longer than ${max} characters.`);
      return value;
    };
    const employeeId = text("employeeId", true, 40);
    const givenName = text("givenName", true, NAME_MAX);
    const familyName = text("familyName", true, NAME_MAX);

    const matched = employeeId ? byEmployeeId.get(employeeId) : undefined;
    if (employeeId) {
      const first = rowsByEmployeeId.get(employeeId);
      if (first) fail(row, "employeeId", employeeId, `Employee id ${employeeId} is also on row ${first}.`);
      else rowsByEmployeeId.set(employeeId, row);
    }

    let workEmail: string | null = matched?.workEmail ?? null;
    if (columnOf.has("workEmail")) {
      const value = at.get("workEmail") ?? "";
      workEmail = value === "" ? null : value.toLowerCase();
      if (workEmail && !email.safeParse(workEmail).success) {
        fail(row, "workEmail", value, `"${value}" is not an email address.`);
      } else if (workEmail) {
        const first = rowsByEmail.get(workEmail);
        if (first) fail(row, "workEmail", value, `The email ${value} is also on row ${first}.`);
        else rowsByEmail.set(workEmail, row);
      }
    }

    const roleText = at.get("jobRole") ?? "";
    let jobRole: JobRole | null = null;
    if (roleText === "") fail(row, "jobRole", roleText, "Job role is missing.");
    else {
      jobRole = matchJobRole(roleText, jobRoles);
      if (!jobRole) {
        unknownJobRoles.add(roleText);
        fail(row, "jobRole", roleText, `"${roleText}" is not a job role Cascade knows; map it to one.`);
      }
    }

    let level: Level | null = matched?.level ?? (jobRole ? DEFAULT_LEVEL[jobRole] : null);
    const levelText = at.get("level");
    if (levelText !== undefined && levelText !== "") {
      level = matchLevel(levelText, levels);
      if (!level) {
        unknownLevels.add(levelText);
        fail(row, "level", levelText, `"${levelText}" is not a level Cascade knows; map it to one.`);
      }
    } else if (levelText === "" && jobRole) {
      level = DEFAULT_LEVEL[jobRole];
    }

    const unitText = at.get("unit") ?? "";
    let orgUnitId: string | null = null;
    if (unitText === "") fail(row, "unit", unitText, "Unit is missing.");
    else {
      const candidates = findUnits(unitText);
      const open = candidates.filter((u) => !u.retired);
      if (candidates.length === 0) fail(row, "unit", unitText, `There is no unit named "${unitText}".`);
      else if (open.length === 0) fail(row, "unit", unitText, `The unit "${unitText}" is retired.`);
      else if (open.length > 1) {
        fail(
          row,
          "unit",
          unitText,
          `More than one unit is named "${unitText}"; write its path, like "Region / Office / Unit".`,
        );
      } else orgUnitId = open[0]?.id ?? null;
    }

    let supervisorEmployeeId = matched
      ? matched.supervisorId
        ? (employeeIdOf.get(matched.supervisorId) ?? null)
        : null
      : null;
    if (columnOf.has("supervisorEmployeeId")) {
      supervisorEmployeeId = text("supervisorEmployeeId", false, 40);
      if (supervisorEmployeeId && supervisorEmployeeId === employeeId) {
        fail(row, "supervisorEmployeeId", supervisorEmployeeId, "A person cannot supervise themself.");
      }
    }

    const date = (field: "hireDate" | "endDate"): string | null => {
      if (!columnOf.has(field)) return matched?.[field] ?? null;
      const value = at.get(field) ?? "";
      if (value === "") return null;
      const parsedDate = parseRosterDate(value);
      if (!parsedDate) fail(row, field, value, `"${value}" is not a date; write it like 2024-03-31 or 3/31/2024.`);
      return parsedDate;
    };
    const hireDate = date("hireDate");
    const endDate = date("endDate");
    if (hireDate && endDate && endDate < hireDate) {
      fail(row, "endDate", endDate, "The end date is before the hire date.");
    }

    let languages = matched?.languages ?? ["English"];
    if (columnOf.has("languages")) {
      languages = parseLanguages(at.get("languages") ?? "");
      if (languages.some((l) => l.length > 50))
        fail(row, "languages", at.get("languages") ?? "", "A language name is longer than 50 characters.");
      if (languages.length > 20) fail(row, "languages", at.get("languages") ?? "", "More than 20 languages.");
    }

    if (errors.length > before || !employeeId || !givenName || !familyName || !jobRole || !level || !orgUnitId) return;
    parsed.push({
      row,
      values: {
        employeeId,
        givenName,
        familyName,
        workEmail,
        jobRole,
        level,
        orgUnitId,
        supervisorEmployeeId,
        hireDate,
        endDate,
        languages,
      },
    });
  });

  // Supervisors may be anyone already in the agency or anyone in the file.
  const supervisorOf = new Map<string, string | null>();
  for (const person of existing) {
    if (person.employeeId !== null) {
      supervisorOf.set(person.employeeId, person.supervisorId ? (employeeIdOf.get(person.supervisorId) ?? null) : null);
    }
  }
  for (const { values } of parsed) supervisorOf.set(values.employeeId, values.supervisorEmployeeId);
  for (const { row, values } of parsed) {
    const boss = values.supervisorEmployeeId;
    if (boss && !supervisorOf.has(boss)) {
      fail(row, "supervisorEmployeeId", boss, `No one in Cascade or in this file has employee id ${boss}.`);
      continue;
    }
    // Walk up the reporting line the import would leave behind; coming back to this person is a loop.
    const seen = new Set([values.employeeId]);
    for (let at = boss; at; at = supervisorOf.get(at) ?? null) {
      if (seen.has(at)) {
        if (at === values.employeeId) {
          fail(
            row,
            "supervisorEmployeeId",
            boss ?? "",
            "This would make a loop: the person would end up supervising their own supervisor.",
          );
        }
        break;
      }
      seen.add(at);
    }
  }

  errors.sort((a, b) => a.row - b.row);
  const creates: PlannedCreate[] = [];
  const updates: PlannedUpdate[] = [];
  let unchanged = 0;
  const newItems: RosterPreviewItem[] = [];
  const changedItems: RosterPreviewItem[] = [];
  const name = (v: RosterPersonValues) => `${v.givenName} ${v.familyName}`;
  const rowsWithErrors = new Set(errors.map((e) => e.row));
  for (const { row, values } of parsed) {
    if (rowsWithErrors.has(row)) continue;
    const person = byEmployeeId.get(values.employeeId);
    if (!person) {
      creates.push({ row, values });
      newItems.push({ row, employeeId: values.employeeId, name: name(values), changes: [] });
      continue;
    }
    const personBoss = person.supervisorId ? (employeeIdOf.get(person.supervisorId) ?? null) : null;
    const changes = ROSTER_FIELDS.flatMap((field) => {
      const from = displayValue(field, person, labels, personBoss);
      const to = displayValue(field, values, labels, values.supervisorEmployeeId);
      const same = field === "languages" ? sameList(person.languages, values.languages) : from === to;
      return same ? [] : [{ field, from, to }];
    });
    if (changes.length === 0) unchanged++;
    else {
      updates.push({ row, person, values, changedFields: changes.map((c) => c.field) });
      changedItems.push({ row, employeeId: values.employeeId, name: name(values), changes });
    }
  }

  const inFile = new Set(parsed.map((p) => p.values.employeeId));
  for (const id of rowsByEmployeeId.keys()) inFile.add(id);
  const notInFile = existing.filter((p) => p.employeeId !== null && !inFile.has(p.employeeId)).length;
  return {
    creates,
    updates,
    unchanged,
    preview: {
      counts: {
        rows: sheet.rows.filter((cells) => cells.some((c) => c.trim() !== "")).length,
        new: creates.length,
        changed: updates.length,
        unchanged,
        errors: errors.length,
        notInFile,
      },
      new: newItems.slice(0, PREVIEW_LIST_LIMIT),
      changed: changedItems.slice(0, PREVIEW_LIST_LIMIT),
      errors: errors.slice(0, PREVIEW_LIST_LIMIT * 2),
      unknownValues: { jobRole: [...unknownJobRoles].sort(), level: [...unknownLevels].sort() },
    },
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
