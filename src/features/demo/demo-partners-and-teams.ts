import type { Db } from "../../db/types.js";
import { findUserByEmail } from "../accounts/user.repo.js";
import {
  insertAgreement,
  insertHoursEntry,
  insertPartnerOrganization,
  insertPartnerPerson,
} from "../partners/partner.repo.js";
import type { HourActivity, PartnerPersonInput } from "../partners/partner.schema.js";
import { insertTeam, insertTeamMember } from "../teams/team.repo.js";
import type { TeamMemberRole } from "../teams/team.schema.js";

interface Seat {
  id: string;
}

/** The staff the demo's partners and teams are built around (all from the demo agency). */
export interface DemoStaff {
  rootUnitId: string;
  developmentUnitId: string;
  regionUnitId: string;
  firstUnitId: string;
  director: Seat;
  implementationLead: Seat;
  trainingCoordinator: Seat;
  coachingSupervisor: Seat;
  coach: Seat;
  regionalManager: Seat;
  supervisor: Seat;
  /** The first unit's workers; the first is the demo's staff login. */
  workers: Seat[];
  /** Whose name the demo's hours are logged under. */
  hoursLoggedByEmail: string;
}

const hours = (h: number) => Math.round(h * 60);

/**
 * Two partners (a Tribe and a community organization) with people, agreements and hours, one
 * agreement past 80% of its budget so the warning shows; and a teaming structure where a unit
 * team escalates to its region's site implementation team and on to the executive team.
 */
