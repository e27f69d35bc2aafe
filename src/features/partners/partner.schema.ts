import { z } from "zod";

export const PARTNER_KINDS = ["community_organization", "tribe"] as const;
export const ZPartnerKind = z.enum(PARTNER_KINDS);
export type PartnerKind = z.infer<typeof ZPartnerKind>;
export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  community_organization: "Community organization",
  tribe: "Tribe",
};

export const PARTNER_ROLES = [
  "co_trainer",
  "curriculum_developer",
  "coach",
  "cultural_broker",
  "fidelity_observer",
] as const;
export const ZPartnerRole = z.enum(PARTNER_ROLES);
export type PartnerRole = z.infer<typeof ZPartnerRole>;
export const PARTNER_ROLE_LABELS: Record<PartnerRole, string> = {
  co_trainer: "Co-trainer",
  curriculum_developer: "Curriculum developer",
  coach: "Coach",
  cultural_broker: "Cultural broker",
  fidelity_observer: "Fidelity observer",
};

export const AGREEMENT_KINDS = ["stipend", "contract", "hourly"] as const;
export const ZAgreementKind = z.enum(AGREEMENT_KINDS);
export type AgreementKind = z.infer<typeof ZAgreementKind>;
export const AGREEMENT_KIND_LABELS: Record<AgreementKind, string> = {
  stipend: "Stipend",
  contract: "Contract",
  hourly: "Hourly",
};

export const RATE_UNITS = ["hour", "session", "month", "lump_sum"] as const;
export const ZRateUnit = z.enum(RATE_UNITS);
export type RateUnit = z.infer<typeof ZRateUnit>;
export const RATE_UNIT_LABELS: Record<RateUnit, string> = {
  hour: "per hour",
  session: "per session",
  month: "per month",
  lump_sum: "lump sum",
};

export const HOUR_ACTIVITIES = [
  "training",
  "coaching",
  "fidelity_observation",
  "curriculum_development",
  "meeting",
  "other",
] as const;
export const ZHourActivity = z.enum(HOUR_ACTIVITIES);
export type HourActivity = z.infer<typeof ZHourActivity>;
export const HOUR_ACTIVITY_LABELS: Record<HourActivity, string> = {
  training: "Training",
  coaching: "Coaching",
  fidelity_observation: "Fidelity observation",
  curriculum_development: "Curriculum development",
  meeting: "Meeting",
  other: "Other",
};

/** From this share of the budget on, the agreement shows a warning. */
export const BUDGET_WARNING_SHARE = 0.8;

const isoDate = z.iso.date({ message: "Use a date like 2024-03-31." });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .nullish()
    .transform((v) => v || null);
const optionalEmail = z
  .union([z.literal(""), z.email("Enter an email like name@example.org.")])
  .nullish()
  .transform((v) => (v ? v.toLowerCase() : null));
const ZVersion = z.number().int().positive();

