import type { Db } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import type { ReferenceRating } from "./calibration.schema.js";

export interface CalibrationCaseRow {
  id: string;
  instrumentId: string;
  instrumentVersionNumber: number;
  title: string;
  description: string;
  reference: ReferenceRating[];
  createdAt: string;
}

export interface CalibrationAttemptRow {
  id: string;
  caseId: string;
  observerId: string;
  ratings: { measureCode: string; rating: number }[];
  submittedAt: string;
}

function casesQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("fidelity_calibration_cases")
    .select([
      "id",
      "instrument_id",
      "instrument_version_number",
      "title",
      "description",
      "reference_json",
      "created_at",
    ])
    .where("agency_id", "=", agencyId);
}

type CaseSelection = Awaited<ReturnType<ReturnType<typeof casesQuery>["executeTakeFirstOrThrow"]>>;

function toCase(r: CaseSelection): CalibrationCaseRow {
  return {
    id: r.id,
    instrumentId: r.instrument_id,
    instrumentVersionNumber: r.instrument_version_number,
    title: r.title,
    description: r.description,
    reference: JSON.parse(r.reference_json) as ReferenceRating[],
    createdAt: r.created_at,
  };
}

export async function findCalibrationCasesOfAgency(db: Db, agencyId: string): Promise<CalibrationCaseRow[]> {
  const rows = await casesQuery(db, agencyId).orderBy("created_at", "desc").orderBy("id").execute();
  return rows.map(toCase);
}

export async function findCalibrationCaseById(db: Db, agencyId: string, id: string) {
  const row = await casesQuery(db, agencyId).where("id", "=", id).executeTakeFirst();
  return row && toCase(row);
}

export async function insertCalibrationCase(
  db: Db,
  agencyId: string,
  input: Omit<CalibrationCaseRow, "id" | "createdAt">,
  createdByUserId: string,
  createdAt = nowUtc(),
) {
  const id = newId();
  await db
    .insertInto("fidelity_calibration_cases")
    .values({
      id,
      agency_id: agencyId,
      instrument_id: input.instrumentId,
      instrument_version_number: input.instrumentVersionNumber,
      title: input.title,
      description: input.description,
      reference_json: JSON.stringify(input.reference),
      created_by_user_id: createdByUserId,
      created_at: createdAt,
    })
    .execute();
  return id;
}

/** Submitted attempts of the agency, newest first; narrowed to one case or one observer when given. */
export async function findCalibrationAttempts(
  db: Db,
  agencyId: string,
  filter: { caseId?: string; observerId?: string } = {},
): Promise<CalibrationAttemptRow[]> {
  let query = db
    .selectFrom("fidelity_calibration_attempts")
    .select(["id", "case_id", "observer_id", "ratings_json", "submitted_at"])
    .where("agency_id", "=", agencyId);
  if (filter.caseId) query = query.where("case_id", "=", filter.caseId);
  if (filter.observerId) query = query.where("observer_id", "=", filter.observerId);
  const rows = await query.orderBy("submitted_at", "desc").orderBy("id").execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    observerId: r.observer_id,
    ratings: JSON.parse(r.ratings_json) as CalibrationAttemptRow["ratings"],
    submittedAt: r.submitted_at,
  }));
}

export async function insertCalibrationAttempt(db: Db, agencyId: string, attempt: Omit<CalibrationAttemptRow, "id">) {
  const id = newId();
  await db
    .insertInto("fidelity_calibration_attempts")
    .values({
      id,
      agency_id: agencyId,
      case_id: attempt.caseId,
      observer_id: attempt.observerId,
      ratings_json: JSON.stringify(attempt.ratings),
      submitted_at: attempt.submittedAt,
    })
    .execute();
  return id;
}
