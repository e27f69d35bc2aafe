import { createHash } from "node:crypto";
import type { Db } from "../../db/types.js";
import { AppError, notFound } from "../../server/errors.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import { type Actor, authorize, scopeFilterFor } from "../access/policy.js";
import { setAccountActiveForPerson } from "../accounts/account.service.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import { findOrgUnitPath } from "../org/org-unit.service.js";
import { findPeople, insertPeople } from "./person.repo.js";
import { planRosterImport, type RosterPersonValues, type RosterPlan, unitLabels } from "./roster-diff.js";
import {
  formatLanguages,
  headerKey,
  parseRosterFile,
  REQUIRED_ROSTER_FIELDS,
  ROSTER_FIELDS,
  ROSTER_HEADERS,
  type RosterField,
  RosterFileError,
  type RosterSheet,
  suggestMapping,
  toCsv,
  toXlsx,
  valueKey,
} from "./roster-format.js";
import {
  findPeopleWithAccounts,
  findRememberedMappings,
  findRosterImport,
  findRosterPeople,
  findRosterUnits,
  insertRosterImport,
  markRosterApplied,
  type RememberedKind,
  type RosterImportRow,
  rememberMappings,
  saveRosterPreview,
  setRosterSupervisor,
  updateRosterPerson,
} from "./roster-import.repo.js";
import type {
  RosterApplyResult,
  RosterExportQuery,
  RosterImport,
  RosterMapping,
  RosterPreview,
  RosterProgress,
} from "./roster-import.schema.js";

/**
 * Roster import and export. An upload is parsed once and kept in `roster_imports` (the server
 * holds nothing between requests); a dry run maps its columns, compares it with the agency's
 * people and stores the diff; applying runs the same comparison again inside one transaction
 * and writes everything or nothing. People are matched by employee id, and nobody missing from
 * the file is changed.
 */

const SAMPLE_ROWS = 5;
const PROGRESS_EVERY = 500;

interface StoredPreview {
  preview: RosterPreview;
  /** A digest of exactly what applying would write, to notice data that changed since the dry run. */
  fingerprint: string;
}

/**
 * SQLite's driver answers without waiting on real I/O, so a long transaction would otherwise
 * hold the event loop until it ends; one turn lets a progress line reach the client now.
 */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function requireImporter(actor: Actor) {
  authorize(actor, "people.manage", { agencyId: actor.agencyId });
}

async function loadImport(db: Db, actor: Actor, id: string): Promise<RosterImportRow> {
  const row = await findRosterImport(db, actor.agencyId, id);
  if (!row) throw notFound("The roster import");
  authorize(actor, "people.manage", { agencyId: row.agency_id }, "The roster import");
  return row;
}

async function describe(db: Db, row: RosterImportRow): Promise<RosterImport> {
  const sheet = JSON.parse(row.rows_json) as RosterSheet;
  const stored = row.preview_json ? (JSON.parse(row.preview_json) as StoredPreview) : null;
  let mapping: RosterMapping;
  if (row.mapping_json) mapping = JSON.parse(row.mapping_json) as RosterMapping;
  else {
    const remembered = await findRememberedMappings(db, row.agency_id);
    mapping = {
      columns: suggestMapping(sheet.headers, remembered.columns as Map<string, RosterField>),
      jobRoles: {},
      levels: {},
    };
  }
  return {
    id: row.id,
    fileName: row.file_name,
    status: row.status as RosterImport["status"],
    createdAt: row.created_at,
    appliedAt: row.applied_at,
    headers: sheet.headers,
    rowCount: sheet.rows.length,
    sampleRows: sheet.rows.slice(0, SAMPLE_ROWS),
    mapping,
    requiredFields: [...REQUIRED_ROSTER_FIELDS],
    preview: stored?.preview ?? null,
    result: row.summary_json ? (JSON.parse(row.summary_json) as RosterApplyResult) : null,
  };
}

