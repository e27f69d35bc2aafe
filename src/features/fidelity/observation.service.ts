import type { Db } from "../../db/types.js";
import { AppError, type FieldError, fieldError, forbidden, notFound, staleVersion } from "../../server/errors.js";
import { type Actor, authorize, canAct } from "../access/policy.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import { findSupervisorLineIds, isPersonOfAgency } from "../people/person.service.js";
import type {
  ConsensusInput,
  InstrumentContent,
  MyRatingsInput,
  Observation,
  ObservationInput,
  ObservationsQuery,
  Observer,
} from "./fidelity.schema.js";
import { findPublishedInstrument } from "./instrument.service.js";
import {
  findConsensus,
  findObservationById,
  findObservationPage,
  findObservations,
  findObserversOfObservations,
  findRatingsOfObserver,
  findUnitOfPerson,
  findUnitPath,
  insertObservation,
  markSubmitted,
  type ObservationRow,
  replaceConsensus,
  replaceRatingsOfObserver,
  updateObservationState,
} from "./observation.repo.js";
import { findObserverById, findObserversOfAgency } from "./observer.repo.js";
import { findObserverForActor, isCertifiedOn } from "./observer.service.js";
import { scoreObservation } from "./scoring.js";

const here = (actor: Actor) => ({ agencyId: actor.agencyId });
const invalid = (fieldErrors: FieldError[]) =>
  new AppError("VALIDATION", "Some fields need attention.", { fieldErrors });

/** The fidelity team sees every observation; an observer sees the ones they are assigned to. */
async function viewerOf(db: Db, actor: Actor) {
  const isFidelityTeam = canAct(actor, "fidelity.manage");
  const observer = await findObserverForActor(db, actor);
  return { isFidelityTeam, observer };
}

async function loadObservation(db: Db, actor: Actor, id: string) {
  const observation = await findObservationById(db, actor.agencyId, id);
  if (!observation) throw notFound("The observation");
  authorize(actor, "fidelity.rate", here(actor), "The observation");
  const viewer = await viewerOf(db, actor);
  const assignments = await findObserversOfObservations(db, actor.agencyId, [id]);
  const mine = viewer.observer ? assignments.find((a) => a.observerId === viewer.observer?.id) : undefined;
  if (!viewer.isFidelityTeam && !mine) throw forbidden("Only the observers assigned to this observation can open it.");
  return { observation, assignments, mine, viewer };
}

async function instrumentOf(db: Db, agencyId: string, observation: ObservationRow): Promise<InstrumentContent> {
  const instrument = await findPublishedInstrument(
    db,
    agencyId,
    observation.instrumentId,
    observation.instrumentVersionNumber,
  );
  if (!instrument) throw new Error(`observation ${observation.id} points at a missing instrument version`);
  return instrument.content;
}

/**
 * The observation as this reader may see it. The blind-rating rule lives here and nowhere else:
 * before both observers have submitted, an observer sees only their own ratings and nobody else
 * sees any; afterwards both observers and the fidelity team see both.
 */
async function present(
  db: Db,
  actor: Actor,
  id: string,
): Promise<Observation & { scale: InstrumentContent["scale"]; measures: InstrumentContent["measures"] }> {
  const { observation, assignments, mine } = await loadObservation(db, actor, id);
  const content = await instrumentOf(db, actor.agencyId, observation);
  const observers = new Map((await findObserversOfAgency(db, actor.agencyId)).map((o) => [o.id, o]));
  const bothSubmitted = assignments.length === 2 && assignments.every((a) => a.submittedAt !== null);
  const consensus = observation.status === "reconciled" ? await findConsensus(db, actor.agencyId, [id]) : null;
  return {
    id: observation.id,
    instrumentId: observation.instrumentId,
    instrumentVersionNumber: observation.instrumentVersionNumber,
    eventType: observation.eventType,
    eventDate: observation.eventDate,
    staffPersonId: observation.staffPersonId,
    staffName: observation.staffName,
    orgUnitName: observation.orgUnitName,
    consentReference: observation.consentReference,
    status: observation.status,
    source: observation.source,
    observers: await Promise.all(
      assignments.map(async (a) => {
        const visible = bothSubmitted || a.observerId === mine?.observerId;
        const ratings = visible ? await findRatingsOfObserver(db, actor.agencyId, id, a.observerId) : null;
        return {
          observerId: a.observerId,
          observerType: a.observerType,
          name: observers.get(a.observerId)?.name ?? "",
          submitted: a.submittedAt !== null,
          ratings: ratings ? ratings.map(({ measureCode, rating, note }) => ({ measureCode, rating, note })) : null,
        };
      }),
    ),
    consensus: consensus ? consensus.map(({ measureCode, rating, note }) => ({ measureCode, rating, note })) : null,
    score: consensus ? scoreObservation(content, consensus) : null,
    debriefStrengths: observation.debriefStrengths,
    debriefNextSteps: observation.debriefNextSteps,
    version: observation.version,
    viewerObserverId: mine?.observerId ?? null,
    scale: content.scale,
    measures: content.measures,
  };
}

