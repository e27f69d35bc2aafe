import type { Db } from "../../db/types.js";
import { findModelInUse } from "../model/model.service.js";
import { closeSurvey, insertSurvey, insertSurveyInstrument, saveResponse } from "../training/survey.repo.js";
import type { SurveyAnswer, SurveyItem } from "../training/survey.schema.js";
import { starterSurveyItems } from "../training/survey-starter.js";

/** How many rating points person `p` gains on item `i` (1 or 2), so the change varies but always shows. */
const gain = (p: number, i: number) => 1 + ((p * 3 + i) % 2);
/** Before the training: 2 or 3 on the 1–5 scale. */
const startingRating = (p: number, i: number) => 2 + ((p + i) % 2);

function answersOf(items: SurveyItem[], p: number, phase: "pre" | "post"): SurveyAnswer[] {
  return items.map((item, i) => {
    if (item.kind === "knowledge") {
      const correct = item.correctOption ?? 0;
      // Before, about half the answers are right; after, all but one person's last question.
      const right = phase === "pre" ? (p + i) % 2 === 0 : !(p === 0 && i === items.length - 1);
      return {
        itemId: item.id,
        rating: null,
        ratingBefore: null,
        choice: right ? correct : (correct + 1) % item.options.length,
      };
    }
    const before = startingRating(p, i);
    const rating = phase === "pre" ? before : Math.min(5, before + gain(p, i));
    return { itemId: item.id, rating, ratingBefore: null, choice: null };
  });
}

/**
 * The demo's survey instrument (the starter made from the demo model) and the held session's pre
 * and post surveys, both closed. Everyone enrolled answered before; the person who was absent
 * did not answer after, so the response rate and the matched pairs differ from the invited.
 */
export async function seedDemoTrainingSurvey(db: Db, agencyId: string, sessionId: string, enrolledIds: string[]) {
  const model = await findModelInUse(db, agencyId);
  if (!model) return;
  const items = starterSurveyItems(model.content.elements);
  await insertSurveyInstrument(db, agencyId, model.modelId, items);
  const survey = { sessionId, retrospective: false, modelId: model.modelId, items };
  const pre = await insertSurvey(db, agencyId, { ...survey, phase: "pre" });
  const post = await insertSurvey(db, agencyId, { ...survey, phase: "post" });
  for (const [p, personId] of enrolledIds.entries()) {
    await saveResponse(db, agencyId, pre, personId, answersOf(items, p, "pre"), "2026-01-12T15:00:00.000Z");
    if (p === 1) continue;
    await saveResponse(db, agencyId, post, personId, answersOf(items, p, "post"), "2026-01-15T15:00:00.000Z");
  }
  await closeSurvey(db, agencyId, pre);
  await closeSurvey(db, agencyId, post);
}
