import type { Db } from "../../db/types.js";
import { updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import type { ObserverType } from "./fidelity.schema.js";

export type ObservationStatus = "scheduled" | "rated" | "reconciled";

export interface ObservationRow {
  id: string;
  instrumentId: string;
  instrumentVersionNumber: number;
  eventType: "teaming_event" | "family_meeting";
  eventDate: string;
  staffPersonId: string;
  staffName: string;
  orgUnitId: string | null;
  orgUnitName: string | null;
  /** The path of the unit the staff person was in on the event date, for results by office and region. */
  orgUnitPath: string | null;
  consentReference: string;
  status: ObservationStatus;
  source: "app" | "import";
  debriefStrengths: string;
  debriefNextSteps: string;
  version: number;
}

/** Staff and unit names are read from the people and org tables, as the teams repository does. */
function observationsQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("fidelity_observations as o")
    .innerJoin("people as p", (j) => j.onRef("p.id", "=", "o.staff_person_id").onRef("p.agency_id", "=", "o.agency_id"))
    .leftJoin("org_units as u", (j) => j.onRef("u.id", "=", "o.org_unit_id").onRef("u.agency_id", "=", "o.agency_id"))
    .select([
      "o.id",
      "o.instrument_id",
      "o.instrument_version_number",
      "o.event_type",
      "o.event_date",
      "o.staff_person_id",
      "p.given_name",
      "p.family_name",
      "o.org_unit_id",
      "u.name as org_unit_name",
      "u.path as org_unit_path",
      "o.consent_reference",
      "o.status",
      "o.source",
      "o.debrief_strengths",
      "o.debrief_next_steps",
      "o.version",
    ])
    .where("o.agency_id", "=", agencyId);
}

type ObservationSelection = Awaited<ReturnType<ReturnType<typeof observationsQuery>["executeTakeFirstOrThrow"]>>;

function toObservationRow(r: ObservationSelection): ObservationRow {
  return {
    id: r.id,
    instrumentId: r.instrument_id,
    instrumentVersionNumber: r.instrument_version_number,
    eventType: r.event_type as ObservationRow["eventType"],
    eventDate: r.event_date,
    staffPersonId: r.staff_person_id,
    staffName: `${r.given_name} ${r.family_name}`,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    orgUnitPath: r.org_unit_path,
    consentReference: r.consent_reference,
    status: r.status as ObservationStatus,
    source: r.source as ObservationRow["source"],
    debriefStrengths: r.debrief_strengths,
    debriefNextSteps: r.debrief_next_steps,
    version: r.version,
  };
}

export async function findObservationById(db: Db, agencyId: string, id: string) {
  const row = await observationsQuery(db, agencyId).where("o.id", "=", id).executeTakeFirst();
  return row && toObservationRow(row);
}

export interface ObservationFilter {
  observerId?: string;
  instrumentId?: string;
  staffPersonId?: string;
  /** Only observations of these staff members (an empty list matches none). */
  staffPersonIds?: readonly string[];
  status?: ObservationStatus;
  /** Materialized path of an org unit: observations recorded in it or below it. */
  orgUnitPath?: string;
  from?: string;
  to?: string;
}

function filtered(db: Db, agencyId: string, filter: ObservationFilter) {
  let query = observationsQuery(db, agencyId);
  if (filter.observerId) {
    const observerId = filter.observerId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("fidelity_observation_observers as oo")
          .select("oo.observer_id")
          .whereRef("oo.observation_id", "=", "o.id")
          .whereRef("oo.agency_id", "=", "o.agency_id")
          .where("oo.observer_id", "=", observerId),
      ),
    );
  }
  if (filter.instrumentId) query = query.where("o.instrument_id", "=", filter.instrumentId);
  if (filter.staffPersonId) query = query.where("o.staff_person_id", "=", filter.staffPersonId);
  if (filter.status) query = query.where("o.status", "=", filter.status);
  if (filter.staffPersonIds) {
    query =
      filter.staffPersonIds.length === 0
        ? query.where((eb) => eb.lit(false))
        : query.where("o.staff_person_id", "in", [...filter.staffPersonIds]);
  }
  if (filter.orgUnitPath !== undefined) query = query.where("u.path", "like", `${filter.orgUnitPath}%`);
  if (filter.from) query = query.where("o.event_date", ">=", filter.from);
  if (filter.to) query = query.where("o.event_date", "<=", filter.to);
  return query;
}

