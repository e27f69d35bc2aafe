import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * NIST SP 800-63B: a minimum length, long passphrases allowed, no composition rules, and a
 * check against passwords known to be common. We ask for 12 characters rather than NIST's
 * floor of 8 because most Cascade accounts sign in with a password alone.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

let commonPasswords: Set<string> | undefined;
function isCommonPassword(candidate: string): boolean {
  commonPasswords ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return commonPasswords.has(candidate.toLowerCase());
}

/** Returns why a new password is not acceptable, or null when it is. */
export function problemWithNewPassword(password: string, context: { email?: string | undefined } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters; a short phrase works well.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (isCommonPassword(password)) return "This password is on a list of commonly used passwords. Choose another.";
  if (new Set(password).size < 4) return "This password repeats too few characters. Choose another.";
  const localPart = context.email?.split("@")[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && password.toLowerCase().includes(localPart)) {
    return "Do not use your email name in your password.";
  }
  return null;
}
