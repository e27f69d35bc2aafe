import { DateTime } from "luxon";
import type { Db } from "../../db/types.js";
import { fieldError, forbidden, notFound, staleVersion } from "../../server/errors.js";
import { type Actor, authorize, canAct } from "../access/policy.js";
import { findAgencySettings } from "../agencies/agency.service.js";
import type { CalendarEvent } from "../calendar/calendar-events.js";
import { findModelInUse, findPublishedModel } from "../model/model.service.js";
import { type CoachRow, findCoachesOfAgency, findCoachIdsOfPerson } from "./coach.repo.js";
import { asSelf, audit, inTransaction } from "./coaching-access.js";
import {
  findRoundtableById,
  findRoundtablesOfAgency,
  findRoundtablesOfCoaches,
  insertRoundtable,
  type RoundtableRow,
  updateRoundtableAttendance,
} from "./roundtable.repo.js";
import type { AttendanceInput, Roundtable, RoundtableInput } from "./roundtable.schema.js";

/**
 * Peer roundtables are open to every coach on the agency's roster and to the coaching
 * supervisor; others on staff are not coaches and have no part in them. The coaching supervisor
 * schedules any roundtable and records attendance; a coach schedules one they facilitate and
 * records its attendance.
 */
async function roundtableReader(db: Db, actor: Actor) {
  authorize(actor, "coachDevelopment.participate", asSelf(actor));
  const ownCoachIds = actor.personId ? await findCoachIdsOfPerson(db, actor.agencyId, actor.personId) : [];
  const oversees = canAct(actor, "coachDevelopment.oversee");
  if (ownCoachIds.length === 0 && !oversees) throw forbidden("Roundtables are for the agency's coaches.");
  return { ownCoachId: ownCoachIds[0] ?? null, oversees };
}

const mayRecord = (reader: { ownCoachId: string | null; oversees: boolean }, r: RoundtableRow) =>
  reader.oversees || (reader.ownCoachId !== null && r.facilitatorCoachId === reader.ownCoachId);

async function elementNames(db: Db, agencyId: string, rows: readonly RoundtableRow[]) {
  const names = new Map<string, string>();
  const versions = new Map<string, { modelId: string; versionNumber: number }>();
  for (const r of rows) {
    if (r.modelId && r.modelVersionNumber) {
      versions.set(`${r.modelId}@${r.modelVersionNumber}`, { modelId: r.modelId, versionNumber: r.modelVersionNumber });
    }
  }
  for (const v of versions.values()) {
    const model = await findPublishedModel(db, agencyId, v.modelId, v.versionNumber);
    for (const element of model?.content.elements ?? []) names.set(element.id, `${element.code} ${element.name}`);
  }
  return names;
}

function present(
  r: RoundtableRow,
  coaches: ReadonlyMap<string, CoachRow>,
  elements: ReadonlyMap<string, string>,
  canRecordAttendance: boolean,
): Roundtable {
  return {
    id: r.id,
    title: r.title,
    heldOn: r.heldOn,
    startTime: r.startTime,
    durationMinutes: r.durationMinutes,
    facilitatorCoachId: r.facilitatorCoachId,
    facilitatorName: r.facilitatorCoachId ? (coaches.get(r.facilitatorCoachId)?.name ?? null) : null,
    topics: r.topics.map((t) => ({ ...t, itemName: t.itemId ? (elements.get(t.itemId) ?? null) : null })),
    attendance: r.attendance.map((a) => ({ ...a, name: coaches.get(a.coachId)?.name ?? "" })),
    canRecordAttendance,
    version: r.version,
  };
}

async function presentAll(
  db: Db,
  actor: Actor,
  rows: RoundtableRow[],
  reader: Awaited<ReturnType<typeof roundtableReader>>,
) {
  const [coaches, elements] = await Promise.all([
    findCoachesOfAgency(db, actor.agencyId),
    elementNames(db, actor.agencyId, rows),
  ]);
  const byId = new Map(coaches.map((c) => [c.id, c]));
  return rows.map((r) => present(r, byId, elements, mayRecord(reader, r)));
}

export async function listRoundtables(db: Db, actor: Actor) {
  const reader = await roundtableReader(db, actor);
  const rows = await findRoundtablesOfAgency(db, actor.agencyId);
  return {
    items: await presentAll(db, actor, rows, reader),
    canSchedule: canAct(actor, "roundtables.manage") && (reader.oversees || reader.ownCoachId !== null),
    ownCoachId: reader.ownCoachId,
  };
}

