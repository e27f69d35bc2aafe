import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "../../db/types.js";
import type { AppConfig } from "../../server/config.js";
import { AppError, fieldError } from "../../server/errors.js";
import { addMinutes, nowUtc } from "../../shared/time.js";
import { ACTIONS, type Actor, canAct } from "../access/policy.js";
import { findAgencySettings } from "../agencies/agency.service.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import type { SessionInfo } from "./auth.schema.js";
import {
  clearFailures,
  countRecentFailures,
  deleteFailuresBefore,
  oldestRecentFailure,
  recordFailure,
} from "./login-throttle.repo.js";
import { hashPassword, verifyAgainstDecoy, verifyPassword } from "./password-hashing.js";
import { problemWithNewPassword } from "./password-policy.js";
import {
  clearTotpSetupPending,
  deleteExpiredSessions,
  deleteSession,
  findSessionWithUser,
  insertSession,
  touchSession,
} from "./session.repo.js";
import { isValidTotpCode, newTotpSecret, totpUri } from "./totp.js";
import { endSessionsOfUser, findUserByEmail, findUserById, setUserPasswordHash, setUserTotp } from "./user.repo.js";

export type SessionPolicy = Pick<
  AppConfig,
  | "sessionIdleMinutes"
  | "sessionAbsoluteHours"
  | "loginMaxFailuresPerAccount"
  | "loginMaxFailuresPerAddress"
  | "loginThrottleWindowMinutes"
>;

/** The session as the HTTP layer keeps it on a request. */
export interface ActiveSession {
  tokenHash: string;
  csrfToken: string;
  totpSetupPending: boolean;
  actor: Actor;
}

