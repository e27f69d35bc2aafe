/**
 * Agreement between two raters who each put the same items on one ordered scale.
 *
 * Every function takes the scale's categories in order (lowest first) and the paired ratings.
 * Distances between categories are measured by position in that list, not by the numbers
 * themselves, so a scale of 1, 2, 3, 4 and one of 0, 5, 10 behave the same.
 *
 * Defined answers for the edge cases (each is tested):
 * - No pairs (n = 0): every statistic is null — there is nothing to measure.
 * - Perfect agreement with some variation in the ratings: both kappas are 1.
 * - Chance agreement is certain (expected agreement = 1), which happens only when both raters
 *   used one and the same category for every item: both kappas are null. Observed agreement is
 *   then 1 too, and kappa is 0 / 0; reporting 1 would claim a reliability the data cannot show,
 *   so the answer is "not measurable" and screens show a dash.
 * - One rater constant, the other not: kappa is defined and is 0 when the varying rater matches
 *   the constant one only as often as chance predicts (which is always the case here).
 * - A scale with a single category: expected agreement is always 1, so kappas are null.
 */

export type RatingPair = { readonly first: number; readonly second: number };

export type AgreementStatistics = {
  /** Number of rated pairs. */
  n: number;
  /** Share of pairs where both raters chose the same category (0..1), null when n = 0. */
  exactAgreement: number | null;
  /** Share of pairs at most one category apart (0..1), null when n = 0. */
  withinOneAgreement: number | null;
  /** Cohen's kappa, null when n = 0 or chance agreement is certain. */
  kappa: number | null;
  /** Cohen's kappa with quadratic weights, null when n = 0 or chance agreement is certain. */
  weightedKappa: number | null;
};

export class RatingOutsideScaleError extends Error {
  constructor(readonly rating: number) {
    super(`Rating ${rating} is not one of the scale's categories`);
  }
}

type PositionPair = { readonly row: number; readonly column: number };

/** Each pair as positions on the scale (0 = lowest category). */
function toPositions(categories: readonly number[], pairs: readonly RatingPair[]): PositionPair[] {
  const indexOf = new Map(categories.map((category, index) => [category, index]));
  return pairs.map(({ first, second }) => {
    const row = indexOf.get(first);
    const column = indexOf.get(second);
    if (row === undefined) throw new RatingOutsideScaleError(first);
    if (column === undefined) throw new RatingOutsideScaleError(second);
    return { row, column };
  });
}

/** Share of pairs in which each position was chosen, for one rater. */
function marginalShares(size: number, positions: readonly number[]): number[] {
  const shares = new Array<number>(size).fill(0);
  for (const position of positions) shares[position] = (shares[position] ?? 0) + 1 / positions.length;
  return shares;
}

/**
 * Kappa for any agreement weights w(i, j) in 0..1 with w(i, i) = 1:
 * (observed − expected) / (1 − expected), both weighted.
 */
function weightedAgreementKappa(
  size: number,
  pairs: readonly PositionPair[],
  weight: (row: number, column: number) => number,
): number | null {
  const rowShares = marginalShares(
    size,
    pairs.map((pair) => pair.row),
  );
  const columnShares = marginalShares(
    size,
    pairs.map((pair) => pair.column),
  );
  const observed = pairs.reduce((sum, pair) => sum + weight(pair.row, pair.column), 0) / pairs.length;
  let expected = 0;
  rowShares.forEach((rowShare, row) => {
    columnShares.forEach((columnShare, column) => {
      expected += weight(row, column) * rowShare * columnShare;
    });
  });
  // Rounding can leave expected a hair under 1 when it is 1 in exact arithmetic.
  if (1 - expected < 1e-12) return null;
  return (observed - expected) / (1 - expected);
}

export function agreementStatistics(categories: readonly number[], pairs: readonly RatingPair[]): AgreementStatistics {
  if (new Set(categories).size !== categories.length || categories.length === 0) {
    throw new Error("A scale needs at least one category and no repeats");
  }
  const n = pairs.length;
  if (n === 0) return { n, exactAgreement: null, withinOneAgreement: null, kappa: null, weightedKappa: null };
  const positions = toPositions(categories, pairs);
  const size = categories.length;
  const exact = positions.filter(({ row, column }) => row === column).length / n;
  const withinOne = positions.filter(({ row, column }) => Math.abs(row - column) <= 1).length / n;
  const largestDistance = size - 1;
  return {
    n,
    exactAgreement: exact,
    withinOneAgreement: withinOne,
    kappa: weightedAgreementKappa(size, positions, (row, column) => (row === column ? 1 : 0)),
    weightedKappa:
      largestDistance === 0
        ? null
        : weightedAgreementKappa(size, positions, (row, column) => 1 - ((row - column) / largestDistance) ** 2),
  };
}
