import type { Role } from "../../src/features/access/roles.js";

/** One account per permission role, under the agency's own mail domain. */
export const ACCOUNT_ROLES: readonly { role: Role; localPart: string }[] = [
  { role: "admin", localPart: "admin" },
  { role: "implementation_lead", localPart: "implementation.lead" },
  { role: "training_coordinator", localPart: "training.coordinator" },
  { role: "trainer", localPart: "trainer" },
  { role: "coaching_supervisor", localPart: "coaching.supervisor" },
  { role: "coach", localPart: "coach" },
  { role: "executive", localPart: "director" },
  { role: "manager", localPart: "manager" },
  { role: "supervisor", localPart: "supervisor" },
  { role: "staff", localPart: "social.worker" },
  { role: "fidelity_observer", localPart: "fidelity.observer" },
  { role: "partner_viewer", localPart: "partner" },
];

export function accountEmail(agencySlug: string, role: Role): string {
  const localPart = ACCOUNT_ROLES.find((a) => a.role === role)?.localPart ?? role;
  return `${localPart}@${agencySlug}.example`;
}
