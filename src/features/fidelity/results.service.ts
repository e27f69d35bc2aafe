import type { Db } from "../../db/types.js";
import { fieldError } from "../../server/errors.js";
import { type Actor, scopeFilterFor } from "../access/policy.js";
import { findAgencySettings } from "../agencies/agency.service.js";
import { findPersonWithReportingLine } from "../people/person.service.js";
import { isTrainedOn } from "../training/trained-since.js";
import { findTrainedDates } from "../training/trained-since.service.js";
import { SMALL_CELL } from "./fidelity.schema.js";
import { findInstrumentInUse, findPublishedInstrumentVersions } from "./instrument.service.js";
import { findConsensus, findObservations, findReconciledForResults, findUnitNames } from "./observation.repo.js";
import { quarterOf } from "./reliability.js";
import { scoreObservation } from "./scoring.js";

async function instrumentForResults(db: Db, actor: Actor, requested: string | undefined) {
  const instrumentId = requested ?? (await findInstrumentInUse(db, actor.agencyId)) ?? "";
  const versions = await findPublishedInstrumentVersions(db, actor.agencyId, instrumentId);
  const newest = [...versions.entries()].sort(([a], [b]) => b - a)[0]?.[1];
  if (!newest) throw fieldError("instrumentId", "Choose an instrument with a published version.");
  return { instrumentId, versions, newest };
}

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
  // Supervisors and managers see their own part of the organization; the server decides, not the page.
  const scope = scopeFilterFor(actor, "fidelity.results.read");
  const { instrumentId, versions, newest } = await instrumentForResults(db, actor, query.instrumentId);
  const units = await findUnitNames(db, actor.agencyId);
  const subtreePath = scope.kind === "agency" ? null : (actor.orgUnitPath ?? "");
  const observations = (await findReconciledForResults(db, actor.agencyId, instrumentId)).filter(
    (o) => subtreePath === null || (subtreePath !== "" && (o.orgUnitPath ?? "").startsWith(subtreePath)),
  );
  const consensus = await findConsensus(
    db,
    actor.agencyId,
    observations.map((o) => o.id),
  );
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
  const ownUnitId = (subtreePath ?? "").split("/").filter(Boolean).at(-1);
  return {
    instrumentId,
    scope:
      subtreePath === null
        ? { kind: "agency" as const, name: (await findAgencySettings(db, actor.agencyId))?.name ?? "" }
        : { kind: "subtree" as const, name: (ownUnitId && units.get(ownUnitId)?.name) || "No unit recorded" },
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

/**
 * Individual results for a supervisor or manager: each person below them in their supervisor line
 * who has a reconciled observation, with how many met fidelity and their mean score. Individual
 * results are for the person and their supervisor line only, so leaders and partners never get
 * this (they hold no grant for it) and nobody gets people outside their own line.
 */
export async function getPersonResults(db: Db, actor: Actor, query: { instrumentId?: string | undefined }) {
  // Refuses anyone without the grant; the people are then chosen by reporting line, not by unit.
  scopeFilterFor(actor, "fidelity.results.individual");
  const { instrumentId, versions, newest } = await instrumentForResults(db, actor, query.instrumentId);
  const line = actor.personId ? await findPersonWithReportingLine(db, actor.agencyId, actor.personId) : null;
  const observations = await findObservations(db, actor.agencyId, {
    instrumentId,
    status: "reconciled",
    staffPersonIds: line?.reportIds ?? [],
  });
  const consensus = await findConsensus(
    db,
    actor.agencyId,
    observations.map((o) => o.id),
  );
  const people = new Map<
    string,
    { name: string; orgUnitName: string | null; overall: number[]; met: number; count: number; latest: string }
  >();
  for (const o of observations) {
    const score = scoreObservation(
      versions.get(o.instrumentVersionNumber) ?? newest,
      consensus.filter((c) => c.observationId === o.id),
    );
    // Newest first, so the first observation met names the person's current unit.
    const person = people.get(o.staffPersonId) ?? {
      name: o.staffName,
      orgUnitName: o.orgUnitName,
      overall: [],
      met: 0,
      count: 0,
      latest: o.eventDate,
    };
    person.count += 1;
    if (score.fidelityMet) person.met += 1;
    if (score.overall !== null) person.overall.push(score.overall);
    people.set(o.staffPersonId, person);
  }
  return {
    instrumentId,
    people: [...people.entries()]
      .map(([personId, p]) => ({
        personId,
        name: p.name,
        orgUnitName: p.orgUnitName,
        observations: p.count,
        met: p.met,
        meanOverall: p.overall.length === 0 ? null : p.overall.reduce((sum, v) => sum + v, 0) / p.overall.length,
        latestEventDate: p.latest,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