/** Sessions are found by a SHA-256 of their token: a stolen database does not yield live cookies. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Compares two secrets without revealing, by timing, where they differ. */
export function secretsMatch(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const SESSION_TOUCH_INTERVAL_MINUTES = 1;

/** An account works while it is active and its person's employment has not ended. */
function mayStillSignIn(account: { is_active: number; person_end_date: string | null }, nowIso: string): boolean {
  return account.is_active === 1 && (account.person_end_date === null || account.person_end_date > nowIso.slice(0, 10));
}

export async function signIn(
  db: Db,
  policy: SessionPolicy,
  input: { email: string; password: string; totpCode?: string | undefined; clientAddress: string },
): Promise<{ token: string }> {
  const email = input.email.trim().toLowerCase();
  const now = nowUtc();
  const windowStart = addMinutes(now, -policy.loginThrottleWindowMinutes);
  const accountKey = `account:${email}`;
  const addressKey = `address:${input.clientAddress}`;

  for (const [key, limit] of [
    [accountKey, policy.loginMaxFailuresPerAccount],
    [addressKey, policy.loginMaxFailuresPerAddress],
  ] as const) {
    if ((await countRecentFailures(db, key, windowStart)) >= limit) {
      const oldest = (await oldestRecentFailure(db, key, windowStart)) ?? now;
      const retryAt = Date.parse(addMinutes(oldest, policy.loginThrottleWindowMinutes));
      const retryAfterSeconds = Math.max(1, Math.ceil((retryAt - Date.parse(now)) / 1000));
      throw new AppError("RATE_LIMITED", "Too many failed sign-ins. Wait a few minutes and try again.", {
        retryAfterSeconds,
      });
    }
  }

  const failed = async (error: AppError): Promise<never> => {
    await recordFailure(db, [accountKey, addressKey], now);
    throw error;
  };
  const wrongCredentials = new AppError("UNAUTHENTICATED", "That email and password do not match an active account.");

  const user = await findUserByEmail(db, email);
  if (!user) {
    await verifyAgainstDecoy(input.password);
    return failed(wrongCredentials);
  }
  if (!(await verifyPassword(user.password_hash, input.password)) || !mayStillSignIn(user, now)) {
    return failed(wrongCredentials);
  }
  if (user.totp_enabled === 1 && user.totp_secret) {
    if (!input.totpCode) {
      throw new AppError("TOTP_REQUIRED", "Enter the six-digit code from your authenticator app.", {
        fieldErrors: [{ field: "totpCode", message: "Enter the six-digit code from your authenticator app." }],
      });
    }
    if (!isValidTotpCode(user.totp_secret, input.totpCode)) {
      return failed(
        new AppError("TOTP_REQUIRED", "That code did not match. Codes change every 30 seconds.", {
          fieldErrors: [{ field: "totpCode", message: "That code did not match. Codes change every 30 seconds." }],
        }),
      );
    }
  }

  const agency = await findAgencySettings(db, user.agency_id);
  const token = randomBytes(32).toString("base64url");
  await db.transaction().execute(async (trx) => {
    await insertSession(trx, {
      tokenHash: hashSessionToken(token),
      userId: user.id,
      agencyId: user.agency_id,
      csrfToken: randomBytes(32).toString("base64url"),
      createdAt: now,
      expiresAt: addMinutes(now, policy.sessionAbsoluteHours * 60),
      totpSetupPending: agency?.requireTotp === true && user.totp_enabled !== 1,
    });
    await clearFailures(trx, accountKey);
    await recordAuditEvent(trx, {
      agencyId: user.agency_id,
      actorUserId: user.id,
      action: "sign-in",
      entityType: "session",
      entityId: user.id,
      summary: `${user.display_name} signed in`,
    });
  });
  // Housekeeping rides along with sign-ins rather than needing a scheduler.
  await deleteExpiredSessions(db, addMinutes(now, -policy.sessionIdleMinutes), now);
  await deleteFailuresBefore(db, windowStart);
  return { token };
}

/** Finds the live session for a cookie token, or null if it is unknown, idle too long or too old. */
export async function resumeSession(db: Db, policy: SessionPolicy, token: string): Promise<ActiveSession | null> {
  const tokenHash = hashSessionToken(token);
  const row = await findSessionWithUser(db, tokenHash);
  if (!row) return null;
  const now = nowUtc();
  const idleCutoff = addMinutes(now, -policy.sessionIdleMinutes);
  if (!mayStillSignIn(row, now) || row.last_seen_at < idleCutoff || row.expires_at <= now) {
    await deleteSession(db, tokenHash);
    return null;
  }
  if (row.last_seen_at < addMinutes(now, -SESSION_TOUCH_INTERVAL_MINUTES)) {
    await touchSession(db, tokenHash, now);
  }
  return {
    tokenHash,
    csrfToken: row.csrf_token,
    totpSetupPending: row.totp_setup_pending === 1,
    actor: {
      userId: row.user_id,
      agencyId: row.agency_id,
      personId: row.person_id,
      roles: row.roles,
      orgUnitPath: row.org_unit_path,
      partnerPersonId: row.partner_person_id,
    },
  };
}

export async function signOut(db: Db, session: ActiveSession): Promise<void> {
  await deleteSession(db, session.tokenHash);
  await recordAuditEvent(db, {
    agencyId: session.actor.agencyId,
    actorUserId: session.actor.userId,
    action: "sign-out",
    entityType: "session",
    entityId: session.actor.userId,
    summary: "Signed out",
  });
}

export async function describeSession(db: Db, policy: SessionPolicy, session: ActiveSession): Promise<SessionInfo> {
  const { actor } = session;
  const [user, agency] = await Promise.all([
    findUserById(db, actor.agencyId, actor.userId),
    findAgencySettings(db, actor.agencyId),
  ]);
  if (!user || !agency) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return {
    user: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      personId: user.person_id,
      roles: actor.roles,
      totpEnabled: user.totp_enabled === 1,
    },
    agency: { id: agency.id, name: agency.name, timeZone: agency.timeZone, requireTotp: agency.requireTotp },
    csrfToken: session.csrfToken,
    totpSetupRequired: session.totpSetupPending,
    permissions: ACTIONS.filter((action) => canAct(actor, action)),
    idleTimeoutMinutes: policy.sessionIdleMinutes,
  };
}

