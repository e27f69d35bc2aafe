import type { Db } from "../../src/db/types.js";
import { hashPassword } from "../../src/features/accounts/password-hashing.js";
import { insertUser } from "../../src/features/accounts/user.repo.js";
import type { InstrumentContent } from "../../src/features/fidelity/fidelity.schema.js";
import {
  findVersionsOfInstruments,
  insertInstrument,
  insertInstrumentDraft,
  publishInstrumentDraft,
} from "../../src/features/fidelity/instrument.repo.js";
import { instrumentTemplateContent } from "../../src/features/fidelity/instrument-templates.js";
import { insertObservation } from "../../src/features/fidelity/observation.repo.js";
import { insertObserver } from "../../src/features/fidelity/observer.repo.js";
import { insertSample } from "../../src/features/fidelity/sample.repo.js";
import { findModelInUse } from "../../src/features/model/model.service.js";
import { insertPartnerPerson } from "../../src/features/partners/partner.repo.js";
import { newId } from "../../src/shared/ids.js";
import { TEST_PASSWORD, type World } from "./world.js";

/** The partner person's observer account in a world: partner viewer and fidelity observer. */
export const partnerObserverEmail = (world: World) => `observer@${world.agency.slug}.partner.test`;

/**
 * Fidelity records in a world's agency, written straight through the repositories: the nine-measure
 * instrument published as version 1 (linked to the model in use, if any), two certified observers
 * (a new partner person of the organization as community partner, with an account of their own, and the world's fidelity
 * observer as agency partner) and one scheduled observation of the N1 worker.
 */
export async function buildFidelity(db: Db, world: World, partnerOrganizationId: string) {
  const agencyId = world.agency.id;
  const partnerPersonId = await insertPartnerPerson(db, agencyId, partnerOrganizationId, {
    fullName: `Observer ${world.agency.slug}`,
    email: partnerObserverEmail(world),
    phone: null,
    languages: [],
    roles: ["fidelity_observer"],
  });
  const content = instrumentTemplateContent("nine-measures", await findModelInUse(db, agencyId));
  const instrument = await insertInstrument(db, agencyId, "Family meeting fidelity", JSON.stringify(content));
  const [draft] = await findVersionsOfInstruments(db, agencyId, [instrument]);
  if (!draft) throw new Error("the instrument has no draft");
  await publishInstrumentDraft(db, agencyId, draft.id, { number: 1, version: draft.version });

  const certified = { trainedOn: "2020-01-01", certifiedOn: "2020-02-01", certificationExpiresOn: "2099-12-31" };
  const communityObserver = await insertObserver(db, agencyId, {
    observerType: "community_partner",
    personId: null,
    partnerPersonId,
    ...certified,
  });
  const observerPerson = await db
    .selectFrom("users")
    .select(["id", "person_id"])
    .where("email", "=", world.emails.fidelity_observer)
    .executeTakeFirstOrThrow();
  const agencyObserver = await insertObserver(db, agencyId, {
    observerType: "agency_partner",
    personId: observerPerson.person_id,
    partnerPersonId: null,
    ...certified,
  });
  await insertUser(db, {
    id: newId(),
    agencyId,
    personId: null,
    partnerPersonId,
    email: partnerObserverEmail(world),
    displayName: "Partner observer",
    passwordHash: await hashPassword(TEST_PASSWORD),
    roles: ["partner_viewer", "fidelity_observer"],
  });
  const observation = await insertObservation(db, agencyId, {
    instrumentId: instrument,
    instrumentVersionNumber: 1,
    eventType: "family_meeting",
    eventDate: "2026-03-02",
    staffPersonId: world.people.workerN1.id,
    orgUnitId: world.units.unitN1.id,
    consentReference: "CONSENT-1",
    status: "scheduled",
    source: "app",
    externalId: null,
    observers: [
      { observerId: communityObserver, observerType: "community_partner", submittedAt: null },
      { observerId: agencyObserver, observerType: "agency_partner", submittedAt: null },
    ],
  });
  const sample = await insertSample(
    db,
    agencyId,
    {
      orgUnitId: world.units.unitN1.id,
      periodStart: "2026-01-01",
      periodEnd: "2026-03-31",
      seed: "fixed-seed",
      size: 1,
      personIds: [world.people.workerN1.id],
    },
    observerPerson.id,
  );
  return { instrument, communityObserver, agencyObserver, observation, sample };
}

