import { z } from "zod";
import { isValidTimeZone } from "../../shared/time.js";

/** How long a trained unit may wait for coaching before it is flagged, in days: new agencies start at 14. */
export const COACHING_FOLLOW_UP_DAYS = { default: 14, min: 1, max: 180 } as const;

export const ZAgency = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  timeZone: z.string().describe("IANA time zone, e.g. America/Los_Angeles"),
  requireTotp: z.boolean().describe("Every account must use two-factor sign-in"),
  coachingFollowUpDays: z
    .number()
    .int()
    .describe("Days after training a unit may go without coaching before it is flagged for follow-up"),
  version: z.number().int(),
});
export type Agency = z.infer<typeof ZAgency>;

export const ZAgencySettingsUpdate = z.object({
  name: z.string().trim().min(2, "Enter the agency's name (at least 2 characters).").max(200),
  timeZone: z.string().trim().refine(isValidTimeZone, "Choose a time zone such as America/Los_Angeles."),
  requireTotp: z.boolean(),
  coachingFollowUpDays: z
    .number("Enter a whole number of days.")
    .int("Enter a whole number of days.")
    .min(
      COACHING_FOLLOW_UP_DAYS.min,
      `Enter between ${COACHING_FOLLOW_UP_DAYS.min} and ${COACHING_FOLLOW_UP_DAYS.max} days.`,
    )
    .max(
      COACHING_FOLLOW_UP_DAYS.max,
      `Enter between ${COACHING_FOLLOW_UP_DAYS.min} and ${COACHING_FOLLOW_UP_DAYS.max} days.`,
    )
    .optional()
    .describe("Left out, the stored number of days stays as it is"),
  version: z.number().int().positive(),
});
export type AgencySettingsUpdate = z.infer<typeof ZAgencySettingsUpdate>;