export function getObservation(db: Db, actor: Actor, id: string) {
  return present(db, actor, id);
}

/**
 * One page of observations with the filters applied. An observer who is not on the fidelity team
 * only ever gets the observations they are assigned to, whatever observer they ask about.
 */
export async function listObservations(db: Db, actor: Actor, query: ObservationsQuery) {
  authorize(actor, "fidelity.rate", here(actor));
  if (query.from && query.to && query.from > query.to) throw fieldError("to", "The end date comes after the start.");
  const viewer = await viewerOf(db, actor);
  const paging = { page: query.page, pageSize: query.pageSize };
  const nothing = { items: [], total: 0, ...paging };
  if (!viewer.isFidelityTeam && !viewer.observer) return nothing;
  const observerId = viewer.isFidelityTeam ? query.observerId : viewer.observer?.id;
  if (!viewer.isFidelityTeam && query.observerId && query.observerId !== observerId) return nothing;
  let orgUnitPath: string | undefined;
  if (query.orgUnitId) {
    orgUnitPath = await findUnitPath(db, actor.agencyId, query.orgUnitId);
    if (orgUnitPath === undefined) throw fieldError("orgUnitId", "That unit does not exist.");
  }
  const { rows, total } = await findObservationPage(
    db,
    actor.agencyId,
    {
      ...(observerId ? { observerId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(orgUnitPath !== undefined ? { orgUnitPath } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
    },
    paging,
  );
  const consensus = await findConsensus(
    db,
    actor.agencyId,
    rows.filter((r) => r.status === "reconciled").map((r) => r.id),
  );
  const contents = new Map<string, InstrumentContent>();
  const items = [];
  for (const row of rows) {
    const key = `${row.instrumentId}#${row.instrumentVersionNumber}`;
    let content = contents.get(key);
    if (!content) {
      content = await instrumentOf(db, actor.agencyId, row);
      contents.set(key, content);
    }
    const own = consensus.filter((c) => c.observationId === row.id);
    items.push({
      id: row.id,
      instrumentId: row.instrumentId,
      instrumentVersionNumber: row.instrumentVersionNumber,
      eventType: row.eventType,
      eventDate: row.eventDate,
      staffPersonId: row.staffPersonId,
      staffName: row.staffName,
      orgUnitName: row.orgUnitName,
      consentReference: row.consentReference,
      status: row.status,
      source: row.source,
      score: row.status === "reconciled" ? scoreObservation(content, own) : null,
      debriefStrengths: row.debriefStrengths,
      debriefNextSteps: row.debriefNextSteps,
      version: row.version,
    });
  }
  return { items, total, ...paging };
}

/**
 * The observer team rule: exactly one community partner and one agency partner, different
 * people, both certified on the event date, and the agency partner is not the person observed.
 */
function checkObserverTeam(input: ObservationInput, chosen: (Observer | undefined)[]): FieldError[] {
  const errors: FieldError[] = [];
  chosen.forEach((observer, index) => {
    if (!observer) errors.push({ field: `observerIds.${index}`, message: "That observer is not on the roster." });
    else if (!isCertifiedOn(observer, input.eventDate)) {
      errors.push({
        field: `observerIds.${index}`,
        message: `${observer.name} is not certified on ${input.eventDate}; renew the certification or choose another observer.`,
      });
    } else if (observer.personId !== null && observer.personId === input.staffPersonId) {
      errors.push({ field: `observerIds.${index}`, message: "Staff cannot observe their own meeting." });
    }
  });
  if (errors.length > 0) return errors;
  const types = chosen.map((o) => o?.observerType).sort();
  if (
    input.observerIds[0] === input.observerIds[1] ||
    types[0] !== "agency_partner" ||
    types[1] !== "community_partner"
  ) {
    errors.push({
      field: "observerIds",
      message: "The observer team is exactly one community partner and one agency partner.",
    });
  }
  return errors;
}

export async function scheduleObservation(db: Db, actor: Actor, input: ObservationInput) {
  authorize(actor, "fidelity.manage", here(actor));
  const id = await db.transaction().execute(async (trx) => {
    const instrument = await findPublishedInstrument(trx, actor.agencyId, input.instrumentId);
    const errors: FieldError[] = [];
    if (!instrument) errors.push({ field: "instrumentId", message: "Choose an instrument with a published version." });
    if (!(await isPersonOfAgency(trx, actor.agencyId, input.staffPersonId))) {
      errors.push({ field: "staffPersonId", message: "That staff person does not exist." });
    }
    const chosen = await Promise.all(input.observerIds.map((oid) => findObserverById(trx, actor.agencyId, oid)));
    errors.push(...checkObserverTeam(input, chosen));
    if (errors.length > 0 || !instrument) throw invalid(errors);
    const observationId = await insertObservation(trx, actor.agencyId, {
      instrumentId: instrument.instrumentId,
      instrumentVersionNumber: instrument.number,
      eventType: input.eventType,
      eventDate: input.eventDate,
      staffPersonId: input.staffPersonId,
      orgUnitId: await findUnitOfPerson(trx, actor.agencyId, input.staffPersonId),
      consentReference: input.consentReference,
      status: "scheduled",
      source: "app",
      externalId: null,
      observers: chosen.map((o) => ({
        observerId: (o as Observer).id,
        observerType: (o as Observer).observerType,
        submittedAt: null,
      })),
    });
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "fidelity_observation",
      entityId: observationId,
      summary: `Scheduled a fidelity observation of a ${input.eventType.replace("_", " ")} on ${input.eventDate}`,
      after: { ...input, instrumentVersionNumber: instrument.number },
    });
    return observationId;
  });
  return present(db, actor, id);
}

function checkRatings(
  content: InstrumentContent,
  ratings: MyRatingsInput["ratings"],
  requireEvery: boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  const codes = new Map(content.measures.map((m) => [m.code.toLowerCase(), m.code]));
  const values = new Set(content.scale.map((l) => l.value));
  const seen = new Set<string>();
  ratings.forEach((r, index) => {
    const key = r.measureCode.toLowerCase();
    if (!codes.has(key))
      errors.push({ field: `ratings.${index}.measureCode`, message: "Not a measure of this instrument." });
    else if (seen.has(key))
      errors.push({ field: `ratings.${index}.measureCode`, message: "This measure is rated twice." });
    if (!values.has(r.rating)) errors.push({ field: `ratings.${index}.rating`, message: "Use a level of the scale." });
    seen.add(key);
  });
  if (requireEvery) {
    for (const [key, code] of codes) {
      if (!seen.has(key)) errors.push({ field: "ratings", message: `Rate measure ${code} before submitting.` });
    }
  }
  return errors;
}

/** An observer saves (and, with `submit`, locks) their own ratings. Nobody else can rate for them. */
export async function saveMyRatings(db: Db, actor: Actor, id: string, input: MyRatingsInput) {
  authorize(actor, "fidelity.rate", here(actor));
  if (!(await findObserverForActor(db, actor))) throw forbidden("Only observers on the roster can rate.");
  await db.transaction().execute(async (trx) => {
    const { observation, assignments, mine } = await loadObservation(trx, actor, id);
    if (!mine) throw forbidden("Only the observers assigned to this observation can rate it.");
    if (mine.submittedAt !== null) throw new AppError("CONFLICT", "You have already submitted your ratings.");
    const content = await instrumentOf(trx, actor.agencyId, observation);
    const errors = checkRatings(content, input.ratings, input.submit);
    if (errors.length > 0) throw invalid(errors);
    const canonical = new Map(content.measures.map((m) => [m.code.toLowerCase(), m.code]));
    const ratings = input.ratings.map((r) => ({
      ...r,
      measureCode: canonical.get(r.measureCode.toLowerCase()) ?? r.measureCode,
    }));
    await replaceRatingsOfObserver(trx, actor.agencyId, id, mine.observerId, ratings);
    if (input.submit) {
      if (!(await markSubmitted(trx, actor.agencyId, id, mine.observerId))) {
        throw new AppError("CONFLICT", "You have already submitted your ratings.");
      }
      const otherSubmitted = assignments.some((a) => a.observerId !== mine.observerId && a.submittedAt !== null);
      if (
        otherSubmitted &&
        !(await updateObservationState(trx, actor.agencyId, id, { status: "rated" }, observation.version))
      ) {
        throw staleVersion({ id, version: observation.version });
      }
    }
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "fidelity_observation",
      entityId: id,
      summary: input.submit ? "Submitted observer ratings" : "Saved observer ratings as a draft",
      // Which measures, not the levels: the audit trail must not become a way round blind rating.
      after: { observerId: mine.observerId, measuresRated: ratings.map((r) => r.measureCode), submitted: input.submit },
    });
  });
  return present(db, actor, id);
}

