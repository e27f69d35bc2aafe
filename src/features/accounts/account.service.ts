import type { Db } from "../../db/types.js";
import { endSessionsOfUser, findUserById, setUserActive } from "./user.repo.js";

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
