import type { Db } from "../../src/db/types.js";
import {
  insertAgreement,
  insertPartnerOrganization,
  insertPartnerPerson,
} from "../../src/features/partners/partner.repo.js";
import { insertTeam, insertTeamMember } from "../../src/features/teams/team.repo.js";
import type { World } from "./world.js";

/**
 * One of each partner and team record in a world's agency, written straight through the
 * repositories (as the demo builders do), for tests that need something to point at.
 */
export async function buildPartnersAndTeams(db: Db, world: World) {
  const agencyId = world.agency.id;
  const slug = world.agency.slug;
  const partnerOrganization = await insertPartnerOrganization(db, agencyId, {
    kind: "tribe",
    name: `${slug} Tribal Nation`,
    contactName: null,
    contactEmail: null,
    contactPhone: null,
    notes: "",
  });
  const partnerPerson = await insertPartnerPerson(db, agencyId, partnerOrganization, {
    fullName: `Partner ${slug}`,
    email: `partner@${slug}.partner.test`,
    phone: null,
    languages: [],
    roles: ["co_trainer"],
  });
  const agreement = await insertAgreement(db, agencyId, partnerPerson, {
    kind: "hourly",
    rateCents: 5000,
    rateUnit: "hour",
    budgetedMinutes: 600 * 60,
    startDate: "2020-01-01",
    endDate: null,
  });
  const parentTeam = await insertTeam(db, agencyId, {
    name: `${slug} executive team`,
    kind: "executive_team",
    orgUnitId: null,
    parentTeamId: null,
  });
  const team = await insertTeam(db, agencyId, {
    name: `${slug} site team`,
    kind: "site_implementation_team",
    orgUnitId: world.units.north.id,
    parentTeamId: parentTeam,
  });
  await insertTeamMember(db, agencyId, {
    teamId: team,
    personId: world.people.northManager.id,
    partnerPersonId: null,
    role: "chair",
  });
  return { partnerOrganization, partnerPerson, agreement, team, parentTeam };
}

export type PartnersAndTeams = Awaited<ReturnType<typeof buildPartnersAndTeams>>;