/** Observations matching the filter, newest first. */
export async function findObservations(db: Db, agencyId: string, filter: ObservationFilter) {
  const rows = await filtered(db, agencyId, filter).orderBy("o.event_date", "desc").orderBy("o.id").execute();
  return rows.map(toObservationRow);
}

/** One page of the observations matching the filter, newest first, and how many match in all. */
export async function findObservationPage(
  db: Db,
  agencyId: string,
  filter: ObservationFilter,
  page: { page: number; pageSize: number },
) {
  const rows = await filtered(db, agencyId, filter)
    .orderBy("o.event_date", "desc")
    .orderBy("o.id")
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  const total = await filtered(db, agencyId, filter)
    .clearSelect()
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return { rows: rows.map(toObservationRow), total: Number(total.n) };
}

/** The materialized path of one of the agency's org units, to filter by it and everything below. */
export async function findUnitPath(db: Db, agencyId: string, orgUnitId: string) {
  const row = await db
    .selectFrom("org_units")
    .select("path")
    .where("agency_id", "=", agencyId)
    .where("id", "=", orgUnitId)
    .executeTakeFirst();
  return row?.path;
}

export interface NewObservation {
  instrumentId: string;
  instrumentVersionNumber: number;
  eventType: string;
  eventDate: string;
  staffPersonId: string;
  orgUnitId: string | null;
  consentReference: string;
  status: ObservationStatus;
  source: "app" | "import";
  externalId: string | null;
  observers: { observerId: string; observerType: ObserverType; submittedAt: string | null }[];
}