/** After both observers submitted: the consensus per measure and the strengths-first debrief. */
export async function reconcileObservation(db: Db, actor: Actor, id: string, input: ConsensusInput) {
  await db.transaction().execute(async (trx) => {
    const { observation, mine, viewer } = await loadObservation(trx, actor, id);
    if (!mine && !viewer.isFidelityTeam) throw forbidden();
    if (observation.status === "scheduled") {
      throw new AppError("CONFLICT", "Both observers must submit their ratings before reconciling.");
    }
    const content = await instrumentOf(trx, actor.agencyId, observation);
    const errors = checkRatings(content, input.ratings, true);
    if (errors.length > 0) throw invalid(errors);
    const before = await findConsensus(trx, actor.agencyId, [id]);
    const canonical = new Map(content.measures.map((m) => [m.code.toLowerCase(), m.code]));
    const ratings = input.ratings.map((r) => ({
      ...r,
      measureCode: canonical.get(r.measureCode.toLowerCase()) ?? r.measureCode,
    }));
    const changed = await updateObservationState(
      trx,
      actor.agencyId,
      id,
      {
        status: "reconciled",
        debriefStrengths: input.debriefStrengths,
        debriefNextSteps: input.debriefNextSteps,
        reconciled: true,
      },
      input.version,
    );
    if (!changed) throw staleVersion(await present(trx, actor, id));
    await replaceConsensus(trx, actor.agencyId, id, ratings);
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "fidelity_observation",
      entityId: id,
      summary: "Recorded the consensus ratings and debrief of a fidelity observation",
      before: { consensus: before, debriefStrengths: observation.debriefStrengths },
      after: { consensus: ratings, debriefStrengths: input.debriefStrengths, debriefNextSteps: input.debriefNextSteps },
    });
  });
  return present(db, actor, id);
}