/** Topics may name elements of the practice model in use; the roundtable keeps that version. */
async function modelForTopics(db: Db, agencyId: string, topics: RoundtableInput["topics"]) {
  if (topics.every((t) => t.itemId === null)) return null;
  const model = await findModelInUse(db, agencyId);
  const elementIds = new Set(model?.content.elements.map((e) => e.id) ?? []);
  topics.forEach((t, i) => {
    if (t.itemId !== null && !elementIds.has(t.itemId)) {
      throw fieldError(`topics.${i}.itemId`, "That element is not in the practice model in use.");
    }
  });
  return model && { modelId: model.modelId, versionNumber: model.versionNumber };
}

export async function scheduleRoundtable(db: Db, actor: Actor, input: RoundtableInput): Promise<Roundtable> {
  return inTransaction(db, async (trx) => {
    const reader = await roundtableReader(trx, actor);
    authorize(actor, "roundtables.manage", asSelf(actor));
    if (!reader.oversees && input.facilitatorCoachId !== reader.ownCoachId) {
      throw fieldError("facilitatorCoachId", "Coaches schedule roundtables they facilitate themselves.");
    }
    const coachIds = new Set((await findCoachesOfAgency(trx, actor.agencyId)).map((c) => c.id));
    if (input.facilitatorCoachId !== null && !coachIds.has(input.facilitatorCoachId)) {
      throw fieldError("facilitatorCoachId", "That coach is not on the roster.");
    }
    input.invitedCoachIds.forEach((id, i) => {
      if (!coachIds.has(id)) throw fieldError(`invitedCoachIds.${i}`, "That coach is not on the roster.");
    });
    const model = await modelForTopics(trx, actor.agencyId, input.topics);
    const id = await insertRoundtable(trx, actor.agencyId, input, model, actor.userId);
    const row = (await findRoundtableById(trx, actor.agencyId, id)) as RoundtableRow;
    await audit(
      trx,
      actor,
      {
        action: "create",
        entityType: "coaching_roundtable",
        entityId: id,
        summary: `Scheduled roundtable "${input.title}"`,
      },
      { after: row },
    );
    const [presented] = await presentAll(trx, actor, [row], reader);
    return presented as Roundtable;
  });
}

/** Marks each invited coach present or absent; coaches not named keep what they had. */
export async function recordRoundtableAttendance(
  db: Db,
  actor: Actor,
  roundtableId: string,
  input: AttendanceInput,
): Promise<Roundtable> {
  return inTransaction(db, async (trx) => {
    const before = await findRoundtableById(trx, actor.agencyId, roundtableId);
    if (!before) throw notFound("The roundtable");
    const reader = await roundtableReader(trx, actor);
    if (!mayRecord(reader, before))
      throw forbidden("Only the facilitator or the coaching supervisor records attendance.");
    const marked = new Map(input.attendance.map((a) => [a.coachId, a.attendance]));
    input.attendance.forEach((a, i) => {
      if (!before.attendance.some((invited) => invited.coachId === a.coachId)) {
        throw fieldError(`attendance.${i}.coachId`, "That coach was not invited to this roundtable.");
      }
    });
    const attendance = before.attendance.map((a) => ({ ...a, attendance: marked.get(a.coachId) ?? a.attendance }));
    if (!(await updateRoundtableAttendance(trx, actor.agencyId, roundtableId, attendance, input.version))) {
      throw staleVersion(before);
    }
    const after = (await findRoundtableById(trx, actor.agencyId, roundtableId)) as RoundtableRow;
    await audit(
      trx,
      actor,
      {
        action: "update",
        entityType: "coaching_roundtable",
        entityId: roundtableId,
        summary: `Recorded attendance of roundtable "${after.title}"`,
      },
      { before, after },
    );
    const [presented] = await presentAll(trx, actor, [after], reader);
    return presented as Roundtable;
  });
}

/** Roundtables a person is invited to or facilitates, for their calendar feed: when and the topics. */
export async function roundtableCalendarEventsForPerson(
  db: Db,
  agencyId: string,
  personId: string,
): Promise<CalendarEvent[]> {
  const [settings, coachIds] = await Promise.all([
    findAgencySettings(db, agencyId),
    findCoachIdsOfPerson(db, agencyId, personId),
  ]);
  const zone = settings?.timeZone ?? "UTC";
  const rows = await findRoundtablesOfCoaches(db, agencyId, coachIds);
  return rows.map((r) => {
    const start = DateTime.fromISO(`${r.heldOn}T${r.startTime}`, { zone });
    return {
      uid: `coaching-roundtable-${r.id}`,
      startUtc: start.toUTC().toISO() ?? "",
      endUtc: start.plus({ minutes: r.durationMinutes }).toUTC().toISO() ?? "",
      summary: `Coaches' roundtable: ${r.title}`,
      location: "",
      description: `Topics: ${r.topics.map((t) => t.text).join("; ")}`,
    };
  });
}
