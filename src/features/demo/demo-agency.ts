import type { Db } from "../../db/types.js";
import type { Role } from "../access/roles.js";
import { findAgencyBySlug } from "../agencies/agency.repo.js";
import type { OrgUnitRow } from "../org/org-unit.repo.js";
import type { JobRole, Level } from "../people/person.schema.js";
import { buildAgency, buildOrgUnit, buildPeople, buildPerson, buildUser, type PersonSeed } from "./builders.js";
import { seedDemoCoachDevelopment } from "./demo-coach-development.js";
import { seedDemoCoaching } from "./demo-coaching.js";
import { seedDemoFidelityFor } from "./demo-fidelity.js";
import { seedDemoModelFocus } from "./demo-model-focus.js";
import { type DemoStaff, seedDemoPartnersAndTeams } from "./demo-partners-and-teams.js";
import { seedDemoPracticeModel } from "./demo-practice-model.js";
import { seedDemoTraining, seedDemoTrainingDelivery } from "./demo-training.js";

export const DEMO_AGENCY_SLUG = "wexler";
export const DEMO_PASSWORD = "practice-model-demo";
const DOMAIN = "wexler.example";

/** One demo account per permission role; the README's table lists the same. */
const ROLE_LOGINS: { role: Role; email: string }[] = [
  { role: "admin", email: `admin@${DOMAIN}` },
  { role: "implementation_lead", email: `implementation.lead@${DOMAIN}` },
  { role: "training_coordinator", email: `training.coordinator@${DOMAIN}` },
  { role: "trainer", email: `trainer@${DOMAIN}` },
  { role: "coaching_supervisor", email: `coaching.supervisor@${DOMAIN}` },
  { role: "coach", email: `coach@${DOMAIN}` },
  { role: "executive", email: `director@${DOMAIN}` },
  { role: "manager", email: `manager@${DOMAIN}` },
  { role: "supervisor", email: `supervisor@${DOMAIN}` },
  { role: "staff", email: `social.worker@${DOMAIN}` },
  { role: "fidelity_observer", email: `fidelity.observer@${DOMAIN}` },
  { role: "partner_viewer", email: `partner@${DOMAIN}` },
];

/**
 * A second staff account: a social worker in the supervisor's unit who is neither trained nor
 * scheduled and has never been nudged, so a supervisor's nudge can be seen from both sides.
 */
export const DEMO_UNTRAINED_STAFF_LOGIN: { role: Role; email: string } = {
  role: "staff",
  email: `untrained.worker@${DOMAIN}`,
};

export const DEMO_LOGINS: { role: Role; email: string }[] = [...ROLE_LOGINS, DEMO_UNTRAINED_STAFF_LOGIN];

export interface DemoAgencyInfo {
  agencyName: string;
  password: string;
  logins: typeof DEMO_LOGINS;
}

/** Seeded, so the demo agency is the same on every machine. */
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

/** Also the start of the statewide benchmark generator's name lists (bench/support/statewide-names.ts). */
export const GIVEN_NAMES = [
  "Maria",
  "James",
  "Aisha",
  "Daniel",
  "Mei",
  "Carlos",
  "Grace",
  "Tomás",
  "Fatima",
  "Ethan",
  "Leilani",
  "Noah",
  "Sofía",
  "Marcus",
  "Priya",
  "Samuel",
  "Nguyen",
  "Olivia",
  "Diego",
  "Hannah",
  "Kateri",
  "Jamal",
  "Elena",
  "Wyatt",
  "Amara",
  "Lucas",
  "Ximena",
  "Isaac",
  "Naomi",
  "Mateo",
  "Zoe",
  "Andre",
  "Yesenia",
  "Caleb",
  "Imani",
  "Raúl",
  "Ruth",
  "Kenji",
  "Dakota",
  "Lupe",
  "Brianna",
  "Tariq",
  "Chloe",
  "Miguel",
  "Esther",
  "Joaquín",
  "Ayana",
  "Owen",
];
export const FAMILY_NAMES = [
  "Garcia",
  "Johnson",
  "Nguyen",
  "Martinez",
  "Williams",
  "Brown",
  "Lopez",
  "Kim",
  "Okafor",
  "Hernandez",
  "Begay",
  "Smith",
  "Chen",
  "Rodriguez",
  "Patel",
  "Jackson",
  "Yazzie",
  "Davis",
  "Ramírez",
  "Thompson",
  "Tsosie",
  "Wilson",
  "Moore",
  "Sánchez",
  "Lee",
  "Harris",
  "Clark",
  "Flores",
  "Lewis",
  "Walker",
  "Torres",
  "Nakamura",
  "Allen",
  "Young",
  "Rivera",
  "King",
  "Wright",
  "Scott",
  "Green",
  "Baker",
  "Adams",
  "Nelson",
  "Hill",
  "Campbell",
  "Mitchell",
  "Roberts",
];
const SECOND_LANGUAGES = ["Spanish", "Vietnamese", "Navajo", "Tagalog", "Cantonese", "Arabic", "Korean"];