export async function insertObservation(db: Db, agencyId: string, observation: NewObservation) {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("fidelity_observations")
    .values({
      id,
      agency_id: agencyId,
      instrument_id: observation.instrumentId,
      instrument_version_number: observation.instrumentVersionNumber,
      event_type: observation.eventType,
      event_date: observation.eventDate,
      staff_person_id: observation.staffPersonId,
      org_unit_id: observation.orgUnitId,
      consent_reference: observation.consentReference,
      status: observation.status,
      source: observation.source,
      external_id: observation.externalId,
      debrief_strengths: "",
      debrief_next_steps: "",
      reconciled_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  await db
    .insertInto("fidelity_observation_observers")
    .values(
      observation.observers.map((o) => ({
        agency_id: agencyId,
        observation_id: id,
        observer_id: o.observerId,
        observer_type: o.observerType,
        submitted_at: o.submittedAt,
      })),
    )
    .execute();
  return id;
}

export interface ObservationObserverRow {
  observationId: string;
  observerId: string;
  observerType: ObserverType;
  submittedAt: string | null;
}

export async function findObserversOfObservations(db: Db, agencyId: string, observationIds: string[]) {
  if (observationIds.length === 0) return [];
  const rows = await db
    .selectFrom("fidelity_observation_observers")
    .select(["observation_id", "observer_id", "observer_type", "submitted_at"])
    .where("agency_id", "=", agencyId)
    .where("observation_id", "in", observationIds)
    .execute();
  return rows.map(
    (r): ObservationObserverRow => ({
      observationId: r.observation_id,
      observerId: r.observer_id,
      observerType: r.observer_type as ObserverType,
      submittedAt: r.submitted_at,
    }),
  );
}

export interface RatingRow {
  observationId: string;
  observerId: string;
  measureCode: string;
  rating: number;
  note: string;
}

/** One observer's ratings of one observation. Callers decide whether the reader may see them. */
export async function findRatingsOfObserver(db: Db, agencyId: string, observationId: string, observerId: string) {
  const rows = await db
    .selectFrom("fidelity_ratings")
    .select(["observation_id", "observer_id", "measure_code", "rating", "note"])
    .where("agency_id", "=", agencyId)
    .where("observation_id", "=", observationId)
    .where("observer_id", "=", observerId)
    .orderBy("measure_code")
    .execute();
  return rows.map(toRatingRow);
}

function toRatingRow(r: {
  observation_id: string;
  observer_id: string;
  measure_code: string;
  rating: number;
  note: string;
}): RatingRow {
  return {
    observationId: r.observation_id,
    observerId: r.observer_id,
    measureCode: r.measure_code,
    rating: r.rating,
    note: r.note,
  };
}

export async function replaceRatingsOfObserver(
  db: Db,
  agencyId: string,
  observationId: string,
  observerId: string,
  ratings: { measureCode: string; rating: number; note: string }[],
) {
  await db
    .deleteFrom("fidelity_ratings")
    .where("agency_id", "=", agencyId)
    .where("observation_id", "=", observationId)
    .where("observer_id", "=", observerId)
    .execute();
  if (ratings.length === 0) return;
  const now = nowUtc();
  await db
    .insertInto("fidelity_ratings")
    .values(
      ratings.map((r) => ({
        agency_id: agencyId,
        observation_id: observationId,
        observer_id: observerId,
        measure_code: r.measureCode,
        rating: r.rating,
        note: r.note,
        updated_at: now,
      })),
    )
    .execute();
}

/** Marks an observer's ratings as submitted; false when they already were (a second click or a race). */
export async function markSubmitted(db: Db, agencyId: string, observationId: string, observerId: string) {
  const result = await db
    .updateTable("fidelity_observation_observers")
    .set({ submitted_at: nowUtc() })
    .where("agency_id", "=", agencyId)
    .where("observation_id", "=", observationId)
    .where("observer_id", "=", observerId)
    .where("submitted_at", "is", null)
    .executeTakeFirst();
  return updatedOneRow(result);
}

export async function updateObservationState(
  db: Db,
  agencyId: string,
  id: string,
  change: { status: ObservationStatus; debriefStrengths?: string; debriefNextSteps?: string; reconciled?: boolean },
  version: number,
) {
  const now = nowUtc();
  const result = await db
    .updateTable("fidelity_observations")
    .set({
      status: change.status,
      ...(change.debriefStrengths === undefined ? {} : { debrief_strengths: change.debriefStrengths }),
      ...(change.debriefNextSteps === undefined ? {} : { debrief_next_steps: change.debriefNextSteps }),
      ...(change.reconciled ? { reconciled_at: now } : {}),
      updated_at: now,
      version: version + 1,
    })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

export async function findConsensus(db: Db, agencyId: string, observationIds: string[]) {
  if (observationIds.length === 0) return [];
  const rows = await db
    .selectFrom("fidelity_consensus_ratings")
    .select(["observation_id", "measure_code", "rating", "note"])
    .where("agency_id", "=", agencyId)
    .where("observation_id", "in", observationIds)
    .orderBy("measure_code")
    .execute();
  return rows.map((r) => ({
    observationId: r.observation_id,
    measureCode: r.measure_code,
    rating: r.rating,
    note: r.note,
  }));
}

export async function replaceConsensus(
  db: Db,
  agencyId: string,
  observationId: string,
  ratings: { measureCode: string; rating: number; note: string }[],
) {
  await db
    .deleteFrom("fidelity_consensus_ratings")
    .where("agency_id", "=", agencyId)
    .where("observation_id", "=", observationId)
    .execute();
  await db
    .insertInto("fidelity_consensus_ratings")
    .values(
      ratings.map((r) => ({
        agency_id: agencyId,
        observation_id: observationId,
        measure_code: r.measureCode,
        rating: r.rating,
        note: r.note,
      })),
    )
    .execute();
}

/** The staff person's unit today, stored with a new observation. */
export async function findUnitOfPerson(db: Db, agencyId: string, personId: string) {
  const row = await db
    .selectFrom("people")
    .select("org_unit_id")
    .where("agency_id", "=", agencyId)
    .where("id", "=", personId)
    .executeTakeFirst();
  return row?.org_unit_id ?? null;
}

/**
 * Every submitted rating of an instrument's observations, for reliability: only observations
 * whose two observers have both submitted.
 */
export async function findSubmittedRatingPairsSource(db: Db, agencyId: string, instrumentId: string) {
  const rows = await db
    .selectFrom("fidelity_ratings as r")
    .innerJoin("fidelity_observations as o", (j) =>
      j.onRef("o.id", "=", "r.observation_id").onRef("o.agency_id", "=", "r.agency_id"),
    )
    .innerJoin("fidelity_observation_observers as oo", (j) =>
      j
        .onRef("oo.observation_id", "=", "r.observation_id")
        .onRef("oo.observer_id", "=", "r.observer_id")
        .onRef("oo.agency_id", "=", "r.agency_id"),
    )
    .select([
      "r.observation_id",
      "r.observer_id",
      "r.measure_code",
      "r.rating",
      "o.event_date",
      "o.instrument_version_number",
    ])
    .where("r.agency_id", "=", agencyId)
    .where("o.instrument_id", "=", instrumentId)
    .where("o.status", "in", ["rated", "reconciled"])
    .where("oo.submitted_at", "is not", null)
    .execute();
  return rows.map((r) => ({
    observationId: r.observation_id,
    observerId: r.observer_id,
    measureCode: r.measure_code,
    rating: r.rating,
    eventDate: r.event_date,
    instrumentVersionNumber: r.instrument_version_number,
  }));
}

export async function findExternalIds(db: Db, agencyId: string, externalIds: string[]) {
  if (externalIds.length === 0) return new Set<string>();
  const found = new Set<string>();
  // Chunked so a large history stays under both databases' parameter limits.
  for (let start = 0; start < externalIds.length; start += 500) {
    const rows = await db
      .selectFrom("fidelity_observations")
      .select("external_id")
      .where("agency_id", "=", agencyId)
      .where("external_id", "in", externalIds.slice(start, start + 500))
      .execute();
    for (const row of rows) if (row.external_id) found.add(row.external_id);
  }
  return found;
}

export async function insertImportedRatings(db: Db, agencyId: string, ratings: RatingRow[]) {
  const now = nowUtc();
  for (let start = 0; start < ratings.length; start += 200) {
    await db
      .insertInto("fidelity_ratings")
      .values(
        ratings.slice(start, start + 200).map((r) => ({
          agency_id: agencyId,
          observation_id: r.observationId,
          observer_id: r.observerId,
          measure_code: r.measureCode,
          rating: r.rating,
          note: r.note,
          updated_at: now,
        })),
      )
      .execute();
  }
}

/** Staff of the agency by lower-cased employee id and by id, for naming people in an imported history. */
export async function findStaffImportKeys(db: Db, agencyId: string) {
  const rows = await db
    .selectFrom("people")
    .select(["id", "employee_id", "org_unit_id"])
    .where("agency_id", "=", agencyId)
    .execute();
  const byKey = new Map<string, { id: string; orgUnitId: string | null }>();
  for (const r of rows) {
    byKey.set(r.id.toLowerCase(), { id: r.id, orgUnitId: r.org_unit_id });
    if (r.employee_id) byKey.set(r.employee_id.toLowerCase(), { id: r.id, orgUnitId: r.org_unit_id });
  }
  return byKey;
}

/** Reconciled observations of an instrument with their unit's path, for aggregate results. */
export async function findReconciledForResults(db: Db, agencyId: string, instrumentId: string) {
  const rows = await db
    .selectFrom("fidelity_observations as o")
    .leftJoin("org_units as u", (j) => j.onRef("u.id", "=", "o.org_unit_id").onRef("u.agency_id", "=", "o.agency_id"))
    .select(["o.id", "o.event_date", "o.instrument_version_number", "o.staff_person_id", "o.org_unit_id", "u.path"])
    .where("o.agency_id", "=", agencyId)
    .where("o.instrument_id", "=", instrumentId)
    .where("o.status", "=", "reconciled")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    eventDate: r.event_date,
    instrumentVersionNumber: r.instrument_version_number,
    staffPersonId: r.staff_person_id,
    orgUnitId: r.org_unit_id,
    orgUnitPath: r.path,
  }));
}

/** The agency's org units by id (name and kind), to name result groups; read-only. */
export async function findUnitNames(db: Db, agencyId: string) {
  const rows = await db
    .selectFrom("org_units")
    .select(["id", "name", "kind"])
    .where("agency_id", "=", agencyId)
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind }]));
}
