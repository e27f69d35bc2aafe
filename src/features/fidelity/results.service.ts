import type { Db } from "../../db/types.js";
import { fieldError } from "../../server/errors.js";
import { type Actor, authorize } from "../access/policy.js";
import { isTrainedOn } from "../training/trained-since.js";
import { findTrainedDates } from "../training/trained-since.service.js";
import { SMALL_CELL } from "./fidelity.schema.js";
import { findInstrumentInUse, findPublishedInstrumentVersions } from "./instrument.service.js";
import { findConsensus, findReconciledForResults, findUnitNames } from "./observation.repo.js";
import { quarterOf } from "./reliability.js";
import { scoreObservation } from "./scoring.js";

/**
 * Aggregate fidelity results by unit, office, quarter or training cohort (trained vs not yet
 * trained on the event date, by the training domain's rule): how many observations, the share that
 * met fidelity, the mean overall score and each measure's distribution. A group with fewer than
 * five observations shows its count only, so no one can read an individual's result from it;
 * individuals see their own results as debriefs.
 */
export async function getResults(
  db: Db,
  actor: Actor,
  query: { instrumentId?: string | undefined; groupBy: "unit" | "office" | "quarter" | "cohort" },
) {
  authorize(actor, "fidelity.results.read", { agencyId: actor.agencyId });
  const instrumentId = query.instrumentId ?? (await findInstrumentInUse(db, actor.agencyId)) ?? "";
  const versions = await findPublishedInstrumentVersions(db, actor.agencyId, instrumentId);
  const newest = [...versions.entries()].sort(([a], [b]) => b - a)[0]?.[1];
  if (!newest) throw fieldError("instrumentId", "Choose an instrument with a published version.");
  const observations = await findReconciledForResults(db, actor.agencyId, instrumentId);
  const consensus = await findConsensus(
    db,
    actor.agencyId,
    observations.map((o) => o.id),
  );
  const units = await findUnitNames(db, actor.agencyId);
  const trainedDates =
    query.groupBy === "cohort"
      ? await findTrainedDates(db, actor.agencyId, {
          personIds: observations.map((o) => o.staffPersonId),
          orgUnitIds: observations.flatMap((o) => (o.orgUnitId ? [o.orgUnitId] : [])),
        })
      : null;
  const groupOf = (o: (typeof observations)[number]): { key: string; label: string } => {
    if (query.groupBy === "quarter") return { key: quarterOf(o.eventDate), label: quarterOf(o.eventDate) };
    if (trainedDates) {
      // The person's own attendance decides; without any, their unit's rollout period does.
      const trainedFrom =
        trainedDates.people.get(o.staffPersonId) ?? (o.orgUnitId ? trainedDates.units.get(o.orgUnitId) : undefined);
      return isTrainedOn(trainedFrom ?? null, o.eventDate)
        ? { key: "trained", label: "Trained" }
        : { key: "not_yet_trained", label: "Not yet trained" };
    }
    const ids = (o.orgUnitPath ?? "").split("/").filter(Boolean);
    const wanted = query.groupBy === "unit" ? ids[ids.length - 1] : ids.find((id) => units.get(id)?.kind === "office");
    return wanted ? { key: wanted, label: units.get(wanted)?.name ?? "" } : { key: "none", label: "No unit recorded" };
  };
  const groups = new Map<
    string,
    {
      label: string;
      scored: { overall: number | null; met: boolean | null }[];
      ratings: { measureCode: string; rating: number }[];
    }
  >();
  for (const o of observations) {
    const { key, label } = groupOf(o);
    const own = consensus.filter((c) => c.observationId === o.id);
    const score = scoreObservation(versions.get(o.instrumentVersionNumber) ?? newest, own);
    const group = groups.get(key) ?? { label, scored: [], ratings: [] };
    group.scored.push({ overall: score.overall, met: score.fidelityMet });
    group.ratings.push(...own);
    groups.set(key, group);
  }
  const levels = newest.scale.map((l) => l.value);
  return {
    instrumentId,
    groupBy: query.groupBy,
    groups: [...groups.entries()]
      .map(([key, group]) => {
        const suppressed = group.scored.length < SMALL_CELL;
        const scored = group.scored.filter((s) => s.overall !== null);
        return {
          key,
          label: group.label,
          observations: group.scored.length,
          suppressed,
          shareMet: suppressed || scored.length === 0 ? null : scored.filter((s) => s.met).length / scored.length,
          meanOverall:
            suppressed || scored.length === 0
              ? null
              : scored.reduce((sum, s) => sum + (s.overall ?? 0), 0) / scored.length,
          measures: suppressed
            ? null
            : newest.measures.map((m) => ({
                measureCode: m.code,
                counts: levels.map((value) => ({
                  value,
                  count: group.ratings.filter((r) => r.measureCode === m.code && r.rating === value).length,
                })),
              })),
        };
      })
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}