/** Regions and unit counts follow the seeds' sample rollout: 16 + 24 + 30 = 70 units. */
const REGIONS = [
  { name: "Region 1", offices: [8, 8] },
  { name: "Region 2", offices: [8, 8, 8] },
  { name: "Region 3", offices: [10, 10, 10] },
];
const OFFICE_NAMES = ["North Office", "Central Office", "South Office"];

/**
 * Creates the demo agency on first start (an existing one is left as it is) and returns
 * its logins so the console can print them. Set CASCADE_DEMO=false to start without it.
 */
export async function ensureDemoAgency(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<DemoAgencyInfo | null> {
  if (env.CASCADE_DEMO === "false") return null;
  const existing = await findAgencyBySlug(db, DEMO_AGENCY_SLUG);
  if (existing) return { agencyName: existing.name, password: DEMO_PASSWORD, logins: DEMO_LOGINS };
  const agencyName = await db.transaction().execute((trx) => createDemoAgency(trx));
  return { agencyName, password: DEMO_PASSWORD, logins: DEMO_LOGINS };
}

async function createDemoAgency(db: Db): Promise<string> {
  const random = seededRandom(2012);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  let employeeNumber = 1000;
  const usedEmails = new Set<string>();

  const agency = await buildAgency(db, {
    name: "Wexler County Children and Family Services",
    slug: DEMO_AGENCY_SLUG,
    timeZone: "America/Los_Angeles",
  });
  const seed = (jobRole: JobRole, level: Level, orgUnit: OrgUnitRow, supervisorId: string | null): PersonSeed => {
    const givenName = pick(GIVEN_NAMES);
    const familyName = pick(FAMILY_NAMES);
    const base = `${givenName}.${familyName}`
      .normalize("NFD")
      .replace(/[^A-Za-z.]/g, "")
      .toLowerCase();
    let email = `${base}@${DOMAIN}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${base}${n}@${DOMAIN}`;
    usedEmails.add(email);
    const yearsAgo = Math.floor(random() * 15);
    const hired = new Date(Date.UTC(2025 - yearsAgo, Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
    return {
      employeeId: String(++employeeNumber).padStart(6, "0"),
      givenName,
      familyName,
      workEmail: email,
      jobRole,
      level,
      orgUnitId: orgUnit.id,
      supervisorId,
      hireDate: hired.toISOString().slice(0, 10),
      languages: random() < 0.3 ? ["English", pick(SECOND_LANGUAGES)] : ["English"],
    };
  };
  const accounts = new Map<Role, { personId: string | null; name: string }>();
  const account = (role: Role, person: { id: string; givenName: string; familyName: string }) =>
    accounts.set(role, { personId: person.id, name: `${person.givenName} ${person.familyName}` });

  const root = await buildOrgUnit(db, agency.id, null, { name: "Wexler County CFS", kind: "agency" });
  const director = await buildPerson(db, agency.id, seed("executive", "executive", root, null));
  account("executive", director);
  const deputies = await buildPeople(db, agency.id, [
    seed("executive", "executive", root, director.id),
    seed("executive", "executive", root, director.id),
  ]);

  const development = await buildOrgUnit(db, agency.id, root, {
    name: "Practice and Workforce Development",
    kind: "division",
  });
  const [devManager] = await buildPeople(db, agency.id, [
    seed("manager", "management", development, deputies[0]?.id ?? null),
  ]);
  const devStaff = await buildPeople(db, agency.id, [
    seed("administrative_support", "practice", development, devManager?.id ?? null),
    seed("trainer", "practice", development, devManager?.id ?? null),
    seed("trainer", "practice", development, devManager?.id ?? null),
    seed("coach", "supervisory", development, devManager?.id ?? null),
    seed("coach", "practice", development, devManager?.id ?? null),
    seed("coach", "practice", development, devManager?.id ?? null),
    seed("other", "practice", development, devManager?.id ?? null),
    seed("other", "practice", development, devManager?.id ?? null),
  ]);
  const [admin, trainer, , coachingSupervisor, coach, , implementationLead, observer] = devStaff;
  if (devManager) account("training_coordinator", devManager);
  for (const [role, person] of [
    ["admin", admin],
    ["trainer", trainer],
    ["coaching_supervisor", coachingSupervisor],
    ["coach", coach],
    ["implementation_lead", implementationLead],
    ["fidelity_observer", observer],
  ] as const) {
    if (person) account(role, person);
  }

  /** Region 1's first unit and its leaders, where the demo's teaming structure starts. */
  let firstUnit: Pick<DemoStaff, "regionUnitId" | "firstUnitId" | "regionalManager" | "supervisor" | "workers"> | null =
    null;
  let thirdUnitStaffIds: string[] = [];
  let unitNumber = 0;
  for (const [regionIndex, region] of REGIONS.entries()) {
    const regionUnit = await buildOrgUnit(db, agency.id, root, { name: region.name, kind: "region" });
    const deputy = deputies[regionIndex % deputies.length];
    const regionalManager = await buildPerson(
      db,
      agency.id,
      seed("manager", "management", regionUnit, deputy?.id ?? null),
    );
    if (regionIndex === 0) account("manager", regionalManager);
    unitNumber = 0;
    for (const [officeIndex, unitCount] of region.offices.entries()) {
      const office = await buildOrgUnit(db, agency.id, regionUnit, {
        name: `${region.name} ${OFFICE_NAMES[officeIndex]}`,
        kind: "office",
      });
      const officeManager = await buildPerson(db, agency.id, seed("manager", "management", office, regionalManager.id));
      for (let u = 0; u < unitCount; u++) {
        unitNumber++;
        const unit = await buildOrgUnit(db, agency.id, office, {
          name: `${region.name} Unit ${unitNumber}`,
          kind: "unit",
        });
        const supervisor = await buildPerson(db, agency.id, seed("supervisor", "supervisory", unit, officeManager.id));
        const size = 6 + Math.floor(random() * 4);
        const members = await buildPeople(
          db,
          agency.id,
          Array.from({ length: size }, (_, i) =>
            seed(i === size - 1 && random() < 0.6 ? "case_aide" : "social_worker", "practice", unit, supervisor.id),
          ),
        );
        if (regionIndex === 0 && unitNumber === 3) thirdUnitStaffIds = members.map((m) => m.id);
        if (regionIndex === 0 && unitNumber === 1) {
          account("supervisor", supervisor);
          if (members[0]) account("staff", members[0]);
          firstUnit = {
            regionUnitId: regionUnit.id,
            firstUnitId: unit.id,
            regionalManager,
            supervisor,
            workers: members,
          };
        }
      }
    }
  }

  const userIds = new Map<Role, string>();
  for (const login of ROLE_LOGINS) {
    const owner = accounts.get(login.role);
    const user = await buildUser(db, agency.id, {
      email: login.email,
      displayName: owner?.name ?? "Community partner (demo)",
      personId: owner?.personId ?? null,
      roles:
        login.role === "supervisor" || login.role === "manager" || login.role === "executive"
          ? [login.role, "staff"]
          : [login.role],
      password: DEMO_PASSWORD,
    });
    userIds.set(login.role, user.id);
  }
  const modelPublisher = userIds.get("implementation_lead");
  if (modelPublisher) await seedDemoPracticeModel(db, agency.id, modelPublisher);
  const focusSetter = userIds.get("manager");
  if (firstUnit && focusSetter) {
    await seedDemoModelFocus(db, agency.id, {
      regionUnitId: firstUnit.regionUnitId,
      setByUserId: focusSetter,
    });
  }
  await seedDemoTraining(
    db,
    agency.id,
    trainer && firstUnit
      ? {
          trainerId: trainer.id,
          coTrainerId: devStaff[2]?.id ?? null,
          firstUnitStaffIds: firstUnit.workers.map((w) => w.id),
          upcomingStaffIds: thirdUnitStaffIds,
        }
      : null,
  );

  if (firstUnit && devManager && implementationLead && coachingSupervisor && coach) {
    const demoStaff: DemoStaff = {
      ...firstUnit,
      rootUnitId: root.id,
      developmentUnitId: development.id,
      director,
      implementationLead,
      trainingCoordinator: devManager,
      coachingSupervisor,
      coach,
      hoursLoggedByEmail: `training.coordinator@${DOMAIN}`,
    };
    const { partnerCoTrainer } = await seedDemoPartnersAndTeams(db, agency.id, demoStaff);
    const missingWorker = firstUnit.workers[1];
    if (trainer && observer && missingWorker) {
      await seedDemoTrainingDelivery(db, agency.id, {
        trainerId: trainer.id,
        coordinatorId: devManager.id,
        observerId: observer.id,
        supervisorId: firstUnit.supervisor.id,
        missingWorkerId: missingWorker.id,
        partnerCoTrainer,
      });
    }
    const coachingSupervisorUser = userIds.get("coaching_supervisor");
    if (coachingSupervisorUser) await seedDemoCoaching(db, agency.id, demoStaff, coachingSupervisorUser);
    const [coachUser, supervisorUser] = [userIds.get("coach"), userIds.get("supervisor")];
    if (coachingSupervisorUser && coachUser && supervisorUser) {
      await seedDemoCoachDevelopment(db, agency.id, demoStaff, {
        coachingSupervisorUserId: coachingSupervisorUser,
        coachUserId: coachUser,
        supervisorUserId: supervisorUser,
      });
    }
  }
  if (observer && coach) await seedDemoFidelityFor(db, agency.id, { observer, coach, password: DEMO_PASSWORD });
  // Last, so none of the demo's sessions, teams or caseloads above take this person in.
  if (firstUnit) {
    await seedUntrainedWorker(db, agency.id, {
      orgUnitId: firstUnit.firstUnitId,
      supervisorId: firstUnit.supervisor.id,
      employeeId: String(++employeeNumber).padStart(6, "0"),
    });
  }
  return agency.name;
}

/**
 * A social worker who came back from leave after their unit's January session: in the
 * supervisor's line, not trained, not scheduled, and hired long enough ago that the onboarding
 * track for new hires leaves them out. A fixed name, so the demo login is easy to recognise.
 */
async function seedUntrainedWorker(
  db: Db,
  agencyId: string,
  place: { orgUnitId: string; supervisorId: string; employeeId: string },
) {
  const person = await buildPerson(db, agencyId, {
    employeeId: place.employeeId,
    givenName: "Rowan",
    familyName: "Ellery",
    workEmail: `rowan.ellery@${DOMAIN}`,
    jobRole: "social_worker",
    level: "practice",
    orgUnitId: place.orgUnitId,
    supervisorId: place.supervisorId,
    hireDate: "2021-04-12",
    languages: ["English"],
  });
  await buildUser(db, agencyId, {
    email: DEMO_UNTRAINED_STAFF_LOGIN.email,
    displayName: `${person.givenName} ${person.familyName}`,
    personId: person.id,
    roles: [DEMO_UNTRAINED_STAFF_LOGIN.role],
    password: DEMO_PASSWORD,
  });
}
