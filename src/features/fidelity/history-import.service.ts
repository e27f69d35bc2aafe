import { parse } from "csv-parse/sync";
import type { Db } from "../../db/types.js";
import { AppError, fieldError } from "../../server/errors.js";
import { type Actor, authorize } from "../access/policy.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import { getOrgTree } from "../org/org-unit.service.js";
import type { ImportReport, ObserverType } from "./fidelity.schema.js";
import { findPublishedInstrument } from "./instrument.service.js";
import {
  findExternalIds,
  findStaffImportKeys,
  insertImportedRatings,
  insertObservation,
  type RatingRow,
} from "./observation.repo.js";
import { findObserverImportKeys } from "./observer.repo.js";

/**
 * Importing years of observations kept in spreadsheets. One CSV row per observation × observer ×
 * measure. How cells name things:
 * - `unit`: the org unit's id, or its name (case-insensitive; a name two units share is refused);
 * - `staff_id`: the person's employee id, or their Cascade id;
 * - `observer_id`: an observer on the roster — a staff observer by employee id, a community
 *   observer by their partner email — or the roster entry's own id;
 * - `observer_type`: `community_partner` or `agency_partner` (`community` / `agency` also read),
 *   and it must match the roster entry.
 * Every problem is reported with its row (the header is row 1) and column; if there is any,
 * nothing is written. A dry run checks everything and writes nothing. Observations whose id was
 * imported before are refused, so importing the same file twice cannot double the history.
 * Historical certifications are not checked: the roster may not hold observers' past dates.
 */
const COLUMNS = [
  "observation_id",
  "date",
  "unit",
  "staff_id",
  "observer_id",
  "observer_type",
  "measure_code",
  "rating",
] as const;
type Column = (typeof COLUMNS)[number];
type ImportError = ImportReport["errors"][number];

const MAX_ERRORS = 200;
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell quoted back in a message, defused so a spreadsheet that shows the report will not run it. */
function echo(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  return `"${FORMULA_START.test(shown) ? `'${shown}` : shown}"`;
}

const headerKey = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

function observerTypeOf(value: string): ObserverType | null {
  const key = headerKey(value);
  if (key === "community_partner" || key === "community") return "community_partner";
  if (key === "agency_partner" || key === "agency") return "agency_partner";
  return null;
}

interface ParsedObservation {
  externalId: string;
  firstRow: number;
  date: string;
  orgUnitId: string;
  staffPersonId: string;
  observers: Map<string, ObserverType>;
  ratings: { observerId: string; measureCode: string; rating: number; row: number }[];
}