export async function uploadRoster(
  db: Db,
  actor: Actor,
  input: { fileName: string; content: string },
): Promise<RosterImport> {
  requireImporter(actor);
  let sheet: RosterSheet;
  try {
    sheet = await parseRosterFile(input.fileName, Buffer.from(input.content, "base64"));
  } catch (error) {
    if (error instanceof RosterFileError) {
      throw new AppError("VALIDATION", error.message, { fieldErrors: [{ field: "content", message: error.message }] });
    }
    throw error;
  }
  const id = newId();
  return db.transaction().execute(async (trx) => {
    await insertRosterImport(trx, {
      id,
      agencyId: actor.agencyId,
      fileName: input.fileName,
      createdByUserId: actor.userId,
      rowsJson: JSON.stringify(sheet),
    });
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "roster_import",
      entityId: id,
      summary: `Uploaded the roster file ${input.fileName} (${sheet.rows.length} rows)`,
      after: { fileName: input.fileName, headers: sheet.headers, rows: sheet.rows.length },
    });
    return describe(trx, (await findRosterImport(trx, actor.agencyId, id)) as RosterImportRow);
  });
}

export async function getRosterImport(db: Db, actor: Actor, id: string): Promise<RosterImport> {
  requireImporter(actor);
  return describe(db, await loadImport(db, actor, id));
}

async function plan(db: Db, agencyId: string, row: RosterImportRow, mapping: RosterMapping): Promise<RosterPlan> {
  const [people, units, remembered] = await Promise.all([
    findRosterPeople(db, agencyId),
    findRosterUnits(db, agencyId),
    findRememberedMappings(db, agencyId),
  ]);
  return planRosterImport(JSON.parse(row.rows_json) as RosterSheet, mapping, people, units, remembered);
}

function fingerprintOf(result: RosterPlan): string {
  const writes = [result.creates.map((c) => [c.row, c.values]), result.updates.map((u) => [u.row, u.person, u.values])];
  return createHash("sha256").update(JSON.stringify(writes)).digest("hex");
}

/** The dry run: stores the mapping (and remembers it for the agency) and the diff; writes no person. */
export async function previewRoster(db: Db, actor: Actor, id: string, mapping: RosterMapping): Promise<RosterImport> {
  requireImporter(actor);
  return db.transaction().execute(async (trx) => {
    const row = await loadImport(trx, actor, id);
    if (row.status === "applied") throw new AppError("CONFLICT", "This file has already been imported.");
    const result = await plan(trx, actor.agencyId, row, mapping);
    const stored: StoredPreview = { preview: result.preview, fingerprint: fingerprintOf(result) };
    await saveRosterPreview(trx, actor.agencyId, id, JSON.stringify(mapping), JSON.stringify(stored));
    const remembered: { kind: RememberedKind; sourceKey: string; target: string }[] = [];
    for (const field of ROSTER_FIELDS) {
      const header = mapping.columns[field];
      if (header) remembered.push({ kind: "column", sourceKey: headerKey(header), target: field });
    }
    for (const [label, role] of Object.entries(mapping.jobRoles)) {
      remembered.push({ kind: "jobRole", sourceKey: valueKey(label), target: role });
    }
    for (const [label, level] of Object.entries(mapping.levels)) {
      remembered.push({ kind: "level", sourceKey: valueKey(label), target: level });
    }
    await rememberMappings(trx, actor.agencyId, remembered);
    const { counts } = result.preview;
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "roster_import",
      entityId: id,
      summary: `Checked the roster file ${row.file_name}: ${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.errors} errors`,
      after: { mapping, counts },
    });
    return describe(trx, (await findRosterImport(trx, actor.agencyId, id)) as RosterImportRow);
  });
}

function auditValues(values: RosterPersonValues) {
  return { ...values };
}

/**
 * Applies a previewed import in one transaction: creates new people, updates changed ones,
 * then sets supervisors (who may be new themselves), audits each person and the import.
 * `onProgress` hears how far the work inside the transaction has come; nothing is visible to
 * anyone else until the final commit, and any error rolls everything back.
 */
