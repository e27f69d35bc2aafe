import { z } from "zod";

export const TEAM_KINDS = [
  "executive_team",
  "site_implementation_team",
  "unit_team",
  "coaching_collaborative",
  "other",
] as const;
export const ZTeamKind = z.enum(TEAM_KINDS);
export type TeamKind = z.infer<typeof ZTeamKind>;
export const TEAM_KIND_LABELS: Record<TeamKind, string> = {
  executive_team: "Executive team",
  site_implementation_team: "Site implementation team",
  unit_team: "Unit team",
  coaching_collaborative: "Coaching collaborative",
  other: "Other",
};

export const TEAM_MEMBER_ROLES = ["chair", "co_chair", "member", "coordinator", "advisor"] as const;
export const ZTeamMemberRole = z.enum(TEAM_MEMBER_ROLES);
export type TeamMemberRole = z.infer<typeof ZTeamMemberRole>;
export const TEAM_MEMBER_ROLE_LABELS: Record<TeamMemberRole, string> = {
  chair: "Chair",
  co_chair: "Co-chair",
  member: "Member",
  coordinator: "Coordinator",
  advisor: "Advisor",
};

export const ZTeam = z.object({
  id: z.string(),
  name: z.string(),
  kind: ZTeamKind,
  orgUnitId: z.string().nullable(),
  orgUnitName: z.string().nullable(),
  parentTeamId: z.string().nullable(),
  memberCount: z.number().int(),
  version: z.number().int(),
});
export type Team = z.infer<typeof ZTeam>;

export const ZTeamList = z.object({ items: z.array(ZTeam) });

export const ZTeamMember = z.object({
  id: z.string(),
  kind: z.enum(["staff", "partner"]),
  personId: z.string().nullable(),
  partnerPersonId: z.string().nullable(),
  name: z.string(),
  /** Job role for staff, partner organization for partners. */
  affiliation: z.string().nullable(),
  role: ZTeamMemberRole,
});
export type TeamMember = z.infer<typeof ZTeamMember>;

export const ZTeamSummary = ZTeam.pick({ id: true, name: true, kind: true });

export const ZTeamDetail = ZTeam.extend({
  members: z.array(ZTeamMember),
  /** Where issues go next: the parent team, its parent, and so on up to the top. */
  escalationChain: z.array(ZTeamSummary),
  childTeams: z.array(ZTeamSummary),
});

const optionalId = z
  .string()
  .max(64)
  .transform((v) => v || null)
  .nullable();

export const ZTeamInput = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(160, "Use at most 160 characters."),
  kind: ZTeamKind,
  orgUnitId: optionalId.default(null),
  parentTeamId: optionalId.default(null),
});
export type TeamInput = z.output<typeof ZTeamInput>;

export const ZTeamUpdate = ZTeamInput.extend({ version: z.number().int().positive() });
export type TeamUpdate = z.output<typeof ZTeamUpdate>;

export const ZTeamMemberInput = z
  .object({
    personId: optionalId.default(null).describe("A staff person; give this or partnerPersonId"),
    partnerPersonId: optionalId.default(null).describe("A partner person; give this or personId"),
    role: ZTeamMemberRole.default("member"),
  })
  .refine((m) => (m.personId === null) !== (m.partnerPersonId === null), {
    message: "Choose one staff person or one partner person.",
    path: ["personId"],
  });
export type TeamMemberInput = z.output<typeof ZTeamMemberInput>;