export const ZPartnerOrganization = z.object({
  id: z.string(),
  kind: ZPartnerKind,
  name: z.string(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  notes: z.string(),
  retired: z.boolean(),
  version: z.number().int(),
});
export type PartnerOrganization = z.infer<typeof ZPartnerOrganization>;

export const ZPartnerOrganizationListItem = ZPartnerOrganization.extend({ peopleCount: z.number().int() });

export const ZPartnerOrganizationQuery = z.object({
  kind: ZPartnerKind.optional(),
  includeRetired: z.enum(["true", "false"]).default("false"),
});

export const ZPartnerOrganizationList = z.object({ items: z.array(ZPartnerOrganizationListItem) });

export const ZPartnerOrganizationInput = z.object({
  kind: ZPartnerKind,
  name: z.string().trim().min(1, "Enter a name.").max(160, "Use at most 160 characters."),
  contactName: optionalText(120),
  contactEmail: optionalEmail,
  contactPhone: optionalText(40),
  notes: z.string().trim().max(4000, "Use at most 4000 characters.").default(""),
});
export type PartnerOrganizationInput = z.output<typeof ZPartnerOrganizationInput>;

export const ZPartnerOrganizationUpdate = ZPartnerOrganizationInput.extend({
  retired: z.boolean().describe("true retires the organization (it keeps its history); false reopens it"),
  version: ZVersion,
});
export type PartnerOrganizationUpdate = z.output<typeof ZPartnerOrganizationUpdate>;

export const ZPartnerPerson = z.object({
  id: z.string(),
  partnerOrganizationId: z.string(),
  partnerOrganizationName: z.string(),
  partnerOrganizationKind: ZPartnerKind,
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  languages: z.array(z.string()),
  roles: z.array(ZPartnerRole),
  hasAccount: z.boolean(),
  version: z.number().int(),
});
export type PartnerPerson = z.infer<typeof ZPartnerPerson>;

export const ZPartnerPersonInput = z.object({
  fullName: z.string().trim().min(1, "Enter a name.").max(160, "Use at most 160 characters."),
  email: optionalEmail,
  phone: optionalText(40),
  languages: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
  roles: z
    .array(ZPartnerRole)
    .max(PARTNER_ROLES.length)
    .refine((roles) => new Set(roles).size === roles.length, "List each role once.")
    .default([]),
});
export type PartnerPersonInput = z.output<typeof ZPartnerPersonInput>;

export const ZPartnerPersonUpdate = ZPartnerPersonInput.extend({ version: ZVersion });
export type PartnerPersonUpdate = z.output<typeof ZPartnerPersonUpdate>;

export const ZPartnerOrganizationDetail = ZPartnerOrganization.extend({ people: z.array(ZPartnerPerson) });

/** Hours travel as decimal hours (1.5) and are stored as whole minutes. */
const ZHours = (what: string, max: number) =>
  z
    .number({ message: `Enter the ${what} in hours.` })
    .positive(`Enter more than 0 ${what}.`)
    .max(max, `Enter at most ${max} ${what}.`)
    .refine((h) => Number.isInteger(Math.round(h * 60 * 1000) / 1000), "Use whole minutes (e.g. 1.25 or 1.5 hours).");

const ZAgreementFields = z.object({
  kind: ZAgreementKind,
  rateCents: z
    .number({ message: "Enter the rate." })
    .int("Enter the rate in whole cents.")
    .min(0, "The rate cannot be negative.")
    .max(100_000_000, "That rate is too large."),
  rateUnit: ZRateUnit,
  budgetedHours: ZHours("budgeted hours", 100_000),
  startDate: isoDate,
  endDate: z
    .union([z.literal(""), isoDate])
    .transform((v) => v || null)
    .nullable(),
});

const endsAfterStart = (a: { startDate: string; endDate: string | null }) => !a.endDate || a.endDate >= a.startDate;
const endsAfterStartIssue = { message: "The end date cannot be before the start date.", path: ["endDate"] };

export const ZAgreementInput = ZAgreementFields.refine(endsAfterStart, endsAfterStartIssue);
export type AgreementInput = z.output<typeof ZAgreementInput>;
export const ZAgreementUpdate = ZAgreementFields.extend({ version: ZVersion }).refine(
  endsAfterStart,
  endsAfterStartIssue,
);
export type AgreementUpdate = z.output<typeof ZAgreementUpdate>;

export const ZHoursEntry = z.object({
  id: z.string(),
  activity: ZHourActivity,
  workDate: z.string(),
  hours: z.number(),
  note: z.string(),
  sourceType: z.string(),
  loggedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type HoursEntry = z.infer<typeof ZHoursEntry>;

export const ZAgreement = z.object({
  id: z.string(),
  partnerPersonId: z.string(),
  kind: ZAgreementKind,
  rateCents: z.number().int(),
  rateUnit: ZRateUnit,
  budgetedHours: z.number(),
  loggedHours: z.number(),
  remainingHours: z.number().describe("Budgeted minus logged; negative when logged over budget"),
  usedShare: z.number().describe("Logged hours as a share of the budget (0.8 = 80%)"),
  nearBudget: z.boolean().describe("80% or more of the budgeted hours are logged"),
  startDate: z.string(),
  endDate: z.string().nullable(),
  version: z.number().int(),
});
export type Agreement = z.infer<typeof ZAgreement>;

export const ZAgreementWithHours = ZAgreement.extend({ hours: z.array(ZHoursEntry) });

export const ZPartnerPersonDetail = ZPartnerPerson.extend({
  /** Null when the reader may not see what partners are paid. */
  agreements: z.array(ZAgreementWithHours).nullable(),
});

export const ZHoursLogInput = z.object({
  activity: ZHourActivity,
  workDate: isoDate,
  hours: ZHours("hours", 24),
  note: z.string().trim().max(1000, "Use at most 1000 characters.").default(""),
  overBudgetConfirmed: z
    .boolean()
    .default(false)
    .describe("Must be true to log hours that take the agreement past its budgeted hours"),
});
export type HoursLogInput = z.input<typeof ZHoursLogInput>;

export const ZHoursLogResult = z.object({ entry: ZHoursEntry, agreement: ZAgreement });

export const ZPartnerAccountInput = z.object({
  email: z.email("Enter an email like name@example.org.").transform((v) => v.toLowerCase()),
  password: z.string().min(1, "Enter an initial password.").max(256),
});

export const ZPartnerAccount = z.object({
  userId: z.string(),
  email: z.string(),
  partnerPersonId: z.string(),
  roles: z.array(z.string()),
});

export const toMinutes = (hours: number) => Math.round(hours * 60);
export const toHours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
