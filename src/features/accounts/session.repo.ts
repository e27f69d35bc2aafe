import { preparedQuery } from "../../db/prepared-query.js";
import type { Db } from "../../db/types.js";
import type { Role } from "../access/roles.js";

export interface NewSession {
  tokenHash: string;
  userId: string;
  agencyId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  totpSetupPending: boolean;
}

export async function insertSession(db: Db, s: NewSession): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      agency_id: s.agencyId,
      csrf_token: s.csrfToken,
      created_at: s.createdAt,
      last_seen_at: s.createdAt,
      expires_at: s.expiresAt,
      totp_setup_pending: s.totpSetupPending ? 1 : 0,
    })
    .execute();
}

/**
 * The session with everything a request needs to know about who is asking, in one query that
 * runs on every request: one row per role the user holds (one row with a null role for none).
 */
const sessionWithUserAndRoles = preparedQuery<{ tokenHash: string }, SessionRow>((db, value) =>
  db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .leftJoin("user_roles as r", (j) => j.onRef("r.user_id", "=", "u.id").onRef("r.agency_id", "=", "u.agency_id"))
    .leftJoin("people as p", (j) => j.onRef("p.id", "=", "u.person_id").onRef("p.agency_id", "=", "u.agency_id"))
    .leftJoin("org_units as o", (j) => j.onRef("o.id", "=", "p.org_unit_id").onRef("o.agency_id", "=", "u.agency_id"))
    .select([
      "s.token_hash",
      "s.csrf_token",
      "s.last_seen_at",
      "s.expires_at",
      "s.totp_setup_pending",
      "u.id as user_id",
      "u.agency_id",
      "u.person_id",
      "u.partner_person_id",
      "u.is_active",
      "o.path as org_unit_path",
      "p.end_date as person_end_date",
      "r.role",
    ])
    .where("s.token_hash", "=", value("tokenHash"))
    .orderBy("r.role"),
);

interface SessionRow {
  token_hash: string;
  csrf_token: string;
  last_seen_at: string;
  expires_at: string;
  totp_setup_pending: number;
  user_id: string;
  agency_id: string;
  person_id: string | null;
  partner_person_id: string | null;
  is_active: number;
  org_unit_path: string | null;
  person_end_date: string | null;
  role: string | null;
}

export async function findSessionWithUser(db: Db, tokenHash: string) {
  const rows = await sessionWithUserAndRoles(db, { tokenHash });
  const [first] = rows;
  if (!first) return undefined;
  const { role: _role, ...session } = first;
  return { ...session, roles: rows.flatMap((row) => (row.role ? [row.role as Role] : [])) };
}

export async function touchSession(db: Db, tokenHash: string, lastSeenAt: string) {
  await db.updateTable("sessions").set({ last_seen_at: lastSeenAt }).where("token_hash", "=", tokenHash).execute();
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
}

export async function clearTotpSetupPending(db: Db, tokenHash: string) {
  await db.updateTable("sessions").set({ totp_setup_pending: 0 }).where("token_hash", "=", tokenHash).execute();
}

export async function deleteExpiredSessions(db: Db, idleCutoff: string, nowIso: string) {
  await db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("last_seen_at", "<", idleCutoff), eb("expires_at", "<", nowIso)]))
    .execute();
}
