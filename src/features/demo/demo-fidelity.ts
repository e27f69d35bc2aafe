import type { Db } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { hashPassword } from "../accounts/password-hashing.js";
import { insertUser } from "../accounts/user.repo.js";
import { findVersionsOfInstruments, insertInstrument, publishInstrumentDraft } from "../fidelity/instrument.repo.js";
import { instrumentTemplateContent } from "../fidelity/instrument-templates.js";
import {
  insertImportedRatings,
  insertObservation,
  replaceConsensus,
  updateObservationState,
} from "../fidelity/observation.repo.js";
import { insertObserver } from "../fidelity/observer.repo.js";
import { findModelInUse } from "../model/model.service.js";
import { insertPartnerPerson } from "../partners/partner.repo.js";
import { isTrainedOn } from "../training/trained-since.js";
import { findTrainedDates } from "../training/trained-since.service.js";
import { seedDemoCalibration } from "./demo-fidelity-calibration.js";

/** The demo's community observer signs in with this address to rate. */
export const DEMO_PARTNER_OBSERVER_EMAIL = "fidelity.partner@wexler.example";

/** Seeded, so the demo's history is the same on every machine. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const QUARTER_STARTS = [
  "2024-12-01",
  "2025-03-01",
  "2025-06-01",
  "2025-09-01",
  "2025-12-01",
  "2026-03-01",
  "2026-06-01",
  "2026-09-01",
];

/**
 * Two years of fidelity history for the demo agency: the nine-measure instrument, two observer
 * pairs (a Tribal partner with the demo fidelity observer, a community partner with a coach), and
 * reconciled observations every quarter. Staff score higher once trained (by the training
 * domain's rule, from the demo's rollout and sessions, seeded first); the second pair agrees
 * well until the last quarter, when their agreement drops (drift).
 */