export type FidelityRecords = Awaited<ReturnType<typeof buildFidelity>>;

/** Nine ratings, one per measure of the example instrument. */
export function ratingsOfAll(values: readonly number[], note = "") {
  return values.map((rating, index) => ({ measureCode: `M${index + 1}`, rating, note }));
}

// ── For the authorization table: records by name, and putting them back between cases ──

/** The fidelity records the authorization table tries routes against. */
export async function buildFidelityRecords(db: Db, world: World, partnerOrganizationId: string) {
  const built = await buildFidelity(db, world, partnerOrganizationId);
  return {
    fidelityInstrument: built.instrument,
    fidelityObserver: built.communityObserver,
    fidelityObservation: built.observation,
    fidelitySample: built.sample,
  };
}

export async function countFidelityRows(
  db: Db,
  table: "fidelity_instruments" | "fidelity_observers" | "fidelity_samples" | "fidelity_observations",
  agencyId: string,
) {
  const rows = await db.selectFrom(table).select("id").where("agency_id", "=", agencyId).execute();
  return String(rows.length);
}

export async function instrumentState(db: Db, id: string) {
  const [instrument, versions] = await Promise.all([
    db.selectFrom("fidelity_instruments").selectAll().where("id", "=", id).executeTakeFirst(),
    db.selectFrom("fidelity_instrument_versions").selectAll().where("instrument_id", "=", id).orderBy("id").execute(),
  ]);
  return JSON.stringify({ instrument, versions });
}

/** Back to version 1 only, then a draft copied from it when `withDraft`. */
export async function resetInstrument(db: Db, id: string, withDraft: boolean) {
  await db
    .deleteFrom("fidelity_instrument_versions")
    .where("instrument_id", "=", id)
    .where((eb) => eb.or([eb("status", "=", "draft"), eb("number", ">", 1)]))
    .execute();
  const first = await db
    .selectFrom("fidelity_instrument_versions")
    .select(["agency_id", "content_json"])
    .where("instrument_id", "=", id)
    .where("number", "=", 1)
    .executeTakeFirst();
  if (!first || !withDraft) return;
  await insertInstrumentDraft(db, first.agency_id, id, first.content_json);
}

/** A valid draft edit (or one for a made-up instrument), so only authorization decides. */
export async function instrumentDraftBody(db: Db, id: string) {
  const draft = await db
    .selectFrom("fidelity_instrument_versions")
    .select(["content_json", "version"])
    .where("instrument_id", "=", id)
    .where("status", "=", "draft")
    .executeTakeFirst();
  const content = draft
    ? (JSON.parse(draft.content_json) as InstrumentContent)
    : instrumentTemplateContent("nine-measures", null);
  return { content: { ...content, scoring: { ...content.scoring, threshold: 3.25 } }, version: draft?.version ?? 1 };
}

export async function observerState(db: Db, id: string) {
  return JSON.stringify(await db.selectFrom("fidelity_observers").selectAll().where("id", "=", id).executeTakeFirst());
}

export async function observerUpdateBody(db: Db, id: string) {
  const row = await db.selectFrom("fidelity_observers").selectAll().where("id", "=", id).executeTakeFirst();
  return {
    trainedOn: row?.trained_on ?? "2020-01-01",
    certifiedOn: row?.certified_on ?? "2020-02-01",
    certificationExpiresOn: row?.certification_expires_on === "2099-12-31" ? "2099-12-30" : "2099-12-31",
    version: row?.version ?? 1,
  };
}

export async function sampleState(db: Db, id: string) {
  return JSON.stringify(await db.selectFrom("fidelity_samples").selectAll().where("id", "=", id).executeTakeFirst());
}