/** Audits a change a person made to their own account (never the secret itself). */
function recordOwnAccountChange(
  db: Db,
  user: { id: string; agency_id: string },
  summary: string,
  states: { before?: unknown; after?: unknown } = {},
) {
  return recordAuditEvent(db, {
    agencyId: user.agency_id,
    actorUserId: user.id,
    action: "update",
    entityType: "account",
    entityId: user.id,
    summary,
    ...states,
  });
}

async function loadOwnUser(db: Db, actor: Actor) {
  const user = await findUserById(db, actor.agencyId, actor.userId);
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return user;
}

/** Changing a password ends the user's other sessions, in case the old one had leaked. */
export async function changePassword(
  db: Db,
  session: ActiveSession,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await loadOwnUser(db, session.actor);
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw fieldError("currentPassword", "That is not your current password.");
  }
  const problem = problemWithNewPassword(input.newPassword, { email: user.email });
  if (problem) throw fieldError("newPassword", problem);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await setUserPasswordHash(trx, user.id, passwordHash);
    await endSessionsOfUser(trx, user.id, session.tokenHash);
    await recordOwnAccountChange(trx, user, "Changed their password");
  });
}

/** Starts two-factor setup: a new secret is stored but not enforced until a code confirms it. */
export async function beginTotpSetup(db: Db, session: ActiveSession) {
  const user = await loadOwnUser(db, session.actor);
  if (user.totp_enabled === 1) throw new AppError("VALIDATION", "Two-factor sign-in is already on.");
  const secret = newTotpSecret();
  // The secret itself stays out of the audit trail; that one was issued is what matters.
  await db.transaction().execute(async (trx) => {
    await setUserTotp(trx, user.id, { secret, enabled: false });
    await recordOwnAccountChange(trx, user, "Started setting up two-factor sign-in");
  });
  return { secret, otpauthUri: totpUri(secret, user.email) };
}

export async function confirmTotpSetup(db: Db, session: ActiveSession, code: string): Promise<void> {
  const user = await loadOwnUser(db, session.actor);
  if (!user.totp_secret || user.totp_enabled === 1) {
    throw new AppError("VALIDATION", "Start two-factor setup first.");
  }
  if (!isValidTotpCode(user.totp_secret, code)) {
    throw fieldError("code", "That code did not match. Check your device's clock and try the newest code.");
  }
  await db.transaction().execute(async (trx) => {
    await setUserTotp(trx, user.id, { secret: user.totp_secret, enabled: true });
    await clearTotpSetupPending(trx, session.tokenHash);
    await recordOwnAccountChange(trx, user, "Turned on two-factor sign-in", {
      before: { totpEnabled: false },
      after: { totpEnabled: true },
    });
  });
}

export async function turnOffTotp(db: Db, session: ActiveSession, code: string): Promise<void> {
  const user = await loadOwnUser(db, session.actor);
  if (user.totp_enabled !== 1 || !user.totp_secret) throw new AppError("VALIDATION", "Two-factor sign-in is not on.");
  const agency = await findAgencySettings(db, user.agency_id);
  if (agency?.requireTotp) {
    throw new AppError("VALIDATION", "Your agency requires two-factor sign-in, so it cannot be turned off.");
  }
  if (!isValidTotpCode(user.totp_secret, code)) throw fieldError("code", "That code did not match.");
  await db.transaction().execute(async (trx) => {
    await setUserTotp(trx, user.id, { secret: null, enabled: false });
    await recordOwnAccountChange(trx, user, "Turned off two-factor sign-in", {
      before: { totpEnabled: true },
      after: { totpEnabled: false },
    });
  });
}
