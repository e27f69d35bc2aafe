import type { Db } from "../../db/types.js";
import { fieldError, forbidden, notFound } from "../../server/errors.js";
import { type Actor, canAct } from "../access/policy.js";
import { findPersonWithReportingLine, isPersonOfAgency } from "../people/person.service.js";
import type { DebriefsQuery, InstrumentContent } from "./fidelity.schema.js";
import { findPublishedInstrument } from "./instrument.service.js";
import {
  findConsensus,
  findObservationById,
  findObservations,
  type ObservationFilter,
  type ObservationRow,
} from "./observation.repo.js";
import { scoreObservation } from "./scoring.js";

/**
 * Debriefs for the people they are about (SPEC §6): the observed staff member and their supervisor
 * line read the agreed ratings, the observers' agreed notes and the strengths-first debrief. The
 * observers' individual ratings never leave the fidelity team, so nothing here reads them.
 */

/**
 * Whose debriefs the actor may read: null for the fidelity team (everyone's), otherwise the
 * actor and everyone below them in the supervisor line.
 */
async function readablePeople(db: Db, actor: Actor): Promise<string[] | null> {
  if (canAct(actor, "fidelity.manage")) return null;
  if (!actor.personId) return [];
  const line = await findPersonWithReportingLine(db, actor.agencyId, actor.personId);
  return [actor.personId, ...(line?.reportIds ?? [])];
}

async function contentOf(db: Db, agencyId: string, observation: ObservationRow): Promise<InstrumentContent> {
  const instrument = await findPublishedInstrument(
    db,
    agencyId,
    observation.instrumentId,
    observation.instrumentVersionNumber,
  );
  if (!instrument) throw new Error(`observation ${observation.id} points at a missing instrument version`);
  return instrument.content;
}

/** The reconciled observations the actor may read as debriefs, newest first, with who they are about. */
export async function listDebriefs(db: Db, actor: Actor, query: DebriefsQuery) {
  // The grant only opens the list; whose debriefs are in it is decided by reporting line.
  if (!canAct(actor, "fidelity.debriefs.read")) throw forbidden();
  if (query.from && query.to && query.from > query.to) throw fieldError("to", "The end date comes after the start.");
  const readable = await readablePeople(db, actor);
  if (query.personId) {
    if (!(await isPersonOfAgency(db, actor.agencyId, query.personId))) throw notFound("The person");
    if (readable && !readable.includes(query.personId)) {
      throw forbidden("Debriefs are for the person observed and their supervisors.");
    }
  }
  const reach: ObservationFilter = { status: "reconciled", ...(readable ? { staffPersonIds: readable } : {}) };
  const everyone = await findObservations(db, actor.agencyId, reach);
  const people = new Map(everyone.map((o) => [o.staffPersonId, o.staffName]));
  const chosen = everyone.filter(
    (o) =>
      (!query.personId || o.staffPersonId === query.personId) &&
      (!query.from || o.eventDate >= query.from) &&
      (!query.to || o.eventDate <= query.to),
  );
  const consensus = await findConsensus(
    db,
    actor.agencyId,
    chosen.map((o) => o.id),
  );
  const contents = new Map<string, InstrumentContent>();
  const items = [];
  for (const observation of chosen) {
    const key = `${observation.instrumentId}#${observation.instrumentVersionNumber}`;
    const content = contents.get(key) ?? (await contentOf(db, actor.agencyId, observation));
    contents.set(key, content);
    items.push({
      observationId: observation.id,
      staffPersonId: observation.staffPersonId,
      staffName: observation.staffName,
      orgUnitName: observation.orgUnitName,
      eventType: observation.eventType,
      eventDate: observation.eventDate,
      score: scoreObservation(
        content,
        consensus.filter((c) => c.observationId === observation.id),
      ),
    });
  }
  return {
    items,
    people: [...people.entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** One debrief: what went well, next steps, and each agreed level with what it means on the instrument. */
export async function getDebrief(db: Db, actor: Actor, observationId: string) {
  const observation = await findObservationById(db, actor.agencyId, observationId);
  // An observation not yet reconciled has no debrief to read.
  if (observation?.status !== "reconciled") throw notFound("The debrief");
  if (!canAct(actor, "fidelity.debriefs.read")) throw forbidden();
  const readable = await readablePeople(db, actor);
  if (readable && !readable.includes(observation.staffPersonId)) {
    throw forbidden("Debriefs are for the person observed and their supervisors.");
  }
  const content = await contentOf(db, actor.agencyId, observation);
  const consensus = await findConsensus(db, actor.agencyId, [observationId]);
  const labels = new Map(content.scale.map((l) => [l.value, l.label]));
  const agreed = new Map(consensus.map((c) => [c.measureCode, c]));
  return {
    observationId: observation.id,
    staffPersonId: observation.staffPersonId,
    staffName: observation.staffName,
    orgUnitName: observation.orgUnitName,
    eventType: observation.eventType,
    eventDate: observation.eventDate,
    strengths: observation.debriefStrengths,
    nextSteps: observation.debriefNextSteps,
    measures: content.measures.flatMap((m) => {
      const c = agreed.get(m.code);
      if (!c) return [];
      return [
        {
          code: m.code,
          name: m.name,
          description: m.description,
          rating: c.rating,
          label: labels.get(c.rating) ?? "",
          anchor: m.anchors.find((a) => a.value === c.rating)?.text ?? "",
          note: c.note,
        },
      ];
    }),
    score: scoreObservation(content, consensus),
  };
}
