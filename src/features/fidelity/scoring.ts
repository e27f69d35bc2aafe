import type { InstrumentContent } from "./fidelity.schema.js";

/**
 * An observation's score from its consensus ratings: the overall score is the mean of the
 * measure scores, and fidelity is met when that mean reaches the threshold and no measure is
 * below the floor. An observation missing any measure has no score (null), rather than a
 * score over fewer measures that would not compare with the others.
 */
export function scoreObservation(
  content: Pick<InstrumentContent, "measures" | "scoring">,
  consensus: readonly { measureCode: string; rating: number }[],
): { overall: number | null; fidelityMet: boolean | null } {
  const byCode = new Map(consensus.map((c) => [c.measureCode.toLowerCase(), c.rating]));
  const ratings = content.measures.map((m) => byCode.get(m.code.toLowerCase()));
  if (ratings.length === 0 || ratings.some((r) => r === undefined)) return { overall: null, fidelityMet: null };
  const values = ratings as number[];
  const overall = values.reduce((sum, r) => sum + r, 0) / values.length;
  return {
    overall,
    fidelityMet: overall >= content.scoring.threshold && values.every((r) => r >= content.scoring.floor),
  };
}