export async function applyRoster(
  db: Db,
  actor: Actor,
  id: string,
  onProgress: (event: RosterProgress) => void = () => {},
): Promise<RosterApplyResult> {
  requireImporter(actor);
  return db.transaction().execute(async (trx) => {
    const row = await loadImport(trx, actor, id);
    if (row.status === "applied") throw new AppError("CONFLICT", "This file has already been imported.");
    if (row.status !== "previewed" || !row.mapping_json || !row.preview_json) {
      throw new AppError("VALIDATION", "Check the file with a dry run before importing it.");
    }
    const total = JSON.parse(row.rows_json).rows.length as number;
    onProgress({ type: "progress", phase: "checking", done: 0, total });
    await nextTurn();
    const stored = JSON.parse(row.preview_json) as StoredPreview;
    const result = await plan(trx, actor.agencyId, row, JSON.parse(row.mapping_json) as RosterMapping);
    if (result.preview.counts.errors > 0) {
      throw new AppError("VALIDATION", `The file has ${result.preview.counts.errors} errors; nothing was imported.`, {
        fieldErrors: result.preview.errors.map((e) => ({ field: `row ${e.row}: ${e.field}`, message: e.message })),
      });
    }
    if (fingerprintOf(result) !== stored.fingerprint) {
      throw new AppError(
        "CONFLICT",
        "People in Cascade changed since this dry run. Run the dry run again and check the differences.",
      );
    }

    // Claiming the import first makes a second, simultaneous apply wait here and then stop with
    // a conflict, before it writes anyone.
    const summary: RosterApplyResult = {
      created: result.creates.length,
      updated: result.updates.length,
      unchanged: result.unchanged,
    };
    if (!(await markRosterApplied(trx, actor.agencyId, id, JSON.stringify(summary)))) {
      throw new AppError("CONFLICT", "This file has already been imported.");
    }

    const writes = result.creates.length + result.updates.length;
    let done = 0;
    const step = async (phase: "writing" | "supervisors" | "auditing", count: number, of: number) => {
      done += count;
      if (done % PROGRESS_EVERY >= count && done !== of) return;
      onProgress({ type: "progress", phase, done, total: of });
      await nextTurn();
    };

    const idByEmployeeId = new Map<string, string>();
    for (const person of await findRosterPeople(trx, actor.agencyId)) {
      if (person.employeeId !== null) idByEmployeeId.set(person.employeeId, person.id);
    }
    const created = result.creates.map((c) => ({ id: newId(), ...c }));
    for (const c of created) idByEmployeeId.set(c.values.employeeId, c.id);
    for (let i = 0; i < created.length; i += PROGRESS_EVERY) {
      const batch = created.slice(i, i + PROGRESS_EVERY);
      await insertPeople(
        trx,
        batch.map(({ id: personId, values }) => ({
          id: personId,
          agencyId: actor.agencyId,
          employeeId: values.employeeId,
          givenName: values.givenName,
          familyName: values.familyName,
          workEmail: values.workEmail,
          jobRole: values.jobRole,
          level: values.level,
          orgUnitId: values.orgUnitId,
          supervisorId: null,
          hireDate: values.hireDate,
          endDate: values.endDate,
          languages: values.languages,
        })),
      );
      await step("writing", batch.length, writes);
    }
    const today = nowUtc().slice(0, 10);
    const withAccounts = await findPeopleWithAccounts(trx, actor.agencyId);
    for (const update of result.updates) {
      if (!(await updateRosterPerson(trx, actor.agencyId, update.person.id, update.values, update.person.version))) {
        throw new AppError("CONFLICT", "Someone changed a person while the file was importing; nothing was imported.");
      }
      // As when ending someone's employment by hand: an ending already in effect closes their account.
      if (update.values.endDate && update.values.endDate <= today && withAccounts.has(update.person.id)) {
        await setAccountActiveForPerson(trx, actor.agencyId, update.person.id, false);
      }
      await step("writing", 1, writes);
    }

    done = 0;
    const supervisorWrites = [
      ...created.map((c) => ({ personId: c.id, values: c.values, current: null as string | null })),
      ...result.updates
        .filter((u) => u.changedFields.includes("supervisorEmployeeId"))
        .map((u) => ({ personId: u.person.id, values: u.values, current: u.person.supervisorId })),
    ].filter((w) => w.values.supervisorEmployeeId !== null || w.current !== null);
    for (const write of supervisorWrites) {
      const boss = write.values.supervisorEmployeeId;
      await setRosterSupervisor(trx, actor.agencyId, write.personId, boss ? (idByEmployeeId.get(boss) ?? null) : null);
      await step("supervisors", 1, supervisorWrites.length);
    }

    done = 0;
    for (const c of created) {
      await recordAuditEvent(trx, {
        agencyId: actor.agencyId,
        actorUserId: actor.userId,
        action: "create",
        entityType: "person",
        entityId: c.id,
        summary: `Added ${c.values.givenName} ${c.values.familyName} from the roster file ${row.file_name}`,
        after: auditValues(c.values),
      });
      await step("auditing", 1, writes);
    }
    for (const u of result.updates) {
      const { id: _id, version: _version, supervisorId: _supervisorId, ...before } = u.person;
      await recordAuditEvent(trx, {
        agencyId: actor.agencyId,
        actorUserId: actor.userId,
        action: "update",
        entityType: "person",
        entityId: u.person.id,
        summary: `Updated ${u.values.givenName} ${u.values.familyName} from the roster file ${row.file_name} (${u.changedFields.join(", ")})`,
        before,
        after: auditValues(u.values),
      });
      await step("auditing", 1, writes);
    }

    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "roster_import",
      entityId: id,
      summary: `Imported the roster file ${row.file_name}: ${summary.created} added, ${summary.updated} updated, ${summary.unchanged} unchanged`,
      after: summary,
    });
    onProgress({ type: "progress", phase: "committing", done: total, total });
    return summary;
  });
}

