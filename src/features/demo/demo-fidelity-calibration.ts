import type { Db } from "../../db/types.js";
import { insertCalibrationAttempt, insertCalibrationCase } from "../fidelity/calibration.repo.js";

/**
 * One fictional reference case for the nine-measure example, written for Cascade, and the
 * results of three observers: one close to the reference, one within a level nearly everywhere,
 * and one who reads the meeting more generously than the fidelity team and has not passed yet.
 * The demo's partner observer account has not rated it, so a visitor can try it as her.
 */
const DESCRIPTION = [
  "A Tuesday afternoon family meeting at the county office, about eight weeks after a child (age 6) went to stay with an aunt. Present: the mother, the aunt, the caseworker, her supervisor as facilitator, and a youth pastor the mother invited.",
  "The facilitator greets each person by name, explains how long the meeting will last and asks the mother what she wants people to know first. The mother talks about finishing a parenting class; the caseworker adds that visits have been on time every week.",
  "When the conversation turns to the bruise that led to the placement, the caseworker says plainly what the worry is and what would need to be different for the child to come home. The mother becomes upset; the facilitator pauses, acknowledges it and returns to the question a few minutes later.",
  "The pastor offers rides to visits. Nobody asks the aunt what help she needs. The plan is written on the whiteboard mostly in the caseworker's words; the mother agrees to it but adds little. The meeting ends without a date for the next one or a name beside each task.",
].join("\n\n");

const REFERENCE = [
  {
    rating: 4,
    rationale: "Everyone is greeted by name, the purpose and length are explained, and the mother speaks first.",
  },
  { rating: 3, rationale: "The mother is asked for her view early, but her voice fades once the plan is written." },
  {
    rating: 3,
    rationale: "The pastor she invited is there and his offer is taken up; the aunt's own needs are not explored.",
  },
  {
    rating: 3,
    rationale:
      "Progress is named alongside the worry, though strengths and needs are not brought together in one picture.",
  },
  {
    rating: 4,
    rationale:
      "The worry is stated plainly with what would need to change, and the facilitator stays with the mother's distress.",
  },
  { rating: 2, rationale: "The plan is in the caseworker's words; the mother agrees but does not shape it." },
  { rating: 2, rationale: "Apart from rides from the pastor, no community resource is discussed." },
  {
    rating: 3,
    rationale: "The family's church is welcomed, but nobody asks how the family's culture bears on the plan.",
  },
  { rating: 1, rationale: "No next meeting and no one named for each task: follow-through is left open." },
];

/** Observer ratings of the nine measures, in order. */
const ATTEMPTS = [
  { ratings: [4, 3, 3, 3, 4, 2, 2, 3, 2], submittedAt: "2026-09-14T15:20:00.000Z" },
  { ratings: [4, 4, 3, 2, 4, 3, 2, 3, 1], submittedAt: "2026-09-15T10:05:00.000Z" },
  { ratings: [4, 4, 4, 4, 4, 4, 3, 4, 3], submittedAt: "2026-09-16T13:45:00.000Z" },
];

export async function seedDemoCalibration(
  db: Db,
  agencyId: string,
  input: { instrumentId: string; authorUserId: string; observerIds: readonly string[] },
): Promise<void> {
  const caseId = await insertCalibrationCase(
    db,
    agencyId,
    {
      instrumentId: input.instrumentId,
      instrumentVersionNumber: 1,
      title: "Family meeting after a placement with an aunt",
      description: DESCRIPTION,
      reference: REFERENCE.map((r, index) => ({ measureCode: `M${index + 1}`, ...r })),
    },
    input.authorUserId,
    "2026-09-01T09:00:00.000Z",
  );
  for (const [index, observerId] of input.observerIds.entries()) {
    const attempt = ATTEMPTS[index];
    if (!attempt) break;
    await insertCalibrationAttempt(db, agencyId, {
      caseId,
      observerId,
      ratings: attempt.ratings.map((rating, measure) => ({ measureCode: `M${measure + 1}`, rating })),
      submittedAt: attempt.submittedAt,
    });
  }
}
