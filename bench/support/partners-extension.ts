import { insertUser } from "../../src/features/accounts/user.repo.js";
import {
  insertAgreement,
  insertHoursEntry,
  insertPartnerOrganization,
  insertPartnerPerson,
} from "../../src/features/partners/partner.repo.js";
import {
  type AgreementKind,
  HOUR_ACTIVITIES,
  PARTNER_ROLES,
  type PartnerRole,
  type RateUnit,
} from "../../src/features/partners/partner.schema.js";
import { newId } from "../../src/shared/ids.js";
import { accountEmail } from "./accounts.js";
import type { StatewideExtension } from "./extensions.js";
import { addDays, type Random } from "./random.js";
import { FAMILY_NAMES, GIVEN_NAMES, SECOND_LANGUAGES } from "./statewide-names.js";

const COMMUNITY_ORGANIZATIONS = [
  "Family Resource Center",
  "Parent Partners Network",
  "Kinship Caregivers Alliance",
  "Youth Advocacy Collective",
  "Community Health Workers Association",
  "Foster Family Support League",
  "Recovery Coaches Cooperative",
  "Immigrant Family Services",
] as const;

/** Invented Tribal names in the common forms; the place words are generic landscape names. */
const TRIBAL_NAMES: readonly ((place: string) => string)[] = [
  (place) => `Confederated Tribes of the ${place} Valley`,
  (place) => `${place} Valley Band`,
  (place) => `${place} Tribal Nation`,
  (place) => `${place} Pueblo`,
  (place) => `${place} Rancheria`,
];
const TRIBAL_PLACES = [
  "Cedar River",
  "Red Mesa",
  "Lake Winona",
  "Sweetgrass",
  "Two Rivers",
  "Eagle Butte",
  "Clear Springs",
];

const AGREEMENT_SHAPES: readonly { kind: AgreementKind; rateUnit: RateUnit; rateCents: [number, number] }[] = [
  { kind: "hourly", rateUnit: "hour", rateCents: [3_500, 9_000] },
  { kind: "stipend", rateUnit: "session", rateCents: [15_000, 60_000] },
  { kind: "contract", rateUnit: "lump_sum", rateCents: [500_000, 4_000_000] },
];

function rolesFor(random: Random): PartnerRole[] {
  const first = random.pick(PARTNER_ROLES);
  const second = random.pick(PARTNER_ROLES);
  return random.chance(0.35) && second !== first ? [first, second] : [first];
}

/**
 * Community organizations and Tribes for each agency — more for larger agencies — with two to
 * five partner people each, one compensation agreement per person, hours logged against most
 * agreements (a few close to their budget, so budget warnings have something to show), and the
 * agency's partner-viewer account, which belongs to the first partner person.
 */
export const partnersExtension: StatewideExtension = {
  name: "partners",
  async extendAgency(db, agency, random) {
    const organizations = Math.min(12, 2 + Math.floor(agency.people.length / 600));
    let partnerPeople = 0;
    let agreements = 0;
    let hourEntries = 0;
    let firstPartnerPerson: { id: string; fullName: string } | null = null;
    const place = agency.kind === "county" ? (agency.name.split(" County")[0] ?? agency.name) : "Regional";
    const usedNames = new Set<string>();
    for (let o = 0; o < organizations; o++) {
      const tribe = o % 3 === 1;
      const nameOf = () =>
        tribe
          ? random.pick(TRIBAL_NAMES)(random.pick(TRIBAL_PLACES))
          : `${place} ${COMMUNITY_ORGANIZATIONS[o % COMMUNITY_ORGANIZATIONS.length]}`;
      let name = nameOf();
      for (let attempt = 0; usedNames.has(name) && attempt < 10; attempt++) name = nameOf();
      if (usedNames.has(name)) name = `${name} (${o + 1})`;
      usedNames.add(name);
      const contact = `${random.pick(GIVEN_NAMES)} ${random.pick(FAMILY_NAMES)}`;
      const organizationId = await insertPartnerOrganization(db, agency.id, {
        kind: tribe ? "tribe" : "community_organization",
        name,
        contactName: contact,
        contactEmail: `partners${o + 1}@${agency.slug}.partner.example`,
        contactPhone: `555-01${String(random.integer(0, 99)).padStart(2, "0")}`,
        notes: "",
      });
      const size = random.integer(2, 5);
      for (let p = 0; p < size; p++) {
        const fullName = `${random.pick(GIVEN_NAMES)} ${random.pick(FAMILY_NAMES)}`;
        const languages = random.chance(tribe ? 0.5 : 0.3) ? ["English", random.pick(SECOND_LANGUAGES)] : ["English"];
        const personId = await insertPartnerPerson(db, agency.id, organizationId, {
          fullName,
          email: `partner.${o + 1}.${p + 1}@${agency.slug}.partner.example`,
          phone: null,
          languages,
          roles: rolesFor(random),
        });
        partnerPeople++;
        firstPartnerPerson ??= { id: personId, fullName };

        const shape = random.pick(AGREEMENT_SHAPES);
        const startDate = addDays(agency.asOf, -random.integer(30, 540));
        const budgetedMinutes = random.integer(20, 300) * 60;
        const agreementId = await insertAgreement(db, agency.id, personId, {
          kind: shape.kind,
          rateCents: random.integer(shape.rateCents[0] / 100, shape.rateCents[1] / 100) * 100,
          rateUnit: shape.rateUnit,
          budgetedMinutes,
          startDate,
          endDate: random.chance(0.6) ? addDays(startDate, 365) : null,
        });
        agreements++;

        // Most agreements have some hours; about one in eight is nearly spent.
        const target = budgetedMinutes * (random.chance(0.125) ? 0.85 + random.next() * 0.15 : random.next() * 0.6);
        const days = Math.max(1, Math.round((Date.parse(agency.asOf) - Date.parse(startDate)) / 86_400_000));
        let logged = 0;
        while (logged < target) {
          const minutes = Math.min(random.integer(2, 16) * 30, budgetedMinutes - logged);
          if (minutes <= 0) break;
          await insertHoursEntry(db, agency.id, {
            agreementId,
            activity: random.pick(HOUR_ACTIVITIES),
            workDate: addDays(startDate, random.integer(0, days - 1)),
            minutes,
            note: "",
            sourceType: "manual",
            sourceId: null,
            loggedByUserId: agency.accounts.get("training_coordinator")?.userId ?? null,
          });
          logged += minutes;
          hourEntries++;
        }
      }
    }

    if (firstPartnerPerson) {
      const account = { userId: newId(), email: accountEmail(agency.slug, "partner_viewer") };
      await insertUser(db, {
        id: account.userId,
        agencyId: agency.id,
        personId: null,
        partnerPersonId: firstPartnerPerson.id,
        email: account.email,
        displayName: firstPartnerPerson.fullName,
        passwordHash: agency.passwordHash,
        roles: ["partner_viewer"],
      });
      agency.accounts.set("partner_viewer", account);
    }
    return {
      "partner organizations": organizations,
      "partner people": partnerPeople,
      agreements,
      "hours entries": hourEntries,
    };
  },
};