/** The export's columns, in the order the import reads them back. */
const EXPORT_FIELDS = ROSTER_FIELDS;

export async function exportRoster(db: Db, actor: Actor, query: RosterExportQuery) {
  const scope = scopeFilterFor(actor, "people.read");
  let unitPath: string | null = null;
  if (query.orgUnitId) {
    unitPath = await findOrgUnitPath(db, actor.agencyId, query.orgUnitId);
    if (!unitPath)
      throw new AppError("VALIDATION", "Some fields need attention.", {
        fieldErrors: [{ field: "orgUnitId", message: "That org unit does not exist." }],
      });
  }
  const [{ items }, everyone, units] = await Promise.all([
    findPeople(
      db,
      scope,
      {
        q: query.q,
        orgUnitId: query.orgUnitId,
        level: query.level,
        jobRole: query.jobRole,
        active: query.active,
        sort: "name",
        direction: "asc",
        page: 1,
        pageSize: Number.MAX_SAFE_INTEGER,
      },
      unitPath,
    ),
    findRosterPeople(db, actor.agencyId),
    findRosterUnits(db, actor.agencyId),
  ]);
  const employeeIdOf = new Map(everyone.map((p) => [p.id, p.employeeId]));
  const labels = unitLabels(units);
  const cell: Record<RosterField, (p: (typeof items)[number]) => string> = {
    employeeId: (p) => p.employeeId ?? "",
    givenName: (p) => p.givenName,
    familyName: (p) => p.familyName,
    workEmail: (p) => p.workEmail ?? "",
    jobRole: (p) => p.jobRole,
    level: (p) => p.level,
    unit: (p) => (p.orgUnitId ? (labels.get(p.orgUnitId) ?? "") : ""),
    supervisorEmployeeId: (p) => (p.supervisorId ? (employeeIdOf.get(p.supervisorId) ?? "") : ""),
    hireDate: (p) => p.hireDate ?? "",
    endDate: (p) => p.endDate ?? "",
    languages: (p) => formatLanguages(p.languages),
  };
  const headers = EXPORT_FIELDS.map((f) => ROSTER_HEADERS[f]);
  const rows = items.map((p) => EXPORT_FIELDS.map((f) => cell[f](p)));
  const stamp = nowUtc().slice(0, 10);
  await recordAuditEvent(db, {
    agencyId: actor.agencyId,
    actorUserId: actor.userId,
    action: "read-confidential",
    entityType: "people_export",
    entityId: actor.agencyId,
    summary: `Exported ${rows.length} people as ${query.format.toUpperCase()}`,
    after: { format: query.format, filters: { ...query, format: undefined }, count: rows.length },
  });
  if (query.format === "xlsx") {
    return {
      fileName: `people-${stamp}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body: await toXlsx(headers, rows),
    };
  }
  return { fileName: `people-${stamp}.csv`, contentType: "text/csv; charset=utf-8", body: toCsv(headers, rows) };
}
