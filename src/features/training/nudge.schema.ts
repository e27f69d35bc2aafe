import { z } from "zod";

export const ZNudgeInput = z.object({
  message: z.string().trim().max(500, "Use at most 500 characters.").default(""),
  sessionId: z
    .string()
    .max(64)
    .transform((v) => v || null)
    .nullable()
    .default(null)
    .describe("A session to suggest; without one, the next session with room that fits their job is shown"),
});
export type NudgeInput = z.output<typeof ZNudgeInput>;

export const ZNudge = z.object({
  id: z.string(),
  personId: z.string(),
  nudgedByName: z.string(),
  message: z.string(),
  createdAt: z.string().describe("UTC"),
  dismissedAt: z.string().nullable(),
});

/** What the nudged person sees on their home page. */
export const ZOpenNudge = ZNudge.extend({
  suggestedSession: z.object({ id: z.string(), title: z.string(), startsAt: z.string() }).nullable(),
});
export type OpenNudge = z.infer<typeof ZOpenNudge>;
