import type { Db } from "../../src/db/types.js";
import { ROLES, type Role } from "../../src/features/access/roles.js";
import { buildPerson, buildUser } from "../../src/features/demo/builders.js";
import { type Client, signIn, type TestApp } from "./test-app.js";
import { TEST_PASSWORD, type World } from "./world.js";

/** One signed-in account per role of a world, with the ids the expectations refer to. */
export interface RoleActor {
  role: Role;
  email: string;
  userId: string;
  personId: string | null;
  client: Client;
}

export async function signInEveryRole(app: TestApp, db: Db, world: World): Promise<Record<Role, RoleActor>> {
  const actors = {} as Record<Role, RoleActor>;
  for (const role of ROLES) {
    const email = world.emails[role];
    const user = await db
      .selectFrom("users")
      .select(["id", "person_id"])
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    actors[role] = { role, email, userId: user.id, personId: user.person_id, client: await signIn(app, email) };
  }
  return actors;
}

/**
 * People whose accounts nobody signs in with during a test, so deactivating them cannot end a
 * session the test still needs: a newcomer in unit N1 (inside the supervisor's and manager's
 * scope), plus accounts for N2's worker, the South manager and the South worker.
 */
export async function addSpareAccounts(db: Db, world: World) {
  const { agency, units, people } = world;
  const newcomerN1 = await buildPerson(db, agency.id, {
    givenName: "Newcomer",
    familyName: agency.slug,
    jobRole: "social_worker",
    level: "practice",
    orgUnitId: units.unitN1.id,
    supervisorId: people.supervisorN1.id,
    employeeId: "E10",
    workEmail: `newcomer@${agency.slug}.test`,
  });
  for (const person of [newcomerN1, people.workerN2, people.southManager, people.workerS1]) {
    await buildUser(db, agency.id, {
      email: `${person.givenName.toLowerCase()}.account@${agency.slug}.test`,
      displayName: `${person.givenName} ${person.familyName}`,
      personId: person.id,
      roles: ["staff"],
      password: TEST_PASSWORD,
    });
  }
  return { newcomerN1 };
}
