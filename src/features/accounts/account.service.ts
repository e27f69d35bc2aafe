import type { Db } from "../../db/types.js";
import { fieldError } from "../../server/errors.js";
import { newId } from "../../shared/ids.js";
import type { Role } from "../access/roles.js";
import { hashPassword } from "./password-hashing.js";
import { problemWithNewPassword } from "./password-policy.js";
import { endSessionsOfUser, findUserByEmail, findUserById, insertUser, setUserActive } from "./user.repo.js";

/**
 * What other domains may ask of accounts. (Sign-in and sessions are in auth.service.ts.)
 * Deactivating ends every session of the account in the same transaction.
 */
export async function setAccountActiveForPerson(db: Db, agencyId: string, personId: string, active: boolean) {
  const userId = await setUserActive(db, agencyId, personId, active);
  if (!active && userId) await endSessionsOfUser(db, userId);
  return userId;
}

export async function findAccountDisplayName(db: Db, agencyId: string, userId: string): Promise<string | null> {
  return (await findUserById(db, agencyId, userId))?.display_name ?? null;
}

/**
 * Opens a new account with an initial password, for another domain's service (which has already
 * authorized the actor and runs this in its transaction). Field errors name `email` and `password`.
 */
export async function createAccount(
  db: Db,
  account: {
    agencyId: string;
    email: string;
    displayName: string;
    password: string;
    roles: Role[];
    personId?: string | null;
    partnerPersonId?: string | null;
  },
): Promise<{ userId: string; email: string }> {
  const email = account.email.trim().toLowerCase();
  const problem = problemWithNewPassword(account.password, { email });
  if (problem) throw fieldError("password", problem);
  if (await findUserByEmail(db, email)) throw fieldError("email", "An account with this email already exists.");
  const userId = newId();
  await insertUser(db, {
    id: userId,
    agencyId: account.agencyId,
    personId: account.personId ?? null,
    partnerPersonId: account.partnerPersonId ?? null,
    email,
    displayName: account.displayName,
    passwordHash: await hashPassword(account.password),
    roles: account.roles,
  });
  return { userId, email };
}

/** The partner person an account belongs to (partner accounts only), for domains that act for partners. */
export async function findPartnerPersonIdOfAccount(db: Db, agencyId: string, userId: string): Promise<string | null> {
  return (await findUserById(db, agencyId, userId))?.partner_person_id ?? null;
}
