import type { Db } from "../../src/db/types.js";
import { insertSurvey, insertSurveyInstrument } from "../../src/features/training/survey.repo.js";
import type { SurveyItem } from "../../src/features/training/survey.schema.js";
import type { World } from "./world.js";

const KNOWLEDGE_ONLY: SurveyItem[] = [
  {
    id: "q1",
    kind: "knowledge",
    elementId: null,
    prompt: "Which is right?",
    options: ["This", "That"],
    correctOption: 1,
  },
];

/** An instrument of one knowledge question, and the session's pre survey open with it. */
export async function buildTrainingSurvey(db: Db, world: World, sessionId: string): Promise<string> {
  await insertSurveyInstrument(db, world.agency.id, null, KNOWLEDGE_ONLY);
  return insertSurvey(db, world.agency.id, {
    sessionId,
    phase: "pre",
    retrospective: false,
    modelId: null,
    items: KNOWLEDGE_ONLY,
  });
}

export async function surveyInstrumentState(db: Db, agencyId: string): Promise<string> {
  return JSON.stringify(
    await db.selectFrom("training_survey_instruments").selectAll().where("agency_id", "=", agencyId).executeTakeFirst(),
  );
}

/** A valid save of the instrument as it is now, so only authorization decides. */
export async function surveyInstrumentBody(db: Db, agencyId: string) {
  const row = await db
    .selectFrom("training_survey_instruments")
    .select("version")
    .where("agency_id", "=", agencyId)
    .executeTakeFirst();
  return { items: KNOWLEDGE_ONLY, version: row?.version ?? 0 };
}

/** The session's surveys and their responses: what opening or closing one changes. */
export async function sessionSurveysState(db: Db, sessionId: string): Promise<string> {
  return JSON.stringify(
    await db.selectFrom("training_surveys").selectAll().where("session_id", "=", sessionId).orderBy("id").execute(),
  );
}

/** Back to just the open pre survey: no post survey, the pre survey open. */
export async function resetSessionSurveys(db: Db, sessionId: string): Promise<void> {
  const posts = await db
    .selectFrom("training_surveys")
    .select("id")
    .where("session_id", "=", sessionId)
    .where("phase", "=", "post")
    .execute();
  for (const { id } of posts) {
    await db.deleteFrom("training_survey_responses").where("survey_id", "=", id).execute();
    await db.deleteFrom("training_surveys").where("id", "=", id).execute();
  }
  await db.updateTable("training_surveys").set({ closed_at: null }).where("session_id", "=", sessionId).execute();
}

export async function surveyState(db: Db, surveyId: string): Promise<string> {
  const [survey, responses] = await Promise.all([
    db.selectFrom("training_surveys").selectAll().where("id", "=", surveyId).executeTakeFirst(),
    db.selectFrom("training_survey_responses").selectAll().where("survey_id", "=", surveyId).orderBy("id").execute(),
  ]);
  return JSON.stringify({ survey, responses });
}

/** Open again, with no answers, so closing or answering it can succeed. */
export async function reopenSurvey(db: Db, surveyId: string): Promise<void> {
  await db.deleteFrom("training_survey_responses").where("survey_id", "=", surveyId).execute();
  await db.updateTable("training_surveys").set({ closed_at: null }).where("id", "=", surveyId).execute();
}

/** Answers to every question of the survey (a made-up one when it does not exist). */
export async function surveyAnswersBody(db: Db, surveyId: string) {
  const row = await db
    .selectFrom("training_surveys")
    .select("items_json")
    .where("id", "=", surveyId)
    .executeTakeFirst();
  const items = row ? (JSON.parse(row.items_json) as SurveyItem[]) : KNOWLEDGE_ONLY;
  return {
    answers: items.map((item) =>
      item.kind === "knowledge" ? { itemId: item.id, choice: 0 } : { itemId: item.id, rating: 3 },
    ),
  };
}
