import type { Db } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import type { Role } from "../access/roles.js";
import { hashPassword } from "../accounts/password-hashing.js";
import { insertUser } from "../accounts/user.repo.js";
import { insertAgency } from "../agencies/agency.repo.js";
import { insertOrgUnit, type OrgUnitRow } from "../org/org-unit.repo.js";
import { insertPeople, type NewPerson } from "../people/person.repo.js";

/**
 * Builders that create agencies, org units, people and accounts. The demo agency and the
 * tests both use them, so test data and demo data are made the same way. Like migrations,
 * this seeding code writes through other domains' repositories directly: it creates
 * starting data, it does not act for a user, so there is no actor to authorize.
 */
export async function buildAgency(db: Db, agency: { name: string; slug: string; timeZone?: string }) {
  const id = newId();
  await insertAgency(db, {
    id,
    name: agency.name,
    slug: agency.slug,
    timeZone: agency.timeZone ?? "America/Los_Angeles",
  });
  return { id, ...agency };
}

export async function buildOrgUnit(
  db: Db,
  agencyId: string,
  parent: OrgUnitRow | null,
  unit: { name: string; kind: "agency" | "division" | "region" | "office" | "unit" },
): Promise<OrgUnitRow> {
  return insertOrgUnit(db, {
    agencyId,
    parentId: parent?.id ?? null,
    parentPath: parent?.path ?? null,
    name: unit.name,
    kind: unit.kind,
  });
}

export type PersonSeed = Omit<NewPerson, "id" | "agencyId" | "languages" | "employeeId" | "hireDate" | "workEmail"> &
  Partial<Pick<NewPerson, "languages" | "employeeId" | "hireDate" | "workEmail">>;

/** Creates people in bulk and returns them with their new ids, in the order given. */
export async function buildPeople(db: Db, agencyId: string, seeds: PersonSeed[]) {
  const people: NewPerson[] = seeds.map((s) => ({
    id: newId(),
    agencyId,
    employeeId: s.employeeId ?? null,
    workEmail: s.workEmail ?? null,
    hireDate: s.hireDate ?? null,
    languages: s.languages ?? ["English"],
    ...s,
  }));
  await insertPeople(db, people);
  return people;
}

export async function buildPerson(db: Db, agencyId: string, seed: PersonSeed) {
  const [person] = await buildPeople(db, agencyId, [seed]);
  return person as NewPerson;
}

/** An account that signs in with `password`, linked to a person when one is given. */
export async function buildUser(
  db: Db,
  agencyId: string,
  user: { email: string; displayName: string; personId: string | null; roles: Role[]; password: string },
) {
  const id = newId();
  await insertUser(db, {
    id,
    agencyId,
    personId: user.personId,
    email: user.email,
    displayName: user.displayName,
    passwordHash: await hashPassword(user.password),
    roles: user.roles,
  });
  return { id, ...user };
}
