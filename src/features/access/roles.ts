import { z } from "zod";

/** The permission roles of SPEC §1. A user may hold several. */
export const ROLES = [
  "admin",
  "implementation_lead",
  "training_coordinator",
  "trainer",
  "coaching_supervisor",
  "coach",
  "supervisor",
  "manager",
  "executive",
  "staff",
  "fidelity_observer",
  "partner_viewer",
] as const;

export const ZRole = z.enum(ROLES);
export type Role = z.infer<typeof ZRole>;

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrator",
  implementation_lead: "Implementation lead",
  training_coordinator: "Training coordinator",
  trainer: "Trainer",
  coaching_supervisor: "Coaching supervisor",
  coach: "Coach",
  supervisor: "Supervisor",
  manager: "Manager",
  executive: "Executive",
  staff: "Staff",
  fidelity_observer: "Fidelity observer",
  partner_viewer: "Partner viewer",
};