export async function importObservationHistory(
  db: Db,
  actor: Actor,
  input: { instrumentId: string; dryRun: boolean; csv: string },
): Promise<ImportReport> {
  authorize(actor, "fidelity.manage", { agencyId: actor.agencyId });
  let records: string[][];
  try {
    records = parse(input.csv, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch {
    throw fieldError("body", "The file is not readable CSV.");
  }
  const [header, ...rows] = records;
  if (!header || rows.length === 0) throw fieldError("body", "The file has no rows to import.");
  const columnIndex = new Map(header.map((h, i) => [headerKey(h), i]));
  const missing = COLUMNS.filter((c) => !columnIndex.has(c));
  if (missing.length > 0) {
    throw new AppError("VALIDATION", "Some columns are missing.", {
      fieldErrors: missing.map((c) => ({ field: `columns.${c}`, message: `Add a column named ${c}.` })),
    });
  }

  return db.transaction().execute(async (trx) => {
    const instrument = await findPublishedInstrument(trx, actor.agencyId, input.instrumentId);
    if (!instrument) throw fieldError("instrumentId", "Choose an instrument with a published version.");
    const measures = new Map(instrument.content.measures.map((m) => [m.code.toLowerCase(), m.code]));
    const levels = new Set(instrument.content.scale.map((l) => l.value));
    const units = await getOrgTree(trx, actor);
    const unitById = new Map(units.map((u) => [u.id.toLowerCase(), u.id]));
    const unitsByName = new Map<string, string[]>();
    for (const u of units)
      unitsByName.set(u.name.toLowerCase(), [...(unitsByName.get(u.name.toLowerCase()) ?? []), u.id]);
    const staff = await findStaffImportKeys(trx, actor.agencyId);
    const observerKeys = await findObserverImportKeys(trx, actor.agencyId);
    const observerByKey = new Map(observerKeys.flatMap((o) => o.keys.map((k) => [k, o] as const)));

    const errors: ImportError[] = [];
    const report = (row: number, column: Column | "row", message: string) => {
      if (errors.length < MAX_ERRORS) errors.push({ row, column, message });
    };
    const observations = new Map<string, ParsedObservation>();

    rows.forEach((cells, index) => {
      const row = index + 2;
      const cell = (column: Column) => cells[columnIndex.get(column) ?? -1] ?? "";
      const externalId = cell("observation_id");
      const date = cell("date");
      if (!externalId) {
        report(row, "observation_id", "Enter the observation id.");
        return;
      }
      let valid = true;
      const fail = (column: Column, message: string) => {
        valid = false;
        report(row, column, message);
      };
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
        fail("date", `${echo(date)} is not a date like 2024-03-31.`);
      }
      const unitKey = cell("unit").toLowerCase();
      const named = unitsByName.get(unitKey) ?? [];
      const orgUnitId = unitById.get(unitKey) ?? (named.length === 1 ? named[0] : undefined);
      if (!orgUnitId) {
        fail(
          "unit",
          named.length > 1
            ? `Two units are named ${echo(cell("unit"))}; use the unit's id.`
            : `No unit ${echo(cell("unit"))}.`,
        );
      }
      const person = staff.get(cell("staff_id").toLowerCase());
      if (!person) fail("staff_id", `No staff person with employee id ${echo(cell("staff_id"))}.`);
      const observerType = observerTypeOf(cell("observer_type"));
      if (!observerType)
        fail("observer_type", `${echo(cell("observer_type"))} is not community_partner or agency_partner.`);
      const observer = observerByKey.get(cell("observer_id").toLowerCase());
      if (!observer) fail("observer_id", `${echo(cell("observer_id"))} is not on the observer roster.`);
      else if (observerType && observer.observerType !== observerType) {
        fail("observer_type", `The roster lists this observer as ${observer.observerType}.`);
      }
      const measureCode = measures.get(cell("measure_code").toLowerCase());
      if (!measureCode) fail("measure_code", `${echo(cell("measure_code"))} is not a measure of ${instrument.name}.`);
      const rating = /^\d+$/.test(cell("rating")) ? Number(cell("rating")) : Number.NaN;
      if (!levels.has(rating))
        fail("rating", `${echo(cell("rating"))} is not a level of the scale (${[...levels].join(", ")}).`);
      if (!valid || !orgUnitId || !person || !observer || !observerType || !measureCode) return;

      let observation = observations.get(externalId);
      if (!observation) {
        observation = {
          externalId,
          firstRow: row,
          date,
          orgUnitId,
          staffPersonId: person.id,
          observers: new Map(),
          ratings: [],
        };
        observations.set(externalId, observation);
      }
      const differs = (column: Column, same: boolean) => {
        if (!same) fail(column, `Differs from row ${observation?.firstRow} of the same observation.`);
      };
      differs("date", observation.date === date);
      differs("unit", observation.orgUnitId === orgUnitId);
      differs("staff_id", observation.staffPersonId === person.id);
      if (observation.ratings.some((r) => r.observerId === observer.id && r.measureCode === measureCode)) {
        fail(
          "measure_code",
          `This observer already rated ${measureCode} in this observation (row ${observation.ratings.find((r) => r.observerId === observer.id && r.measureCode === measureCode)?.row}).`,
        );
      }
      if (!valid) return;
      observation.observers.set(observer.id, observerType);
      observation.ratings.push({ observerId: observer.id, measureCode, rating, row });
    });

    for (const observation of observations.values()) {
      const types = [...observation.observers.values()].sort();
      if (types.length > 2 || new Set(types).size !== types.length) {
        report(
          observation.firstRow,
          "observer_id",
          `Observation ${echo(observation.externalId)} has more than one ${types.length > 2 ? "observer of a type" : `${types[0]} observer`}; a team is one community partner and one agency partner.`,
        );
      }
    }
    const already = await findExternalIds(trx, actor.agencyId, [...observations.keys()]);
    for (const externalId of already) {
      report(
        observations.get(externalId)?.firstRow ?? 0,
        "observation_id",
        `Observation ${echo(externalId)} was imported before.`,
      );
    }

    const ratingCount = [...observations.values()].reduce((sum, o) => sum + o.ratings.length, 0);
    const result = (applied: boolean): ImportReport => ({
      dryRun: input.dryRun,
      applied,
      rows: rows.length,
      observations: observations.size,
      ratings: ratingCount,
      errors: errors.sort((a, b) => a.row - b.row),
    });
    if (errors.length > 0 || input.dryRun) return result(false);

    const ratings: RatingRow[] = [];
    for (const observation of observations.values()) {
      const complete = observation.observers.size === 2;
      const id = await insertObservation(trx, actor.agencyId, {
        instrumentId: instrument.instrumentId,
        instrumentVersionNumber: instrument.number,
        eventType: "family_meeting",
        eventDate: observation.date,
        staffPersonId: observation.staffPersonId,
        orgUnitId: observation.orgUnitId,
        // The spreadsheets hold no consent reference; this marks the consent as filed outside Cascade.
        consentReference: "recorded-before-import",
        status: complete ? "rated" : "scheduled",
        source: "import",
        externalId: observation.externalId,
        observers: [...observation.observers].map(([observerId, observerType]) => ({
          observerId,
          observerType,
          submittedAt: `${observation.date}T00:00:00.000Z`,
        })),
      });
      ratings.push(...observation.ratings.map((r) => ({ ...r, observationId: id, note: "" })));
    }
    await insertImportedRatings(trx, actor.agencyId, ratings);
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "fidelity_observation_import",
      entityId: instrument.instrumentId,
      summary: `Imported ${observations.size} past fidelity observations (${ratingCount} ratings) for ${instrument.name}`,
      after: { observations: [...observations.keys()], ratings: ratingCount },
    });
    return result(true);
  });
}