export async function seedDemoFidelity(
  db: Db,
  agencyId: string,
  input: {
    password: string;
    agencyObserverPersonId: string;
    secondAgencyObserverPersonId: string;
    tribeId: string;
    communityOrganizationId: string;
  },
): Promise<void> {
  const random = seededRandom(2024);
  const content = instrumentTemplateContent("nine-measures", await findModelInUse(db, agencyId));
  const instrumentId = await insertInstrument(db, agencyId, "Family meeting fidelity", JSON.stringify(content));
  const [draft] = await findVersionsOfInstruments(db, agencyId, [instrumentId]);
  if (draft) await publishInstrumentDraft(db, agencyId, draft.id, { number: 1, version: draft.version });

  const lorraine = await insertPartnerPerson(db, agencyId, input.tribeId, {
    fullName: "Lorraine Whitefeather",
    email: DEMO_PARTNER_OBSERVER_EMAIL,
    phone: null,
    languages: ["English", "Ojibwe"],
    roles: ["fidelity_observer"],
  });
  const marcus = await insertPartnerPerson(db, agencyId, input.communityOrganizationId, {
    fullName: "Marcus Bell",
    email: "marcus.bell@eastside-frc.example",
    phone: null,
    languages: ["English"],
    roles: ["fidelity_observer"],
  });
  await insertUser(db, {
    id: newId(),
    agencyId,
    personId: null,
    partnerPersonId: lorraine,
    email: DEMO_PARTNER_OBSERVER_EMAIL,
    displayName: "Lorraine Whitefeather",
    passwordHash: await hashPassword(input.password),
    roles: ["partner_viewer", "fidelity_observer"],
  });
  const certified = { trainedOn: "2024-10-01", certifiedOn: "2024-11-01", certificationExpiresOn: "2027-10-31" };
  const observer = (
    observerType: "community_partner" | "agency_partner",
    who: { personId?: string; partnerPersonId?: string },
  ) =>
    insertObserver(db, agencyId, {
      observerType,
      personId: who.personId ?? null,
      partnerPersonId: who.partnerPersonId ?? null,
      ...certified,
    });
  const pairs = [
    {
      community: await observer("community_partner", { partnerPersonId: lorraine }),
      agency: await observer("agency_partner", { personId: input.agencyObserverPersonId }),
      agreement: () => 0.8,
    },
    {
      community: await observer("community_partner", { partnerPersonId: marcus }),
      agency: await observer("agency_partner", { personId: input.secondAgencyObserverPersonId }),
      agreement: (quarter: number) => (quarter === QUARTER_STARTS.length - 1 ? 0.35 : 0.8),
    },
  ];

  // The reference case is written by the agency's fidelity team: its first implementation lead or admin.
  const author = await db
    .selectFrom("user_roles as r")
    .innerJoin("users as u", "u.id", "r.user_id")
    .select("u.id")
    .where("u.agency_id", "=", agencyId)
    .where("r.role", "in", ["implementation_lead", "admin"])
    .orderBy("r.role", "desc")
    .orderBy("u.email")
    .executeTakeFirst();
  if (author) {
    await seedDemoCalibration(db, agencyId, {
      instrumentId,
      authorUserId: author.id,
      observerIds: [pairs[0]?.agency, pairs[1]?.community, pairs[1]?.agency].filter((id) => id !== undefined),
    });
  }

  // Demo builders read other domains' rows directly, as a migration would.
  // Region 1's first eight units (in number order): the rollout trains them in its first three
  // periods, so some are trained by the later quarters and the rest are not yet.
  const units = (
    await db
      .selectFrom("org_units")
      .select(["id", "name"])
      .where("agency_id", "=", agencyId)
      .where("kind", "=", "unit")
      .execute()
  )
    .sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }))
    .slice(0, 8);
  const staffByUnit = new Map<string, string[]>();
  for (const unit of units) {
    const people = await db
      .selectFrom("people")
      .select("id")
      .where("agency_id", "=", agencyId)
      .where("org_unit_id", "=", unit.id)
      .where("level", "=", "practice")
      .orderBy("employee_id")
      .execute();
    staffByUnit.set(
      unit.id,
      people.map((p) => p.id),
    );
  }
  // Trained or not on the event date by the training domain's own rule, so results by training
  // cohort show the difference the scores below build in.
  const trainedDates = await findTrainedDates(db, agencyId, {
    personIds: [...staffByUnit.values()].flat(),
    orgUnitIds: units.map((u) => u.id),
  });

  const levels = content.scale.map((l) => l.value);
  const lowest = levels[0] ?? 1;
  const highest = levels[levels.length - 1] ?? 4;
  const clamp = (value: number) => Math.min(highest, Math.max(lowest, value));
  const strengths = [
    "The family set the agenda and the worker followed their lead.",
    "Relatives the family invited had clear roles in the plan.",
    "Worries were named plainly and the family answered each one.",
    "The worker asked about the family's traditions and used them in the plan.",
  ];

  for (const [quarterIndex, quarterStart] of QUARTER_STARTS.entries()) {
    for (const [unitIndex, unit] of units.entries()) {
      const staff = staffByUnit.get(unit.id) ?? [];
      const staffPersonId = staff[(quarterIndex + unitIndex) % Math.max(1, staff.length)];
      if (!staffPersonId) continue;
      const pairIndex = (quarterIndex + unitIndex) % pairs.length;
      const pair = pairs[pairIndex];
      if (!pair) continue;
      const day = String(3 + Math.floor(random() * 25)).padStart(2, "0");
      const eventDate = `${quarterStart.slice(0, 8)}${day}`;
      const trained = isTrainedOn(
        trainedDates.people.get(staffPersonId) ?? trainedDates.units.get(unit.id) ?? null,
        eventDate,
      );
      const observationId = await insertObservation(db, agencyId, {
        instrumentId,
        instrumentVersionNumber: 1,
        eventType: random() < 0.5 ? "family_meeting" : "teaming_event",
        eventDate,
        staffPersonId,
        orgUnitId: unit.id,
        consentReference: `CONSENT-${quarterIndex + 1}-${unitIndex + 1}`,
        status: "rated",
        source: "app",
        externalId: null,
        observers: [
          { observerId: pair.community, observerType: "community_partner", submittedAt: `${eventDate}T20:00:00.000Z` },
          { observerId: pair.agency, observerType: "agency_partner", submittedAt: `${eventDate}T21:00:00.000Z` },
        ],
      });
      const base = trained ? 3.1 : 2.3;
      const consensus = content.measures.map((measure) => ({
        measureCode: measure.code,
        rating: clamp(Math.round(base + (random() - 0.5) * 1.6)),
        note: "",
      }));
      const rateLike = (truth: number) => {
        if (random() < pair.agreement(quarterIndex)) return truth;
        return clamp(truth + (random() < 0.5 ? -1 : 1));
      };
      await insertImportedRatings(
        db,
        agencyId,
        consensus.flatMap((c) => [
          {
            observationId,
            observerId: pair.community,
            measureCode: c.measureCode,
            rating: rateLike(c.rating),
            note: "",
          },
          { observationId, observerId: pair.agency, measureCode: c.measureCode, rating: rateLike(c.rating), note: "" },
        ]),
      );
      await replaceConsensus(db, agencyId, observationId, consensus);
      await updateObservationState(
        db,
        agencyId,
        observationId,
        {
          status: "reconciled",
          debriefStrengths: strengths[(quarterIndex + unitIndex) % strengths.length] ?? "",
          debriefNextSteps: "Keep asking the family who else should be at the table.",
          reconciled: true,
        },
        1,
      );
    }
  }
}

/** The demo agency's hook: its observer and coach observe for the agency, its two partners for the community. */
export async function seedDemoFidelityFor(
  db: Db,
  agencyId: string,
  staff: { observer: { id: string }; coach: { id: string }; password: string },
): Promise<void> {
  const partners = await db
    .selectFrom("partner_organizations")
    .select(["id", "name"])
    .where("agency_id", "=", agencyId)
    .execute();
  const tribeId = partners.find((p) => p.name === "Three Rivers Band of Ojibwe")?.id;
  const communityOrganizationId = partners.find((p) => p.name === "Eastside Family Resource Center")?.id;
  if (!tribeId || !communityOrganizationId) return;
  await seedDemoFidelity(db, agencyId, {
    password: staff.password,
    agencyObserverPersonId: staff.observer.id,
    secondAgencyObserverPersonId: staff.coach.id,
    tribeId,
    communityOrganizationId,
  });
}
