import type { Db } from "../../db/types.js";
import {
  trainedFromAttendance,
  trainedFromRollout,
  unitTrainedFromAttendance,
  unitTrainingEndsOn,
} from "./trained-since.js";
import { findCurrentStaffOfUnits, findLatestRolloutSchedule, findSessionEndsOfPeople } from "./trained-since.repo.js";

/**
 * When each person and each org unit counts as trained (the first trained day, YYYY-MM-DD), for
 * other domains that compare trained with not-yet-trained work; see trained-since.ts for the rule.
 * No actor: callers have already authorized their own read. Ids without a trained date are absent.
 */
export async function findTrainedDates(
  db: Db,
  agencyId: string,
  ids: { personIds: string[]; orgUnitIds: string[] },
): Promise<{ people: Map<string, string>; units: Map<string, string> }> {
  const sessions = await findSessionEndsOfPeople(db, agencyId, [...new Set(ids.personIds)]);
  const people = new Map<string, string>();
  for (const personId of new Set(sessions.map((s) => s.personId))) {
    const trainedFrom = trainedFromAttendance(sessions.filter((s) => s.personId === personId));
    if (trainedFrom) people.set(personId, trainedFrom);
  }
  const units = new Map<string, string>();
  const schedule = await findLatestRolloutSchedule(db, agencyId);
  const wanted = new Set(ids.orgUnitIds);
  for (const unit of schedule?.units ?? []) {
    if (!wanted.has(unit.orgUnitId)) continue;
    const trainedFrom = trainedFromRollout(schedule?.periods ?? [], unit.periodIndex);
    const known = units.get(unit.orgUnitId);
    // A unit listed twice in the plan counts from its earlier period.
    if (trainedFrom && (!known || trainedFrom < known)) units.set(unit.orgUnitId, trainedFrom);
  }
  return { people, units };
}

export interface UnitTrainingEnd {
  orgUnitId: string;
  /** The last day of the unit's planned training period (YYYY-MM-DD). */
  trainingEndsOn: string;
}

/**
 * For other domains: when each linked org unit's planned training ends, by the same rule and the
 * same plan as findTrainedDates. A unit listed twice in the plan counts its later period.
 */
export async function findUnitTrainingEnds(db: Db, agencyId: string): Promise<UnitTrainingEnd[]> {
  const schedule = await findLatestRolloutSchedule(db, agencyId);
  const latestByUnit = new Map<string, string>();
  for (const unit of schedule?.units ?? []) {
    const endsOn = unitTrainingEndsOn(schedule?.periods ?? [], unit.periodIndex);
    if (!endsOn) continue;
    const known = latestByUnit.get(unit.orgUnitId);
    if (known === undefined || endsOn > known) latestByUnit.set(unit.orgUnitId, endsOn);
  }
  return [...latestByUnit].map(([orgUnitId, trainingEndsOn]) => ({ orgUnitId, trainingEndsOn }));
}

/**
 * When each org unit counts as actually trained by attendance (see `unitTrainedFromAttendance`):
 * its current staff's first trained days, not the rollout plan. Units not yet trained are absent.
 */
export async function findUnitsTrainedByAttendance(
  db: Db,
  agencyId: string,
  orgUnitIds: string[],
  today: string,
): Promise<Map<string, string>> {
  const staff = await findCurrentStaffOfUnits(db, agencyId, [...new Set(orgUnitIds)], today);
  const sessions = await findSessionEndsOfPeople(
    db,
    agencyId,
    staff.map((s) => s.personId),
  );
  const units = new Map<string, string>();
  for (const orgUnitId of new Set(staff.map((s) => s.orgUnitId))) {
    const days = staff
      .filter((s) => s.orgUnitId === orgUnitId)
      .map((s) => trainedFromAttendance(sessions.filter((e) => e.personId === s.personId)));
    const trainedFrom = unitTrainedFromAttendance(days);
    if (trainedFrom) units.set(orgUnitId, trainedFrom);
  }
  return units;
}
