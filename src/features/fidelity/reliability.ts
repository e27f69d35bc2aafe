import { type AgreementStatistics, agreementStatistics, type RatingPair } from "../../shared/agreement-statistics.js";

/** One rating by one observer of one measure of one observation. */
export interface SubmittedRating {
  observationId: string;
  observerId: string;
  measureCode: string;
  rating: number;
  eventDate: string;
}

/** Both observers' ratings of one measure of one observation. */
export interface PairedRating extends RatingPair {
  observationId: string;
  /** The two observers' ids in sorted order: `first` is the first id's rating. */
  observerIds: [string, string];
  measureCode: string;
  quarter: string;
}

export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/**
 * Pairs the ratings of observations rated by exactly two observers, measure by measure. An
 * observation with one observer, or three, adds nothing; a measure only one of the two rated
 * adds nothing either.
 */
export function pairRatings(ratings: readonly SubmittedRating[]): PairedRating[] {
  const byObservation = new Map<string, SubmittedRating[]>();
  for (const r of ratings) {
    const list = byObservation.get(r.observationId) ?? [];
    list.push(r);
    byObservation.set(r.observationId, list);
  }
  const pairs: PairedRating[] = [];
  for (const [observationId, list] of byObservation) {
    const observerIds = [...new Set(list.map((r) => r.observerId))].sort();
    const [firstId, secondId] = observerIds;
    if (observerIds.length !== 2 || firstId === undefined || secondId === undefined) continue;
    const ratingOf = (observerId: string, measureCode: string) =>
      list.find((r) => r.observerId === observerId && r.measureCode === measureCode)?.rating;
    for (const measureCode of [...new Set(list.map((r) => r.measureCode))].sort()) {
      const first = ratingOf(firstId, measureCode);
      const second = ratingOf(secondId, measureCode);
      if (first === undefined || second === undefined) continue;
      pairs.push({
        observationId,
        observerIds: [firstId, secondId],
        measureCode,
        first,
        second,
        quarter: quarterOf(list[0]?.eventDate ?? ""),
      });
    }
  }
  return pairs;
}

/** A quarter needs at least this many paired ratings (one full nine-measure observation) to count for drift. */
export const DRIFT_MIN_RATINGS_IN_QUARTER = 9;
/** …and the quarters before it at least this many together. */
export const DRIFT_MIN_EARLIER_RATINGS = 18;
/** A fall of this much exact agreement (15 percentage points) or more is drift. */
export const DRIFT_DROP = 0.15;

export type QuarterAgreement = AgreementStatistics & { quarter: string };

/**
 * Drift: an observer pair's most recent quarter with enough ratings agrees exactly at least
 * 15 percentage points less often than the same pair did over all their earlier quarters
 * together. Returns that quarter, or null when there is no drift (or too little data to tell).
 */
export function driftQuarter(quarters: readonly QuarterAgreement[]): string | null {
  const ordered = [...quarters].sort((a, b) => a.quarter.localeCompare(b.quarter));
  const latestIndex = ordered.findLastIndex((q) => q.n >= DRIFT_MIN_RATINGS_IN_QUARTER);
  const latest = ordered[latestIndex];
  if (!latest || latest.exactAgreement === null) return null;
  const earlier = ordered.slice(0, latestIndex);
  const earlierN = earlier.reduce((sum, q) => sum + q.n, 0);
  if (earlierN < DRIFT_MIN_EARLIER_RATINGS) return null;
  const earlierExact = earlier.reduce((sum, q) => sum + (q.exactAgreement ?? 0) * q.n, 0) / earlierN;
  return earlierExact - latest.exactAgreement >= DRIFT_DROP - 1e-9 ? latest.quarter : null;
}

export function byQuarter(categories: readonly number[], pairs: readonly PairedRating[]): QuarterAgreement[] {
  const quarters = [...new Set(pairs.map((p) => p.quarter))].sort();
  return quarters.map((quarter) => ({
    quarter,
    ...agreementStatistics(
      categories,
      pairs.filter((p) => p.quarter === quarter),
    ),
  }));
}
