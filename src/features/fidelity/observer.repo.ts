import type { Db } from "../../db/types.js";
import { updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import type { Observer, ObserverInput, ObserverType, ObserverUpdate } from "./fidelity.schema.js";

/** Names come from the people and partner tables, read-only, as the teams repository does for members. */
function observersQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("fidelity_observers as o")
    .leftJoin("people as p", (j) => j.onRef("p.id", "=", "o.person_id").onRef("p.agency_id", "=", "o.agency_id"))
    .leftJoin("partner_people as pp", (j) =>
      j.onRef("pp.id", "=", "o.partner_person_id").onRef("pp.agency_id", "=", "o.agency_id"),
    )
    .select([
      "o.id",
      "o.observer_type",
      "o.person_id",
      "o.partner_person_id",
      "o.trained_on",
      "o.certified_on",
      "o.certification_expires_on",
      "o.version",
      "p.given_name",
      "p.family_name",
      "pp.full_name",
    ])
    .where("o.agency_id", "=", agencyId);
}

type ObserverSelection = Awaited<ReturnType<ReturnType<typeof observersQuery>["executeTakeFirstOrThrow"]>>;

function toObserver(r: ObserverSelection): Observer {
  return {
    id: r.id,
    observerType: r.observer_type as ObserverType,
    personId: r.person_id,
    partnerPersonId: r.partner_person_id,
    name: r.given_name !== null ? `${r.given_name} ${r.family_name ?? ""}`.trim() : (r.full_name ?? ""),
    trainedOn: r.trained_on,
    certifiedOn: r.certified_on,
    certificationExpiresOn: r.certification_expires_on,
    version: r.version,
  };
}

export async function findObserversOfAgency(db: Db, agencyId: string): Promise<Observer[]> {
  const rows = await observersQuery(db, agencyId).orderBy("o.created_at").orderBy("o.id").execute();
  return rows.map(toObserver).sort((a, b) => a.name.localeCompare(b.name));
}

export async function findObserverById(db: Db, agencyId: string, id: string): Promise<Observer | undefined> {
  const row = await observersQuery(db, agencyId).where("o.id", "=", id).executeTakeFirst();
  return row && toObserver(row);
}

/** The roster entry of a staff person or a partner person, if they are on it. */
export async function findObserverOf(
  db: Db,
  agencyId: string,
  who: { personId: string | null; partnerPersonId: string | null },
): Promise<Observer | undefined> {
  if (!who.personId && !who.partnerPersonId) return undefined;
  const query = observersQuery(db, agencyId);
  const row = await (who.personId
    ? query.where("o.person_id", "=", who.personId)
    : query.where("o.partner_person_id", "=", who.partnerPersonId)
  ).executeTakeFirst();
  return row && toObserver(row);
}

export async function insertObserver(db: Db, agencyId: string, input: ObserverInput) {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("fidelity_observers")
    .values({
      id,
      agency_id: agencyId,
      observer_type: input.observerType,
      person_id: input.observerType === "agency_partner" ? input.personId : null,
      partner_person_id: input.observerType === "community_partner" ? input.partnerPersonId : null,
      trained_on: input.trainedOn,
      certified_on: input.certifiedOn,
      certification_expires_on: input.certificationExpiresOn,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

export async function updateObserver(db: Db, agencyId: string, id: string, input: ObserverUpdate) {
  const result = await db
    .updateTable("fidelity_observers")
    .set({
      trained_on: input.trainedOn,
      certified_on: input.certifiedOn,
      certification_expires_on: input.certificationExpiresOn,
      updated_at: nowUtc(),
      version: input.version + 1,
    })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", input.version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

/** How a spreadsheet names each observer: the staff person's employee id or the partner person's email. */
export async function findObserverImportKeys(db: Db, agencyId: string) {
  const rows = await db
    .selectFrom("fidelity_observers as o")
    .leftJoin("people as p", (j) => j.onRef("p.id", "=", "o.person_id").onRef("p.agency_id", "=", "o.agency_id"))
    .leftJoin("partner_people as pp", (j) =>
      j.onRef("pp.id", "=", "o.partner_person_id").onRef("pp.agency_id", "=", "o.agency_id"),
    )
    .select(["o.id", "o.observer_type", "o.person_id", "o.partner_person_id", "p.employee_id", "pp.email"])
    .where("o.agency_id", "=", agencyId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    observerType: r.observer_type as ObserverType,
    keys: [r.person_id, r.partner_person_id, r.employee_id, r.email]
      .filter((k): k is string => k !== null && k !== "")
      .map((k) => k.toLowerCase()),
  }));
}
