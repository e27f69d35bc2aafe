/** A small seeded generator (mulberry32): the same seed gives the same data on every machine. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  integer(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error("pick() needs at least one item");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    chance: (probability) => next() < probability,
  };
}

/**
 * Splits `total` into whole shares proportional to `weights` (largest remainder), each share
 * at least `minimum`. Used to hit exact totals of staff and units while keeping sizes varied.
 */
export function allocate(total: number, weights: readonly number[], minimum = 0): number[] {
  const floor = minimum * weights.length;
  if (total < floor) throw new Error(`cannot give ${weights.length} shares at least ${minimum} each out of ${total}`);
  const rest = total - floor;
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  const exact = weights.map((w) => (weightSum > 0 ? (w / weightSum) * rest : rest / weights.length));
  const shares = exact.map((x) => Math.floor(x));
  let left = rest - shares.reduce((sum, s) => sum + s, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left === 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left--;
  }
  return shares.map((s) => s + minimum);
}

/** Adds `days` to a YYYY-MM-DD date. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