export async function observationState(db: Db, id: string) {
  const [observation, observers, ratings, consensus] = await Promise.all([
    db.selectFrom("fidelity_observations").selectAll().where("id", "=", id).executeTakeFirst(),
    db
      .selectFrom("fidelity_observation_observers")
      .selectAll()
      .where("observation_id", "=", id)
      .orderBy("observer_id")
      .execute(),
    db
      .selectFrom("fidelity_ratings")
      .selectAll()
      .where("observation_id", "=", id)
      .orderBy("observer_id")
      .orderBy("measure_code")
      .execute(),
    db
      .selectFrom("fidelity_consensus_ratings")
      .selectAll()
      .where("observation_id", "=", id)
      .orderBy("measure_code")
      .execute(),
  ]);
  return JSON.stringify({ observation, observers, ratings, consensus });
}

/** Back to scheduled: no ratings, nothing submitted, no consensus or debrief. */
export async function resetObservation(db: Db, id: string) {
  await db.deleteFrom("fidelity_ratings").where("observation_id", "=", id).execute();
  await db.deleteFrom("fidelity_consensus_ratings").where("observation_id", "=", id).execute();
  await db
    .updateTable("fidelity_observation_observers")
    .set({ submitted_at: null })
    .where("observation_id", "=", id)
    .execute();
  await db
    .updateTable("fidelity_observations")
    .set({ status: "scheduled", debrief_strengths: "", debrief_next_steps: "", reconciled_at: null })
    .where("id", "=", id)
    .execute();
}

/** Both observers have rated every measure and submitted, ready to reconcile. */
export async function markObservationRated(db: Db, id: string) {
  await resetObservation(db, id);
  const observers = await db
    .selectFrom("fidelity_observation_observers")
    .selectAll()
    .where("observation_id", "=", id)
    .execute();
  for (const observer of observers) {
    await db
      .insertInto("fidelity_ratings")
      .values(
        ratingsOfAll([3, 3, 3, 3, 3, 3, 3, 3, 3]).map((r) => ({
          agency_id: observer.agency_id,
          observation_id: id,
          observer_id: observer.observer_id,
          measure_code: r.measureCode,
          rating: r.rating,
          note: "",
          updated_at: "2026-03-02T12:00:00.000Z",
        })),
      )
      .execute();
  }
  await db
    .updateTable("fidelity_observation_observers")
    .set({ submitted_at: "2026-03-02T12:00:00.000Z" })
    .where("observation_id", "=", id)
    .execute();
  await db.updateTable("fidelity_observations").set({ status: "rated" }).where("id", "=", id).execute();
}

export async function consensusBody(db: Db, id: string) {
  const row = await db.selectFrom("fidelity_observations").select("version").where("id", "=", id).executeTakeFirst();
  return {
    ratings: ratingsOfAll([3, 3, 3, 3, 3, 3, 3, 3, 3]),
    debriefStrengths: "Clear, warm opening.",
    version: row?.version ?? 1,
  };
}

/** A one-row history with a fresh observation id, so every successful import really writes. */
export function historyRow(world: World) {
  return [
    "observation_id,date,unit,staff_id,observer_id,observer_type,measure_code,rating",
    `T-${newId()},2025-01-15,Unit N1,E4,${partnerObserverEmail(world)},community_partner,M1,3`,
  ].join("\n");
}

/** Reconciled with every measure agreed at 3 and a debrief, so the person observed has one to read. */
export async function markObservationReconciled(db: Db, id: string) {
  await markObservationRated(db, id);
  const observation = await db
    .selectFrom("fidelity_observations")
    .select("agency_id")
    .where("id", "=", id)
    .executeTakeFirst();
  if (!observation) return;
  await db
    .insertInto("fidelity_consensus_ratings")
    .values(
      ratingsOfAll([3, 3, 3, 3, 3, 3, 3, 3, 3]).map((r) => ({
        agency_id: observation.agency_id,
        observation_id: id,
        measure_code: r.measureCode,
        rating: r.rating,
        note: "",
      })),
    )
    .execute();
  await db
    .updateTable("fidelity_observations")
    .set({ status: "reconciled", debrief_strengths: "A warm start.", reconciled_at: "2026-03-03T12:00:00.000Z" })
    .where("id", "=", id)
    .execute();
}
