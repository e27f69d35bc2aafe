import type { Db } from "../../db/types.js";
import { nowUtc } from "../../shared/time.js";
import type { Role } from "../access/roles.js";

/** The account for an email, with the end date of its person's employment (if any). */
export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom("users")
    .leftJoin("people", (j) =>
      j.onRef("people.id", "=", "users.person_id").onRef("people.agency_id", "=", "users.agency_id"),
    )
    .selectAll("users")
    .select("people.end_date as person_end_date")
    .where("users.email", "=", email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: Db, agencyId: string, userId: string) {
  return db
    .selectFrom("users")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("id", "=", userId)
    .executeTakeFirst();
}

export interface NewUser {
  id: string;
  agencyId: string;
  personId: string | null;
  email: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  /** Only for a partner viewer: the partner person the account belongs to. */
  partnerPersonId?: string | null;
}

export async function insertUser(db: Db, user: NewUser): Promise<void> {
  const now = nowUtc();
  await db
    .insertInto("users")
    .values({
      id: user.id,
      agency_id: user.agencyId,
      person_id: user.personId,
      partner_person_id: user.partnerPersonId ?? null,
      email: user.email.toLowerCase(),
      display_name: user.displayName,
      password_hash: user.passwordHash,
      totp_secret: null,
      totp_enabled: 0,
      is_active: 1,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  if (user.roles.length > 0) {
    await db
      .insertInto("user_roles")
      .values(user.roles.map((role) => ({ agency_id: user.agencyId, user_id: user.id, role })))
      .execute();
  }
}

/** Returns the id of the person's account, if they have one. */
export async function setUserActive(db: Db, agencyId: string, personId: string, active: boolean) {
  const user = await db
    .updateTable("users")
    .set((eb) => ({ is_active: active ? 1 : 0, updated_at: nowUtc(), version: eb("version", "+", 1) }))
    .where("agency_id", "=", agencyId)
    .where("person_id", "=", personId)
    .returning("id")
    .executeTakeFirst();
  return user?.id ?? null;
}

export async function setUserPasswordHash(db: Db, userId: string, passwordHash: string) {
  await db
    .updateTable("users")
    .set((eb) => ({ password_hash: passwordHash, updated_at: nowUtc(), version: eb("version", "+", 1) }))
    .where("id", "=", userId)
    .execute();
}

export async function setUserTotp(db: Db, userId: string, totp: { secret: string | null; enabled: boolean }) {
  await db
    .updateTable("users")
    .set((eb) => ({
      totp_secret: totp.secret,
      totp_enabled: totp.enabled ? 1 : 0,
      updated_at: nowUtc(),
      version: eb("version", "+", 1),
    }))
    .where("id", "=", userId)
    .execute();
}

export async function endSessionsOfUser(db: Db, userId: string, exceptTokenHash?: string) {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptTokenHash) query = query.where("token_hash", "!=", exceptTokenHash);
  await query.execute();
}