export async function seedDemoPartnersAndTeams(db: Db, agencyId: string, staff: DemoStaff) {
  const loggedBy = (await findUserByEmail(db, staff.hoursLoggedByEmail))?.id ?? null;

  const tribe = await insertPartnerOrganization(db, agencyId, {
    kind: "tribe",
    name: "Three Rivers Band of Ojibwe",
    contactName: "Family Services Office",
    contactEmail: "family.services@threerivers.example",
    contactPhone: "555-0142",
    notes: "ICWA partner. Co-delivers the practice model's cultural humility module and observes fidelity.",
  });
  const community = await insertPartnerOrganization(db, agencyId, {
    kind: "community_organization",
    name: "Eastside Family Resource Center",
    contactName: "Program Director",
    contactEmail: "programs@eastside-frc.example",
    contactPhone: "555-0188",
    notes: "Parent partner program; helps write and co-train the family engagement curriculum.",
  });
  await insertPartnerOrganization(db, agencyId, {
    kind: "community_organization",
    name: "Wexler Parent Advocates",
    contactName: null,
    contactEmail: null,
    contactPhone: null,
    notes: "New partner; no agreements yet.",
  });

  const person = (organizationId: string, input: Omit<PartnerPersonInput, "phone">) =>
    insertPartnerPerson(db, agencyId, organizationId, { ...input, phone: null });
  const winona = await person(tribe, {
    fullName: "Winona Bearheart",
    email: "winona.bearheart@threerivers.example",
    languages: ["English", "Ojibwe"],
    roles: ["co_trainer", "cultural_broker"],
  });
  const joseph = await person(tribe, {
    fullName: "Joseph Littlewolf",
    email: "joseph.littlewolf@threerivers.example",
    languages: ["English"],
    roles: ["fidelity_observer", "coach"],
  });
  const rosa = await person(community, {
    fullName: "Rosa Delgado",
    email: "rosa.delgado@eastside-frc.example",
    languages: ["English", "Spanish"],
    roles: ["curriculum_developer", "co_trainer"],
  });
  const kevin = await person(community, {
    fullName: "Kevin Tran",
    email: "kevin.tran@eastside-frc.example",
    languages: ["English", "Vietnamese"],
    roles: ["coach"],
  });

  const agreement = async (
    partnerPersonId: string,
    terms: {
      kind: "stipend" | "contract" | "hourly";
      rateCents: number;
      rateUnit: "hour" | "session" | "month" | "lump_sum";
      budgetedHours: number;
    },
    log: [string, HourActivity, number, string][],
  ) => {
    const id = await insertAgreement(db, agencyId, partnerPersonId, {
      kind: terms.kind,
      rateCents: terms.rateCents,
      rateUnit: terms.rateUnit,
      budgetedMinutes: hours(terms.budgetedHours),
      startDate: "2026-07-01",
      endDate: "2027-06-30",
    });
    for (const [workDate, activity, worked, note] of log) {
      await insertHoursEntry(db, agencyId, {
        agreementId: id,
        activity,
        workDate,
        minutes: hours(worked),
        note,
        sourceType: "manual",
        sourceId: null,
        loggedByUserId: loggedBy,
      });
    }
    return id;
  };
  // 34.5 of 40 hours: past the 80% warning, with 5.5 hours left.
  await agreement(winona, { kind: "hourly", rateCents: 5500, rateUnit: "hour", budgetedHours: 40 }, [
    ["2026-07-14", "curriculum_development", 6, "Reviewed the cultural humility module"],
    ["2026-08-05", "training", 7.5, "Co-trained cohort 1, day 1"],
    ["2026-08-06", "training", 7.5, "Co-trained cohort 1, day 2"],
    ["2026-09-16", "meeting", 2, "Site implementation team"],
    ["2026-10-07", "training", 7.5, "Co-trained cohort 2"],
    ["2026-11-04", "coaching", 4, "Coached Region 1 supervisors on family meetings"],
  ]);
  await agreement(joseph, { kind: "stipend", rateCents: 60000, rateUnit: "month", budgetedHours: 60 }, [
    ["2026-09-10", "fidelity_observation", 3, "Observed two family meetings"],
    ["2026-10-15", "fidelity_observation", 4.5, "Observed three home visits"],
    ["2026-11-12", "coaching", 2, "Coaching collaborative"],
  ]);
  const rosaAgreement = await agreement(
    rosa,
    { kind: "contract", rateCents: 480000, rateUnit: "lump_sum", budgetedHours: 80 },
    [
      ["2026-07-21", "curriculum_development", 8, "Family engagement module outline"],
      ["2026-08-18", "curriculum_development", 10, "Drafted participant guide"],
      ["2026-09-22", "meeting", 1.5, "Curriculum review with the training coordinator"],
      ["2026-10-08", "training", 3, "Piloted the module"],
    ],
  );
  await agreement(kevin, { kind: "hourly", rateCents: 4000, rateUnit: "hour", budgetedHours: 30 }, [
    ["2026-10-20", "coaching", 2.5, "Unit 1 coaching circle"],
    ["2026-11-17", "coaching", 3.5, "Unit 1 coaching circle"],
  ]);

  const team = (name: string, kind: string, orgUnitId: string, parentTeamId: string | null) =>
    insertTeam(db, agencyId, { name, kind: kind as "other", orgUnitId, parentTeamId });
  const seat = (teamId: string, role: TeamMemberRole, who: { personId?: string; partnerPersonId?: string }) =>
    insertTeamMember(db, agencyId, {
      teamId,
      personId: who.personId ?? null,
      partnerPersonId: who.partnerPersonId ?? null,
      role,
    });

  const executive = await team("Executive Leadership Team", "executive_team", staff.rootUnitId, null);
  await seat(executive, "chair", { personId: staff.director.id });
  await seat(executive, "coordinator", { personId: staff.implementationLead.id });
  await seat(executive, "advisor", { partnerPersonId: winona });

  const site = await team(
    "Region 1 Site Implementation Team",
    "site_implementation_team",
    staff.regionUnitId,
    executive,
  );
  await seat(site, "chair", { personId: staff.regionalManager.id });
  await seat(site, "coordinator", { personId: staff.trainingCoordinator.id });
  await seat(site, "member", { partnerPersonId: rosa });
  await seat(site, "member", { partnerPersonId: winona });

  const unit = await team("Region 1 Unit 1 Team", "unit_team", staff.firstUnitId, site);
  await seat(unit, "chair", { personId: staff.supervisor.id });
  for (const worker of staff.workers.slice(0, 3)) await seat(unit, "member", { personId: worker.id });
  await seat(unit, "member", { partnerPersonId: kevin });

  const collaborative = await team(
    "Coaching Collaborative",
    "coaching_collaborative",
    staff.developmentUnitId,
    executive,
  );
  await seat(collaborative, "chair", { personId: staff.coachingSupervisor.id });
  await seat(collaborative, "member", { personId: staff.coach.id });
  await seat(collaborative, "member", { partnerPersonId: joseph });
  await seat(collaborative, "member", { partnerPersonId: kevin });
  // Rosa co-trains a delivered session; the training demo logs those hours against this agreement.
  return { partnerCoTrainer: { partnerPersonId: rosa, agreementId: rosaAgreement, loggedByUserId: loggedBy } };
}
