/**
 * Matched-pair change for pre/post surveys: each person's answer after training against their
 * own answer before it. Only people who answered both count toward the change; the response
 * rate says how many that was. The effect size is Cohen's d for paired samples,
 * d_z = mean of the differences / standard deviation of the differences (n − 1).
 */

export interface Matched<K> {
  key: K;
  before: number;
  after: number;
}

export function matchPairs<K>(before: Map<K, number>, after: Map<K, number>) {
  const matched: Matched<K>[] = [];
  for (const [key, value] of before) {
    const later = after.get(key);
    if (later !== undefined) matched.push({ key, before: value, after: later });
  }
  return {
    matched,
    onlyBefore: [...before.keys()].filter((k) => !after.has(k)),
    onlyAfter: [...after.keys()].filter((k) => !before.has(k)),
  };
}

export interface PairedChange {
  pairs: number;
  meanBefore: number | null;
  meanAfter: number | null;
  meanChange: number | null;
  /** Sample standard deviation of the differences; null with fewer than two pairs. */
  sdChange: number | null;
  /** Cohen's d_z; null when it is undefined (fewer than two pairs, or every difference the same). */
  effectSize: number | null;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

export function pairedChange(pairs: { before: number; after: number }[]): PairedChange {
  if (pairs.length === 0) {
    return { pairs: 0, meanBefore: null, meanAfter: null, meanChange: null, sdChange: null, effectSize: null };
  }
  const differences = pairs.map((p) => p.after - p.before);
  const meanChange = mean(differences);
  const sdChange =
    pairs.length < 2
      ? null
      : Math.sqrt(differences.reduce((sum, d) => sum + (d - meanChange) ** 2, 0) / (pairs.length - 1));
  return {
    pairs: pairs.length,
    meanBefore: mean(pairs.map((p) => p.before)),
    meanAfter: mean(pairs.map((p) => p.after)),
    meanChange,
    sdChange,
    effectSize: sdChange === null || sdChange === 0 ? null : meanChange / sdChange,
  };
}

/** Share of the invited who answered, 0–1; null when nobody was invited. */
export function responseRate(responded: number, invited: number): number | null {
  return invited === 0 ? null : responded / invited;
}
