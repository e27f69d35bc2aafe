import { z } from "zod";
import { ZJobRole, ZLevel } from "./person.schema.js";

const isoDate = z.iso.date({ message: "Use a date like 2024-03-31." });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null)
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const ZPersonCreate = z.object({
  employeeId: optionalText(40).describe("The HR system's id; re-imports match people by it"),
  givenName: z.string().trim().min(1, "Enter a given name.").max(100),
  familyName: z.string().trim().min(1, "Enter a family name.").max(100),
  workEmail: z
    .union([z.literal(""), z.email("Enter a work email like name@agency.gov.")])
    .optional()
    .transform((v) => (v ? v.toLowerCase() : null)),
  jobRole: ZJobRole,
  level: ZLevel,
  orgUnitId: z.string().min(1, "Choose the person's unit."),
  supervisorId: optionalText(64),
  hireDate: z
    .union([z.literal(""), isoDate])
    .optional()
    .transform((v) => v || null),
  languages: z.array(z.string().trim().min(1).max(50)).max(20).default(["English"]),
});
export type PersonCreate = z.output<typeof ZPersonCreate>;

export const ZPersonTransfer = z.object({
  orgUnitId: z.string().min(1, "Choose the new unit."),
  supervisorId: optionalText(64).describe("The new direct supervisor, if it changes"),
  version: z.number().int().positive(),
});
export type PersonTransfer = z.output<typeof ZPersonTransfer>;

export const ZEndEmployment = z.object({
  endDate: isoDate,
  version: z.number().int().positive(),
});
export type EndEmployment = z.output<typeof ZEndEmployment>;