/**
 * The debriefs of one staff member, for them, their supervisor line and the fidelity team:
 * consensus ratings and the strengths-first notes, never the observers' individual ratings.
 */
export async function listDebriefsOfPerson(db: Db, actor: Actor, personId: string) {
  if (!(await isPersonOfAgency(db, actor.agencyId, personId))) throw notFound("The person");
  // The grant only opens the route; who may read these debriefs is decided by the person observed.
  if (!canAct(actor, "fidelity.debriefs.read")) throw forbidden();
  const isSelf = actor.personId !== null && actor.personId === personId;
  const isSupervisorLine =
    actor.personId !== null && (await findSupervisorLineIds(db, actor.agencyId, personId)).includes(actor.personId);
  if (!isSelf && !isSupervisorLine && !canAct(actor, "fidelity.manage")) {
    throw forbidden("Debriefs are for the person observed and their supervisors.");
  }
  const observations = await findObservations(db, actor.agencyId, { staffPersonId: personId, status: "reconciled" });
  const consensus = await findConsensus(
    db,
    actor.agencyId,
    observations.map((o) => o.id),
  );
  const items = [];
  for (const observation of observations) {
    const content = await instrumentOf(db, actor.agencyId, observation);
    const own = consensus.filter((c) => c.observationId === observation.id);
    const labels = new Map(content.scale.map((l) => [l.value, l.label]));
    const byCode = new Map(own.map((c) => [c.measureCode, c]));
    items.push({
      observationId: observation.id,
      eventType: observation.eventType,
      eventDate: observation.eventDate,
      staffName: observation.staffName,
      strengths: observation.debriefStrengths,
      nextSteps: observation.debriefNextSteps,
      measures: content.measures.flatMap((m) => {
        const c = byCode.get(m.code);
        return c
          ? [{ code: m.code, name: m.name, rating: c.rating, label: labels.get(c.rating) ?? "", note: c.note }]
          : [];
      }),
      score: scoreObservation(content, own),
    });
  }
  return { items };
}
