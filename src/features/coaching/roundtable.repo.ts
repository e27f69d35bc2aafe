import type { Db } from "../../db/types.js";
import { updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import type { Attendance, RoundtableInput } from "./roundtable.schema.js";

export interface RoundtableRow {
  id: string;
  title: string;
  heldOn: string;
  startTime: string;
  durationMinutes: number;
  facilitatorCoachId: string | null;
  topics: { text: string; itemId: string | null }[];
  modelId: string | null;
  modelVersionNumber: number | null;
  attendance: { coachId: string; attendance: Attendance }[];
  version: number;
}

function roundtablesQuery(db: Db, agencyId: string) {
  return db.selectFrom("coaching_roundtables").selectAll().where("agency_id", "=", agencyId);
}

type RoundtableSelection = Awaited<ReturnType<ReturnType<typeof roundtablesQuery>["executeTakeFirstOrThrow"]>>;

function toRoundtable(r: RoundtableSelection): RoundtableRow {
  return {
    id: r.id,
    title: r.title,
    heldOn: r.held_on,
    startTime: r.start_time,
    durationMinutes: r.duration_minutes,
    facilitatorCoachId: r.facilitator_coach_id,
    topics: JSON.parse(r.topics),
    modelId: r.model_id,
    modelVersionNumber: r.model_version_number,
    attendance: JSON.parse(r.attendance),
    version: r.version,
  };
}

/** Newest first: the next roundtable and the one just held are what coaches look for. */
export async function findRoundtablesOfAgency(db: Db, agencyId: string) {
  const rows = await roundtablesQuery(db, agencyId).orderBy("held_on", "desc").orderBy("start_time", "desc").execute();
  return rows.map(toRoundtable);
}

export async function findRoundtableById(db: Db, agencyId: string, id: string) {
  const row = await roundtablesQuery(db, agencyId).where("id", "=", id).executeTakeFirst();
  return row && toRoundtable(row);
}

export async function insertRoundtable(
  db: Db,
  agencyId: string,
  input: RoundtableInput,
  model: { modelId: string; versionNumber: number } | null,
  createdByUserId: string,
) {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("coaching_roundtables")
    .values({
      id,
      agency_id: agencyId,
      title: input.title,
      held_on: input.heldOn,
      start_time: input.startTime,
      duration_minutes: input.durationMinutes,
      facilitator_coach_id: input.facilitatorCoachId,
      topics: JSON.stringify(input.topics),
      model_id: model?.modelId ?? null,
      model_version_number: model?.versionNumber ?? null,
      attendance: JSON.stringify(input.invitedCoachIds.map((coachId) => ({ coachId, attendance: "unrecorded" }))),
      created_by_user_id: createdByUserId,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

export async function updateRoundtableAttendance(
  db: Db,
  agencyId: string,
  id: string,
  attendance: RoundtableRow["attendance"],
  version: number,
) {
  const result = await db
    .updateTable("coaching_roundtables")
    .set({ attendance: JSON.stringify(attendance), updated_at: nowUtc(), version: version + 1 })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

/** Roundtables a coach is invited to or facilitates, for their calendar feed. */
export async function findRoundtablesOfCoaches(db: Db, agencyId: string, coachIds: readonly string[]) {
  if (coachIds.length === 0) return [];
  const wanted = new Set(coachIds);
  return (await findRoundtablesOfAgency(db, agencyId)).filter(
    (r) =>
      (r.facilitatorCoachId !== null && wanted.has(r.facilitatorCoachId)) ||
      r.attendance.some((a) => wanted.has(a.coachId)),
  );
}
