import { Secret, TOTP } from "otpauth";

const ISSUER = "Cascade";

function totpFor(secretBase32: string, label: string) {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads (usually from a QR code). */
export function totpUri(secretBase32: string, accountEmail: string): string {
  return totpFor(secretBase32, accountEmail).toString();
}

/** Accepts the current code and one period either side, for clock drift. */
export function isValidTotpCode(secretBase32: string, code: string): boolean {
  const digits = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(digits)) return false;
  return totpFor(secretBase32, "check").validate({ token: digits, window: 1 }) !== null;
}

/** For tests and the demo: the code an authenticator would show now. */
export function currentTotpCode(secretBase32: string): string {
  return totpFor(secretBase32, "now").generate();
}
