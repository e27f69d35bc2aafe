import type { Db } from "../../db/types.js";
import { fieldError, forbidden, notFound } from "../../server/errors.js";
import { type Actor, authorize, canAct } from "../access/policy.js";
import { findCoachById } from "./coach.repo.js";
import type { FeedbackInput, FeedbackSummary } from "./coaching.schema.js";
import { asSelf, audit, inTransaction, loadEngagementFor } from "./coaching-access.js";
import { hasFeedbackForSession, insertFeedback, sumFeedbackOfCoach } from "./feedback.repo.js";
import { findSessionById } from "./session.repo.js";

/** When no program says otherwise, a coach sees feedback only from this many answers up. */
export const DEFAULT_FEEDBACK_MINIMUM = 5;

/**
 * The coachee rates a logged session, or the engagement as a whole. The audit trail records
 * that feedback was given, not the ratings, so nobody can trace an answer to its author there.
 */
export async function giveFeedback(db: Db, actor: Actor, engagementId: string, input: FeedbackInput) {
  return inTransaction(db, async (trx) => {
    const { engagement } = await loadEngagementFor(trx, actor, engagementId, ["coachee"]);
    if (input.sessionId) {
      const session = await findSessionById(trx, actor.agencyId, input.sessionId);
      if (!session || session.engagementId !== engagementId || session.status !== "final") {
        throw fieldError("sessionId", "That session is not a logged session of this engagement.");
      }
      if (await hasFeedbackForSession(trx, actor.agencyId, input.sessionId)) {
        throw fieldError("sessionId", "You have already rated this session.");
      }
    }
    const id = await insertFeedback(trx, actor.agencyId, { ...input, engagementId, coachId: engagement.coachId });
    await audit(
      trx,
      actor,
      { action: "create", entityType: "coaching_feedback", entityId: id, summary: "Gave feedback on coaching" },
      { after: { engagementId, sessionId: input.sessionId } },
    );
    return { id };
  });
}

const average = (sum: number, n: number) => Math.round((sum / n) * 10) / 10;

/**
 * A coach's feedback, per program, as averages only, and only once a program's minimum number
 * of answers is reached. The coach themself and the coaching supervisor may look.
 */
export async function feedbackSummaryForCoach(db: Db, actor: Actor, coachId: string): Promise<FeedbackSummary> {
  const coach = await findCoachById(db, actor.agencyId, coachId);
  if (!coach) throw notFound("The coach");
  authorize(actor, "coaching.participate", asSelf(actor), "The coach");
  const isTheCoach = actor.personId !== null && coach.personId === actor.personId;
  if (!isTheCoach && !canAct(actor, "coaching.manage")) throw forbidden();
  const groups = await sumFeedbackOfCoach(db, actor.agencyId, coachId);
  return {
    coachId,
    groups: groups.map((g) => {
      const minimum = g.feedbackMinimum ?? DEFAULT_FEEDBACK_MINIMUM;
      return {
        programId: g.programId,
        programName: g.programName,
        responses: g.responses,
        minimum,
        averages:
          g.responses >= minimum
            ? {
                satisfaction: average(g.sums.satisfaction, g.responses),
                usefulness: average(g.sums.usefulness, g.responses),
                relationship: average(g.sums.relationship, g.responses),
              }
            : null,
      };
    }),
  };
}
