import type { Db } from "../../db/types.js";
import { toCount } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import type { FeedbackInput } from "./coaching.schema.js";

/** No coachee id is stored with an answer: a coach's view can only ever be an aggregate. */
export async function insertFeedback(
  db: Db,
  agencyId: string,
  feedback: FeedbackInput & { engagementId: string; coachId: string },
) {
  const id = newId();
  await db
    .insertInto("coaching_feedback")
    .values({
      id,
      agency_id: agencyId,
      engagement_id: feedback.engagementId,
      session_id: feedback.sessionId,
      coach_id: feedback.coachId,
      satisfaction: feedback.satisfaction,
      usefulness: feedback.usefulness,
      relationship: feedback.relationship,
      created_at: nowUtc(),
    })
    .execute();
  return id;
}

export async function countFeedbackOfEngagement(db: Db, agencyId: string, engagementId: string) {
  const row = await db
    .selectFrom("coaching_feedback")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("agency_id", "=", agencyId)
    .where("engagement_id", "=", engagementId)
    .executeTakeFirst();
  return toCount(row?.n);
}

export async function hasFeedbackForSession(db: Db, agencyId: string, sessionId: string) {
  const row = await db
    .selectFrom("coaching_feedback")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A coach's feedback per program: counts and sums only. */
export async function sumFeedbackOfCoach(db: Db, agencyId: string, coachId: string) {
  const rows = await db
    .selectFrom("coaching_feedback as f")
    .innerJoin("coaching_engagements as e", (j) =>
      j.onRef("e.id", "=", "f.engagement_id").onRef("e.agency_id", "=", "f.agency_id"),
    )
    .leftJoin("coaching_programs as g", (j) =>
      j.onRef("g.id", "=", "e.program_id").onRef("g.agency_id", "=", "e.agency_id"),
    )
    .select(["e.program_id", "g.name as program_name", "g.feedback_minimum"])
    .select((eb) => [
      eb.fn.countAll().as("n"),
      eb.fn.sum("f.satisfaction").as("satisfaction"),
      eb.fn.sum("f.usefulness").as("usefulness"),
      eb.fn.sum("f.relationship").as("relationship"),
    ])
    .where("f.agency_id", "=", agencyId)
    .where("f.coach_id", "=", coachId)
    .groupBy(["e.program_id", "g.name", "g.feedback_minimum"])
    .execute();
  return rows.map((r) => ({
    programId: r.program_id,
    programName: r.program_name,
    feedbackMinimum: r.feedback_minimum,
    responses: toCount(r.n),
    sums: {
      satisfaction: Number(r.satisfaction ?? 0),
      usefulness: Number(r.usefulness ?? 0),
      relationship: Number(r.relationship ?? 0),
    },
  }));
}
