import { z } from "zod";

export const JOB_ROLES = [
  "social_worker",
  "case_aide",
  "supervisor",
  "manager",
  "executive",
  "trainer",
  "coach",
  "licensing_worker",
  "administrative_support",
  "other",
] as const;
export const ZJobRole = z.enum(JOB_ROLES);
export type JobRole = z.infer<typeof ZJobRole>;

export const JOB_ROLE_LABELS: Record<JobRole, string> = {
  social_worker: "Social worker",
  case_aide: "Case aide",
  supervisor: "Supervisor",
  manager: "Manager",
  executive: "Executive / director",
  trainer: "Trainer",
  coach: "Coach",
  licensing_worker: "Licensing worker",
  administrative_support: "Administrative support",
  other: "Other",
};

export const LEVELS = ["practice", "supervisory", "management", "executive"] as const;
export const ZLevel = z.enum(LEVELS);
export type Level = z.infer<typeof ZLevel>;

const isoDate = z.iso.date({ message: "Use a date like 2024-03-31." });

export const ZPerson = z.object({
  id: z.string(),
  employeeId: z.string().nullable(),
  givenName: z.string(),
  familyName: z.string(),
  workEmail: z.string().nullable(),
  jobRole: ZJobRole,
  level: ZLevel,
  orgUnitId: z.string().nullable(),
  orgUnitName: z.string().nullable(),
  supervisorId: z.string().nullable(),
  hireDate: z.string().nullable(),
  endDate: z.string().nullable(),
  languages: z.array(z.string()),
  active: z.boolean().describe("No end date, or an end date still in the future"),
  hasAccount: z.boolean(),
  accountActive: z.boolean(),
  version: z.number().int(),
});
export type Person = z.infer<typeof ZPerson>;

export const ZPersonSummary = ZPerson.pick({
  id: true,
  givenName: true,
  familyName: true,
  jobRole: true,
  level: true,
  orgUnitName: true,
});

export const ZPersonDetail = ZPerson.extend({
  /** From the direct supervisor up to the top of the agency. */
  reportingLine: z.array(ZPersonSummary),
  directReports: z.array(ZPersonSummary),
});

export const SORTABLE_PERSON_FIELDS = ["name", "jobRole", "level", "unit", "hireDate"] as const;

export const ZPeopleQuery = z.object({
  q: z.string().trim().max(100).optional().describe("Matches name, email or employee id"),
  orgUnitId: z.string().optional().describe("This org unit and everything below it"),
  level: ZLevel.optional(),
  jobRole: ZJobRole.optional(),
  active: z.enum(["true", "false", "all"]).default("true"),
  sort: z.enum(SORTABLE_PERSON_FIELDS).default("name"),
  direction: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PeopleQuery = z.infer<typeof ZPeopleQuery>;

export const ZPeoplePage = z.object({
  items: z.array(ZPerson),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZPersonUpdate = z.object({
  givenName: z.string().trim().min(1, "Enter a given name.").max(100),
  familyName: z.string().trim().min(1, "Enter a family name.").max(100),
  workEmail: z
    .union([z.literal(""), z.email("Enter a work email like name@agency.gov.")])
    .transform((v) => (v === "" ? null : v.toLowerCase()))
    .nullable(),
  jobRole: ZJobRole,
  level: ZLevel,
  hireDate: z
    .union([z.literal(""), isoDate])
    .transform((v) => v || null)
    .nullable(),
  endDate: z
    .union([z.literal(""), isoDate])
    .transform((v) => v || null)
    .nullable(),
  languages: z.array(z.string().trim().min(1).max(50)).max(20),
  version: z.number().int().positive(),
});
export type PersonUpdate = z.output<typeof ZPersonUpdate>;
