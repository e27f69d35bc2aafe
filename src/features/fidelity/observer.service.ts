import type { Db } from "../../db/types.js";
import { fieldError, notFound, staleVersion } from "../../server/errors.js";
import { type Actor, authorize } from "../access/policy.js";
import { findPartnerPersonIdOfAccount } from "../accounts/account.service.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import { findPartnerPersonOfAgency } from "../partners/partner.service.js";
import { isPersonOfAgency } from "../people/person.service.js";
import type { Observer, ObserverInput, ObserverUpdate } from "./fidelity.schema.js";
import {
  findObserverById,
  findObserverOf,
  findObserversOfAgency,
  insertObserver,
  updateObserver,
} from "./observer.repo.js";

const here = (actor: Actor) => ({ agencyId: actor.agencyId });

/** Certified on the date: certified on or before it, and the certification not yet expired. */
export function isCertifiedOn(observer: Pick<Observer, "certifiedOn" | "certificationExpiresOn">, date: string) {
  if (!observer.certifiedOn || observer.certifiedOn > date) return false;
  return observer.certificationExpiresOn === null || observer.certificationExpiresOn >= date;
}

export async function listObservers(db: Db, actor: Actor) {
  authorize(actor, "fidelity.manage", here(actor));
  return { items: await findObserversOfAgency(db, actor.agencyId) };
}

function checkDates(input: Pick<ObserverInput, "trainedOn" | "certifiedOn" | "certificationExpiresOn">) {
  if (input.certifiedOn && input.trainedOn && input.certifiedOn < input.trainedOn) {
    throw fieldError("certifiedOn", "Certification comes after training.");
  }
  if (input.certificationExpiresOn && !input.certifiedOn) {
    throw fieldError("certifiedOn", "Enter the certification date before its expiry.");
  }
  if (input.certificationExpiresOn && input.certifiedOn && input.certificationExpiresOn < input.certifiedOn) {
    throw fieldError("certificationExpiresOn", "The certification cannot expire before it starts.");
  }
}

export async function addObserver(db: Db, actor: Actor, input: ObserverInput) {
  authorize(actor, "fidelity.manage", here(actor));
  checkDates(input);
  return db.transaction().execute(async (trx) => {
    if (input.observerType === "agency_partner") {
      if (!input.personId || !(await isPersonOfAgency(trx, actor.agencyId, input.personId))) {
        throw fieldError("personId", "Choose the staff person who observes for the agency.");
      }
    } else if (
      !input.partnerPersonId ||
      !(await findPartnerPersonOfAgency(trx, actor.agencyId, input.partnerPersonId))
    ) {
      throw fieldError("partnerPersonId", "Choose the partner person who observes for the community.");
    }
    const who =
      input.observerType === "agency_partner"
        ? { personId: input.personId, partnerPersonId: null }
        : { personId: null, partnerPersonId: input.partnerPersonId };
    if (await findObserverOf(trx, actor.agencyId, who)) {
      throw fieldError(who.personId ? "personId" : "partnerPersonId", "Already on the observer roster.");
    }
    const id = await insertObserver(trx, actor.agencyId, input);
    const after = (await findObserverById(trx, actor.agencyId, id)) as Observer;
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "fidelity_observer",
      entityId: id,
      summary: `Added ${after.name} to the fidelity observer roster`,
      after,
    });
    return after;
  });
}

export async function editObserver(db: Db, actor: Actor, id: string, input: ObserverUpdate) {
  checkDates(input);
  return db.transaction().execute(async (trx) => {
    const before = await findObserverById(trx, actor.agencyId, id);
    if (!before) throw notFound("The observer");
    authorize(actor, "fidelity.manage", here(actor), "The observer");
    if (!(await updateObserver(trx, actor.agencyId, id, input))) throw staleVersion(before);
    const after = (await findObserverById(trx, actor.agencyId, id)) as Observer;
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "fidelity_observer",
      entityId: id,
      summary: `Updated training and certification of observer ${after.name}`,
      before,
      after,
    });
    return after;
  });
}

/** The actor's own roster entry: a staff observer by their person, a partner observer by their account's partner person. */
export async function findObserverForActor(db: Db, actor: Actor): Promise<Observer | undefined> {
  const partnerPersonId = actor.personId ? null : await findPartnerPersonIdOfAccount(db, actor.agencyId, actor.userId);
  return findObserverOf(db, actor.agencyId, { personId: actor.personId, partnerPersonId });
}
