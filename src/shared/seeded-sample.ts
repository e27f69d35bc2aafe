/**
 * Reproducible random samples: the same seed and the same pool (in any order) always give the
 * same sample, so an agency can show how a sample was drawn and draw it again.
 */

/** FNV-1a over the seed text, then mulberry32: small, fast and the same on every platform. */
function generatorFor(seed: string) {
  let hash = 0x811c9dc5;
  for (const char of seed) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let state = hash;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `size` distinct ids from the pool (all of them when the pool is smaller), in draw order. */
export function seededSample(pool: readonly string[], size: number, seed: string): string[] {
  const random = generatorFor(seed);
  // Sorting first makes the result independent of the order the database returned the pool in.
  const items = [...new Set(pool)].sort();
  const count = Math.min(size, items.length);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (items.length - i));
    const chosen = items[j] as string;
    items[j] = items[i] as string;
    items[i] = chosen;
  }
  return items.slice(0, count);
}

/** A fresh seed to show the user: short enough to read aloud and type back. */
export function newSampleSeed(): string {
  return Math.floor(Math.random() * 36 ** 8)
    .toString(36)
    .padStart(8, "0");
}
