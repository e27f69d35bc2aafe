import type { Db } from "../../db/types.js";
import { updatedOneRow } from "../../db/types.js";
import { nowUtc } from "../../shared/time.js";
import type { JobRole, Level } from "./person.schema.js";
import type { ExistingPerson, ExistingUnit, RosterPersonValues } from "./roster-diff.js";

export interface RosterImportRow {
  id: string;
  agency_id: string;
  file_name: string;
  status: string;
  created_by_user_id: string;
  created_at: string;
  applied_at: string | null;
  rows_json: string;
  mapping_json: string | null;
  preview_json: string | null;
  summary_json: string | null;
  version: number;
}

export async function insertRosterImport(
  db: Db,
  input: { id: string; agencyId: string; fileName: string; createdByUserId: string; rowsJson: string },
) {
  await db
    .insertInto("roster_imports")
    .values({
      id: input.id,
      agency_id: input.agencyId,
      file_name: input.fileName,
      status: "uploaded",
      created_by_user_id: input.createdByUserId,
      created_at: nowUtc(),
      applied_at: null,
      rows_json: input.rowsJson,
      mapping_json: null,
      preview_json: null,
      summary_json: null,
      version: 1,
    })
    .execute();
}

export async function findRosterImport(db: Db, agencyId: string, id: string): Promise<RosterImportRow | undefined> {
  return db
    .selectFrom("roster_imports")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function saveRosterPreview(
  db: Db,
  agencyId: string,
  id: string,
  mappingJson: string,
  previewJson: string,
): Promise<void> {
  await db
    .updateTable("roster_imports")
    .set((eb) => ({
      status: "previewed",
      mapping_json: mappingJson,
      preview_json: previewJson,
      version: eb("version", "+", 1),
    }))
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("status", "!=", "applied")
    .execute();
}

/** Returns false when another request applied the import first. */
export async function markRosterApplied(db: Db, agencyId: string, id: string, summaryJson: string): Promise<boolean> {
  const result = await db
    .updateTable("roster_imports")
    .set((eb) => ({
      status: "applied",
      applied_at: nowUtc(),
      summary_json: summaryJson,
      version: eb("version", "+", 1),
    }))
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("status", "=", "previewed")
    .executeTakeFirst();
  return updatedOneRow(result);
}

export type RememberedKind = "column" | "jobRole" | "level";

export async function findRememberedMappings(db: Db, agencyId: string) {
  const rows = await db
    .selectFrom("roster_column_mappings")
    .select(["kind", "source_key", "target"])
    .where("agency_id", "=", agencyId)
    .execute();
  const of = (kind: RememberedKind) =>
    new Map(rows.filter((r) => r.kind === kind).map((r) => [r.source_key, r.target] as [string, string]));
  return {
    columns: of("column"),
    jobRoles: of("jobRole") as Map<string, JobRole>,
    levels: of("level") as Map<string, Level>,
  };
}

export async function rememberMappings(
  db: Db,
  agencyId: string,
  entries: { kind: RememberedKind; sourceKey: string; target: string }[],
): Promise<void> {
  const now = nowUtc();
  for (const entry of entries) {
    await db
      .insertInto("roster_column_mappings")
      .values({
        agency_id: agencyId,
        kind: entry.kind,
        source_key: entry.sourceKey,
        target: entry.target,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(["agency_id", "kind", "source_key"]).doUpdateSet({ target: entry.target, updated_at: now }),
      )
      .execute();
  }
}

/** Every person of the agency, in the shape the roster compares. */
export async function findRosterPeople(db: Db, agencyId: string): Promise<ExistingPerson[]> {
  const rows = await db
    .selectFrom("people")
    .select([
      "id",
      "employee_id",
      "given_name",
      "family_name",
      "work_email",
      "job_role",
      "level",
      "org_unit_id",
      "supervisor_id",
      "hire_date",
      "end_date",
      "languages",
      "version",
    ])
    .where("agency_id", "=", agencyId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    employeeId: r.employee_id,
    givenName: r.given_name,
    familyName: r.family_name,
    workEmail: r.work_email,
    jobRole: r.job_role as JobRole,
    level: r.level as Level,
    orgUnitId: r.org_unit_id,
    supervisorId: r.supervisor_id,
    supervisorEmployeeId: null,
    hireDate: r.hire_date,
    endDate: r.end_date,
    languages: JSON.parse(r.languages) as string[],
    version: r.version,
  }));
}

export async function findRosterUnits(db: Db, agencyId: string): Promise<ExistingUnit[]> {
  const rows = await db
    .selectFrom("org_units")
    .select(["id", "name", "parent_id", "retired_at"])
    .where("agency_id", "=", agencyId)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id, retired: r.retired_at !== null }));
}

/** Writes a person's roster fields; the supervisor is set separately, once everyone exists. */
export async function updateRosterPerson(
  db: Db,
  agencyId: string,
  personId: string,
  values: RosterPersonValues,
  expectedVersion: number,
): Promise<boolean> {
  const result = await db
    .updateTable("people")
    .set((eb) => ({
      given_name: values.givenName,
      family_name: values.familyName,
      work_email: values.workEmail,
      job_role: values.jobRole,
      level: values.level,
      org_unit_id: values.orgUnitId,
      hire_date: values.hireDate,
      end_date: values.endDate,
      languages: JSON.stringify(values.languages),
      updated_at: nowUtc(),
      version: eb("version", "+", 1),
    }))
    .where("agency_id", "=", agencyId)
    .where("id", "=", personId)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return updatedOneRow(result);
}

export async function setRosterSupervisor(db: Db, agencyId: string, personId: string, supervisorId: string | null) {
  await db
    .updateTable("people")
    .set({ supervisor_id: supervisorId })
    .where("agency_id", "=", agencyId)
    .where("id", "=", personId)
    .execute();
}

/** The ids of people with an account, among the given ones. */
export async function findPeopleWithAccounts(db: Db, agencyId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("users")
    .select("person_id")
    .where("agency_id", "=", agencyId)
    .where("person_id", "is not", null)
    .where("is_active", "=", 1)
    .execute();
  return new Set(rows.map((r) => r.person_id as string));
}
