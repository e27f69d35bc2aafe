import type { Db } from "../../db/types.js";
import { updatedOneRow } from "../../db/types.js";
import { nowUtc } from "../../shared/time.js";

export async function findPersonIdByEmployeeId(db: Db, agencyId: string, employeeId: string) {
  const row = await db
    .selectFrom("people")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("employee_id", "=", employeeId)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Returns false when `expectedVersion` is stale. */
export async function updatePlacement(
  db: Db,
  agencyId: string,
  personId: string,
  placement: { orgUnitId: string; supervisorId: string | null },
  expectedVersion: number,
) {
  const result = await db
    .updateTable("people")
    .set((eb) => ({
      org_unit_id: placement.orgUnitId,
      supervisor_id: placement.supervisorId,
      updated_at: nowUtc(),
      version: eb("version", "+", 1),
    }))
    .where("agency_id", "=", agencyId)
    .where("id", "=", personId)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return updatedOneRow(result);
}

export async function updateEndDate(
  db: Db,
  agencyId: string,
  personId: string,
  endDate: string | null,
  expectedVersion: number,
) {
  const result = await db
    .updateTable("people")
    .set((eb) => ({ end_date: endDate, updated_at: nowUtc(), version: eb("version", "+", 1) }))
    .where("agency_id", "=", agencyId)
    .where("id", "=", personId)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return updatedOneRow(result);
}
