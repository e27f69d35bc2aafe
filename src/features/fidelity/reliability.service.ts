import type { Db } from "../../db/types.js";
import { fieldError } from "../../server/errors.js";
import { agreementStatistics } from "../../shared/agreement-statistics.js";
import { type Actor, authorize } from "../access/policy.js";
import type { Reliability } from "./fidelity.schema.js";
import { findPublishedInstrumentVersions } from "./instrument.service.js";
import { findSubmittedRatingPairsSource } from "./observation.repo.js";
import { findObserversOfAgency } from "./observer.repo.js";
import { byQuarter, driftQuarter, pairRatings } from "./reliability.js";

/**
 * Inter-rater reliability of an instrument, from observations whose two observers both
 * submitted: per measure, overall, per observer pair with a drift flag, and by quarter.
 */
export async function getReliability(db: Db, actor: Actor, instrumentId: string): Promise<Reliability> {
  authorize(actor, "fidelity.manage", { agencyId: actor.agencyId });
  const versions = await findPublishedInstrumentVersions(db, actor.agencyId, instrumentId);
  const newest = [...versions.entries()].sort(([a], [b]) => b - a)[0]?.[1];
  if (!newest) throw fieldError("instrumentId", "Choose an instrument with a published version.");
  // Versions may differ in scale; every level any version used is a category.
  const categories = [...new Set([...versions.values()].flatMap((c) => c.scale.map((l) => l.value)))].sort(
    (a, b) => a - b,
  );
  const known = new Set(categories);
  const source = (await findSubmittedRatingPairsSource(db, actor.agencyId, instrumentId)).filter((r) =>
    known.has(r.rating),
  );
  const pairs = pairRatings(source);
  const measureNames = new Map<string, string>();
  for (const content of [...versions.values()]) for (const m of content.measures) measureNames.set(m.code, m.name);
  const measureCodes = [...new Set([...newest.measures.map((m) => m.code), ...pairs.map((p) => p.measureCode)])];
  const observerNames = new Map((await findObserversOfAgency(db, actor.agencyId)).map((o) => [o.id, o.name]));
  const pairKeys = [...new Set(pairs.map((p) => p.observerIds.join("|")))];

  return {
    instrumentId,
    observations: new Set(pairs.map((p) => p.observationId)).size,
    overall: agreementStatistics(categories, pairs),
    measures: measureCodes.map((measureCode) => ({
      measureCode,
      measureName: measureNames.get(measureCode) ?? measureCode,
      ...agreementStatistics(
        categories,
        pairs.filter((p) => p.measureCode === measureCode),
      ),
    })),
    pairs: pairKeys
      .map((key) => {
        const ofPair = pairs.filter((p) => p.observerIds.join("|") === key);
        const observerIds = key.split("|");
        const quarters = byQuarter(categories, ofPair);
        const drift = driftQuarter(quarters);
        return {
          observerIds,
          observerNames: observerIds.map((id) => observerNames.get(id) ?? ""),
          ...agreementStatistics(categories, ofPair),
          quarters,
          drift: drift !== null,
          driftQuarter: drift,
        };
      })
      .sort((a, b) => a.observerNames.join().localeCompare(b.observerNames.join())),
    quarters: byQuarter(categories, pairs),
  };
}
