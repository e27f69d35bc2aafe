import { z } from "zod";
import { ACTIONS } from "../access/policy.js";
import { ZRole } from "../access/roles.js";

export const ZLoginRequest = z.object({
  email: z.string().trim().min(1, "Enter your work email.").max(320),
  password: z.string().min(1, "Enter your password.").max(1024),
  totpCode: z
    .string()
    .trim()
    .max(12)
    .optional()
    .describe("Six-digit code from an authenticator app, when two-factor is on"),
});

export const ZSessionInfo = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    personId: z.string().nullable(),
    roles: z.array(ZRole),
    totpEnabled: z.boolean(),
  }),
  agency: z.object({ id: z.string(), name: z.string(), timeZone: z.string(), requireTotp: z.boolean() }),
  /** Send this back in the `X-CSRF-Token` header of every write. */
  csrfToken: z.string(),
  /** True while the agency requires two-factor and this user has not set it up yet. */
  totpSetupRequired: z.boolean(),
  /** Actions this user may take somewhere in their scope; the server still checks every record. */
  permissions: z.array(z.enum(ACTIONS)),
  idleTimeoutMinutes: z.number().int(),
});
export type SessionInfo = z.infer<typeof ZSessionInfo>;

export const ZPasswordChange = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(1024),
  newPassword: z.string().max(1024),
});

export const ZTotpSetup = z.object({
  secret: z.string().describe("Base32 secret, for typing into an authenticator by hand"),
  otpauthUri: z.string(),
});

export const ZTotpCode = z.object({
  code: z.string().trim().min(1, "Enter the six-digit code from your authenticator app.").max(12),
});

export const ZOk = z.object({ ok: z.literal(true) });
