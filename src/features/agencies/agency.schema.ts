import { z } from "zod";
import { isValidTimeZone } from "../../shared/time.js";

export const ZAgency = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  timeZone: z.string().describe("IANA time zone, e.g. America/Los_Angeles"),
  requireTotp: z.boolean().describe("Every account must use two-factor sign-in"),
  version: z.number().int(),
});
export type Agency = z.infer<typeof ZAgency>;

export const ZAgencySettingsUpdate = z.object({
  name: z.string().trim().min(2, "Enter the agency's name (at least 2 characters).").max(200),
  timeZone: z.string().trim().refine(isValidTimeZone, "Choose a time zone such as America/Los_Angeles."),
  requireTotp: z.boolean(),
  version: z.number().int().positive(),
});
export type AgencySettingsUpdate = z.infer<typeof ZAgencySettingsUpdate>;
