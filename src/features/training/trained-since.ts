import type { RolloutPeriod } from "./rollout-plan.schema.js";

/**
 * The rule for "trained vs not yet trained" that other domains (fidelity results) group by.
 * A person counts as trained from the day after a training session they attended (present or in
 * part) ended. Someone with no attendance recorded falls back to their unit's rollout: the
 * unit counts as trained once its planned period is over (from the next period's start) in the
 * agency's most recent rollout plan. A unit in the last period, or in a period whose end is not
 * a known date, has no trained date yet. Pure, so each case is unit-tested.
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

/** The first day after the unit's planned period: the start of the period after it, when known. */
export function trainedFromRollout(periods: RolloutPeriod[], periodIndex: number | null) {
  if (periodIndex === null) return null;
  return periods[periodIndex + 1]?.startDate ?? null;
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
