import { z } from "zod";

/**
 * Partner coaches' hours (SPEC §1, §4): the logged coaching sessions of community and Tribal
 * coaches that still wait for their hours in the partner's compensation log, and what logging
 * them did.
 */
export const ZPartnerCoachingSession = z.object({
  sessionId: z.string(),
  engagementId: z.string(),
  sessionDate: z.string(),
  durationMinutes: z.number().int(),
  hours: z.number(),
  coachName: z.string(),
  /** The coach's partner person, whose page holds their agreements and hours log. */
  partnerPersonId: z.string(),
  coacheeName: z.string(),
  /** False when the partner has no compensation agreement in force on the session's date. */
  hasAgreement: z.boolean(),
});
export type PartnerCoachingSession = z.infer<typeof ZPartnerCoachingSession>;

export const ZPartnerCoachingSessionList = z.object({ items: z.array(ZPartnerCoachingSession) });

/**
 * `over_budget` is a refusal the reader may overrule: logging again with the budget confirmed
 * takes the agreement past its budgeted hours.
 */
export const PARTNER_COACHING_OUTCOMES = ["logged", "already_logged", "not_logged", "over_budget"] as const;

export const ZPartnerCoachingOutcome = z.object({
  sessionId: z.string(),
  coachName: z.string(),
  sessionDate: z.string(),
  outcome: z.enum(PARTNER_COACHING_OUTCOMES),
  hours: z.number().nullable(),
  message: z.string(),
});
export type PartnerCoachingOutcome = z.infer<typeof ZPartnerCoachingOutcome>;

export const ZPartnerCoachingOutcomeList = z.object({ outcomes: z.array(ZPartnerCoachingOutcome) });

export const ZLogPartnerCoachingInput = z.object({
  overBudgetConfirmed: z
    .boolean()
    .default(false)
    .describe("Log the hours even when they take the partner's agreement past its budgeted hours"),
});
export type LogPartnerCoachingInput = z.output<typeof ZLogPartnerCoachingInput>;
