import { z } from "zod";

export const ZCalendarFeedStatus = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
});
export type CalendarFeedStatus = z.infer<typeof ZCalendarFeedStatus>;

export const ZNewCalendarFeed = z.object({
  /** The address to paste into a calendar program; shown once, because only its hash is kept. */
  path: z.string(),
  createdAt: z.string(),
});
export type NewCalendarFeed = z.infer<typeof ZNewCalendarFeed>;

/** The secret part of a feed address: 32 random bytes in base64url. */
export const ZCalendarFeedParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, "Not a calendar feed address."),
});
