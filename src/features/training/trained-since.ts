import { DateTime } from "luxon";
import type { RolloutPeriod } from "./rollout-plan.schema.js";

/**
 * The one rule for "trained vs not yet trained" that other domains use (fidelity results group
 * by it, coaching's training follow-up waits on it). A person counts as trained from the day
 * after a training session they attended (present or in part) ended. A unit's planned training
 * runs through its period in the agency's most recent rollout plan: a period lasts until the
 * next one starts, and the last period to the end of the month it starts in. The unit counts as
 * trained from the * next day; a unit whose period, or the period after it, names no date has none. Pure, so each case is unit-tested.
 */
export function trainedFromAttendance(sessions: { attendance: string | null; endsAt: string }[]) {
  const ends = sessions
    .filter((s) => s.attendance === "present" || s.attendance === "partial")
    .map((s) => s.endsAt)
    .sort();
  const first = ends[0];
  if (!first) return null;
  // The day after the session ended (UTC): training on the event day itself does not count.
  const next = new Date(`${first.slice(0, 10)}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The last day of the unit's planned period (YYYY-MM-DD), or null when the plan does not say. */
export function unitTrainingEndsOn(periods: RolloutPeriod[], periodIndex: number | null) {
  if (periodIndex === null) return null;
  const startDate = periods[periodIndex]?.startDate;
  if (!startDate) return null;
  const next = periods[periodIndex + 1];
  if (!next) return DateTime.fromISO(startDate, { zone: "UTC" }).endOf("month").toISODate();
  return next.startDate ? DateTime.fromISO(next.startDate, { zone: "UTC" }).minus({ days: 1 }).toISODate() : null;
}

/** The first day the unit counts as trained by the plan: the day after its period ends. */
export function trainedFromRollout(periods: RolloutPeriod[], periodIndex: number | null) {
  const endsOn = unitTrainingEndsOn(periods, periodIndex);
  return endsOn ? DateTime.fromISO(endsOn, { zone: "UTC" }).plus({ days: 1 }).toISODate() : null;
}

/** True when the event (YYYY-MM-DD) happened on or after the first trained day. */
export function isTrainedOn(trainedFrom: string | null, eventDate: string) {
  return trainedFrom !== null && trainedFrom <= eventDate;
}

/**
 * Share of a unit's current staff who must have attended before the unit counts as actually
 * trained. Half, so one absent worker does not hold back a unit, while a unit where only the
 * supervisor came does not count.
 */
export const UNIT_TRAINED_SHARE = 0.5;

/** The day a unit counts as actually trained: when enough of its staff (each's trained day, or null) have attended. */
export function unitTrainedFromAttendance(staffTrainedFrom: (string | null)[]) {
  if (staffTrainedFrom.length === 0) return null;
  const needed = Math.ceil(staffTrainedFrom.length * UNIT_TRAINED_SHARE);
  const days = staffTrainedFrom.filter((day): day is string => day !== null).sort();
  return days[needed - 1] ?? null;
}
