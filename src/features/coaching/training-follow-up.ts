import { DateTime } from "luxon";

export interface TrainedUnitFacts {
  orgUnitId: string;
  /** The last day of the unit's training (YYYY-MM-DD), or null while it has not been trained. */
  trainingEndedOn: string | null;
  /** The earliest start (YYYY-MM-DD) of coaching for anyone in the unit, or null when none was agreed. */
  earliestCoachingStartOn: string | null;
}

export interface FollowUpFlag {
  orgUnitId: string;
  trainingEndedOn: string;
  daysSinceTraining: number;
}

function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: "UTC" }).diff(DateTime.fromISO(from, { zone: "UTC" }), "days").days);
}

/**
 * Units whose training ended more than `thresholdDays` before `today` (a date in the agency's
 * time zone) and where nobody has coaching started or agreed yet. Training fades unless coaching
 * follows it, so these are the units to reach first; the longest waiting come first.
 */
export function unitsNeedingCoachingFollowUp(
  units: TrainedUnitFacts[],
  today: string,
  thresholdDays: number,
): FollowUpFlag[] {
  const flags: FollowUpFlag[] = [];
  for (const unit of units) {
    if (unit.trainingEndedOn === null || unit.earliestCoachingStartOn !== null) continue;
    const daysSinceTraining = daysBetween(unit.trainingEndedOn, today);
    if (daysSinceTraining > thresholdDays) {
      flags.push({ orgUnitId: unit.orgUnitId, trainingEndedOn: unit.trainingEndedOn, daysSinceTraining });
    }
  }
  return flags.sort((a, b) => b.daysSinceTraining - a.daysSinceTraining || a.orgUnitId.localeCompare(b.orgUnitId));
}
