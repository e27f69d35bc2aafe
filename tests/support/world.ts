import type { Db } from "../../src/db/types.js";
import type { Role } from "../../src/features/access/roles.js";
import { buildAgency, buildOrgUnit, buildPerson, buildUser } from "../../src/features/demo/builders.js";

export const TEST_PASSWORD = "correct horse battery staple";

/**
 * A small agency with a real shape: two regions, three units, and one account per role.
 * "North" holds the manager's subtree and the supervisor's unit (N1); "South" is outside both.
 */
export async function buildWorld(db: Db, slug: string) {
  const agency = await buildAgency(db, { name: `Agency ${slug}`, slug, timeZone: "America/Chicago" });
  const a = agency.id;
  const root = await buildOrgUnit(db, a, null, { name: `${slug} root`, kind: "agency" });
  const north = await buildOrgUnit(db, a, root, { name: "North", kind: "region" });
  const northOffice = await buildOrgUnit(db, a, north, { name: "North Office", kind: "office" });
  const unitN1 = await buildOrgUnit(db, a, northOffice, { name: "Unit N1", kind: "unit" });
  const unitN2 = await buildOrgUnit(db, a, northOffice, { name: "Unit N2", kind: "unit" });
  const south = await buildOrgUnit(db, a, root, { name: "South", kind: "region" });
  const unitS1 = await buildOrgUnit(db, a, south, { name: "Unit S1", kind: "unit" });

  const person = (
    givenName: string,
    jobRole: Parameters<typeof buildPerson>[2]["jobRole"],
    level: Parameters<typeof buildPerson>[2]["level"],
    orgUnitId: string,
    supervisorId: string | null,
    employeeId: string,
  ) =>
    buildPerson(db, a, {
      givenName,
      familyName: slug,
      jobRole,
      level,
      orgUnitId,
      supervisorId,
      employeeId,
      workEmail: `${givenName.toLowerCase()}@${slug}.test`,
    });

  const director = await person("Director", "executive", "executive", root.id, null, "E1");
  const northManager = await person("Manager", "manager", "management", north.id, director.id, "E2");
  const supervisorN1 = await person("Supervisor", "supervisor", "supervisory", unitN1.id, northManager.id, "E3");
  const workerN1 = await person("Worker", "social_worker", "practice", unitN1.id, supervisorN1.id, "E4");
  const supervisorN2 = await person("SupervisorTwo", "supervisor", "supervisory", unitN2.id, northManager.id, "E5");
  const workerN2 = await person("WorkerTwo", "social_worker", "practice", unitN2.id, supervisorN2.id, "E6");
  const southManager = await person("SouthManager", "manager", "management", south.id, director.id, "E7");
  const workerS1 = await person("WorkerSouth", "social_worker", "practice", unitS1.id, southManager.id, "E8");
  const office = await person("Admin", "administrative_support", "practice", root.id, director.id, "E9");

  const roleHolders: Record<Role, string | null> = {
    admin: office.id,
    implementation_lead: null,
    training_coordinator: null,
    trainer: null,
    coaching_supervisor: null,
    coach: null,
    executive: director.id,
    manager: northManager.id,
    supervisor: supervisorN1.id,
    staff: workerN1.id,
    fidelity_observer: null,
    partner_viewer: null,
  };
  const emails = {} as Record<Role, string>;
  for (const [role, personId] of Object.entries(roleHolders) as [Role, string | null][]) {
    const email = `${role.replace(/_/g, ".")}@${slug}.test`;
    let holder = personId;
    if (!holder && role !== "partner_viewer") {
      holder = (await person(role.replace(/_/g, ""), "other", "practice", root.id, director.id, `R-${role}`)).id;
    }
    await buildUser(db, a, {
      email,
      displayName: `${role} of ${slug}`,
      personId: holder,
      roles: [role],
      password: TEST_PASSWORD,
    });
    emails[role] = email;
  }

  return {
    agency,
    units: { root, north, northOffice, unitN1, unitN2, south, unitS1 },
    people: { director, northManager, supervisorN1, workerN1, supervisorN2, workerN2, southManager, workerS1, office },
    emails,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
