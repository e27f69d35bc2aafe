import type { Db } from "../../src/db/types.js";
import { hashPassword } from "../../src/features/accounts/password-hashing.js";
import { insertUser } from "../../src/features/accounts/user.repo.js";
import {
  findVersionsOfInstruments,
  insertInstrument,
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
