import type { Db } from "../../db/types.js";
import { toCount, updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import type { SurveyAnswer, SurveyItem, SurveyPhase } from "./survey.schema.js";

export interface InstrumentRow {
  id: string;
  modelId: string | null;
  items: SurveyItem[];
  version: number;
}

export async function findSurveyInstrument(db: Db, agencyId: string): Promise<InstrumentRow | undefined> {
  const row = await db
    .selectFrom("training_survey_instruments")
    .select(["id", "model_id", "items_json", "version"])
    .where("agency_id", "=", agencyId)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      modelId: row.model_id,
      items: JSON.parse(row.items_json) as SurveyItem[],
      version: row.version,
    }
  );
}

export async function insertSurveyInstrument(db: Db, agencyId: string, modelId: string | null, items: SurveyItem[]) {
  const now = nowUtc();
  await db
    .insertInto("training_survey_instruments")
    .values({
      id: newId(),
      agency_id: agencyId,
      model_id: modelId,
      items_json: JSON.stringify(items),
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
}

/** False when the instrument changed since `version` was read. */
export async function updateSurveyInstrument(
  db: Db,
  agencyId: string,
  modelId: string | null,
  items: SurveyItem[],
  version: number,
) {
  const result = await db
    .updateTable("training_survey_instruments")
    .set((eb) => ({
      model_id: modelId,
      items_json: JSON.stringify(items),
      updated_at: nowUtc(),
      version: eb("version", "+", 1),
    }))
    .where("agency_id", "=", agencyId)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

/** Counts rating items of the agency's instrument and its surveys that name any of the items. */
export async function findSurveyItemsOfModel(db: Db, agencyId: string, modelId: string) {
  const [instruments, surveys] = await Promise.all([
    db
      .selectFrom("training_survey_instruments")
      .select("items_json")
      .where("agency_id", "=", agencyId)
      .where("model_id", "=", modelId)
      .execute(),
    db
      .selectFrom("training_surveys")
      .select("items_json")
      .where("agency_id", "=", agencyId)
      .where("model_id", "=", modelId)
      .execute(),
  ]);
  return [...instruments, ...surveys].flatMap((r) => JSON.parse(r.items_json) as SurveyItem[]);
}

export interface SurveyRow {
  id: string;
  sessionId: string;
  phase: SurveyPhase;
  retrospective: boolean;
  modelId: string | null;
  items: SurveyItem[];
  openedAt: string;
  closedAt: string | null;
  responses: number;
}

function surveysQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("training_surveys as s")
    .select(["s.id", "s.session_id", "s.phase", "s.retrospective", "s.model_id", "s.items_json", "s.opened_at"])
    .select("s.closed_at")
    .select((eb) =>
      eb
        .selectFrom("training_survey_responses as r")
        .select((c) => c.fn.countAll().as("n"))
        .whereRef("r.survey_id", "=", "s.id")
        .whereRef("r.agency_id", "=", "s.agency_id")
        .as("responses"),
    )
    .where("s.agency_id", "=", agencyId);
}

type SurveySelection = Awaited<ReturnType<ReturnType<typeof surveysQuery>["executeTakeFirstOrThrow"]>>;

function toSurveyRow(r: SurveySelection): SurveyRow {
  return {
    id: r.id,
    sessionId: r.session_id,
    phase: r.phase as SurveyPhase,
    retrospective: r.retrospective === 1,
    modelId: r.model_id,
    items: JSON.parse(r.items_json) as SurveyItem[],
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    responses: toCount(r.responses),
  };
}

export async function findSurveysOfSession(db: Db, agencyId: string, sessionId: string) {
  const rows = await surveysQuery(db, agencyId)
    .where("s.session_id", "=", sessionId)
    .orderBy("s.phase", "desc")
    .execute();
  return rows.map(toSurveyRow);
}

export async function findSurveyById(db: Db, agencyId: string, id: string) {
  const row = await surveysQuery(db, agencyId).where("s.id", "=", id).executeTakeFirst();
  return row && toSurveyRow(row);
}

/** Open surveys of the sessions the person is enrolled in, oldest session first. */
export async function findOpenSurveysOfPerson(db: Db, agencyId: string, personId: string) {
  const rows = await surveysQuery(db, agencyId)
    .innerJoin("training_enrollments as e", (join) =>
      join.onRef("e.session_id", "=", "s.session_id").onRef("e.agency_id", "=", "s.agency_id"),
    )
    .innerJoin("training_sessions as t", (join) =>
      join.onRef("t.id", "=", "s.session_id").onRef("t.agency_id", "=", "s.agency_id"),
    )
    .where("e.person_id", "=", personId)
    .where("s.closed_at", "is", null)
    .orderBy("t.starts_at")
    .orderBy("s.phase", "desc")
    .execute();
  return rows.map(toSurveyRow);
}

/** Every survey of the sessions the person is enrolled in. */
export async function findSurveysOfPerson(db: Db, agencyId: string, personId: string) {
  const rows = await surveysQuery(db, agencyId)
    .innerJoin("training_enrollments as e", (join) =>
      join.onRef("e.session_id", "=", "s.session_id").onRef("e.agency_id", "=", "s.agency_id"),
    )
    .where("e.person_id", "=", personId)
    .execute();
  return rows.map(toSurveyRow);
}

export async function insertSurvey(
  db: Db,
  agencyId: string,
  survey: {
    sessionId: string;
    phase: SurveyPhase;
    retrospective: boolean;
    modelId: string | null;
    items: SurveyItem[];
  },
) {
  const id = newId();
  await db
    .insertInto("training_surveys")
    .values({
      id,
      agency_id: agencyId,
      session_id: survey.sessionId,
      phase: survey.phase,
      retrospective: survey.retrospective ? 1 : 0,
      model_id: survey.modelId,
      items_json: JSON.stringify(survey.items),
      opened_at: nowUtc(),
      closed_at: null,
    })
    .execute();
  return id;
}

export async function closeSurvey(db: Db, agencyId: string, id: string) {
  await db
    .updateTable("training_surveys")
    .set({ closed_at: nowUtc() })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("closed_at", "is", null)
    .execute();
}

/** Each respondent's answers to the survey, by person id. */
export async function findResponsesOfSurvey(db: Db, agencyId: string, surveyId: string) {
  const rows = await db
    .selectFrom("training_survey_responses")
    .select(["person_id", "answers_json"])
    .where("agency_id", "=", agencyId)
    .where("survey_id", "=", surveyId)
    .execute();
  return new Map(rows.map((r) => [r.person_id, JSON.parse(r.answers_json) as SurveyAnswer[]]));
}

export async function findResponseOfPerson(db: Db, agencyId: string, surveyId: string, personId: string) {
  const row = await db
    .selectFrom("training_survey_responses")
    .select(["id", "answers_json"])
    .where("agency_id", "=", agencyId)
    .where("survey_id", "=", surveyId)
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return row && { id: row.id, answers: JSON.parse(row.answers_json) as SurveyAnswer[] };
}

/** One response per person and survey: a second answer replaces the first. */
export async function saveResponse(
  db: Db,
  agencyId: string,
  surveyId: string,
  personId: string,
  answers: SurveyAnswer[],
  at = nowUtc(),
) {
  const existing = await findResponseOfPerson(db, agencyId, surveyId, personId);
  if (existing) {
    await db
      .updateTable("training_survey_responses")
      .set({ answers_json: JSON.stringify(answers), updated_at: at })
      .where("agency_id", "=", agencyId)
      .where("id", "=", existing.id)
      .execute();
    return;
  }
  await db
    .insertInto("training_survey_responses")
    .values({
      id: newId(),
      agency_id: agencyId,
      survey_id: surveyId,
      person_id: personId,
      answers_json: JSON.stringify(answers),
      submitted_at: at,
      updated_at: at,
    })
    .execute();
}

function inviteesQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("training_enrollments as e")
    .innerJoin("people as p", (join) => join.onRef("p.id", "=", "e.person_id").onRef("p.agency_id", "=", "e.agency_id"))
    .leftJoin("org_units as u", (join) =>
      join.onRef("u.id", "=", "p.org_unit_id").onRef("u.agency_id", "=", "p.agency_id"),
    )
    .select(["e.session_id", "e.person_id", "p.given_name", "p.family_name", "p.org_unit_id", "u.name as unit_name"])
    .where("e.agency_id", "=", agencyId);
}

type InviteeSelection = Awaited<ReturnType<ReturnType<typeof inviteesQuery>["execute"]>>[number];

function toInvitees(rows: InviteeSelection[]) {
  return rows
    .map((r) => ({
      sessionId: r.session_id,
      personId: r.person_id,
      name: `${r.given_name} ${r.family_name}`,
      orgUnitId: r.org_unit_id,
      orgUnitName: r.unit_name,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The session's enrolled people with their names and org units, for the results. */
export async function findInviteesOfSession(db: Db, agencyId: string, sessionId: string) {
  const rows = await inviteesQuery(db, agencyId).where("e.session_id", "=", sessionId).execute();
  return toInvitees(rows).map(({ sessionId: _session, ...invitee }) => invitee);
}

/** The people enrolled in these sessions (only those of `personIds` when given), each with their session. */
export async function findInviteesOfSessions(
  db: Db,
  agencyId: string,
  sessionIds: string[],
  personIds: string[] | null,
) {
  if (sessionIds.length === 0 || personIds?.length === 0) return [];
  let query = inviteesQuery(db, agencyId).where("e.session_id", "in", sessionIds);
  if (personIds) query = query.where("e.person_id", "in", personIds);
  return toInvitees(await query.execute());
}

/** Every survey the agency has opened, with its items. */
export async function findSurveysOfAgency(db: Db, agencyId: string) {
  const rows = await surveysQuery(db, agencyId).orderBy("s.opened_at").execute();
  return rows.map(toSurveyRow);
}

/** Answers to the agency's surveys (only of `personIds` when given): survey id → person id → answers. */
export async function findResponsesOfAgency(db: Db, agencyId: string, personIds: string[] | null) {
  const bySurvey = new Map<string, Map<string, SurveyAnswer[]>>();
  if (personIds?.length === 0) return bySurvey;
  let query = db
    .selectFrom("training_survey_responses")
    .select(["survey_id", "person_id", "answers_json"])
    .where("agency_id", "=", agencyId);
  if (personIds) query = query.where("person_id", "in", personIds);
  for (const row of await query.execute()) {
    const answers = bySurvey.get(row.survey_id) ?? new Map<string, SurveyAnswer[]>();
    answers.set(row.person_id, JSON.parse(row.answers_json) as SurveyAnswer[]);
    bySurvey.set(row.survey_id, answers);
  }
  return bySurvey;
}

/** Open surveys of the person's sessions that they have not answered yet. */
export async function countUnansweredOpenSurveysOfPerson(db: Db, agencyId: string, personId: string) {
  const row = await db
    .selectFrom("training_surveys as s")
    .innerJoin("training_enrollments as e", (join) =>
      join.onRef("e.session_id", "=", "s.session_id").onRef("e.agency_id", "=", "s.agency_id"),
    )
    .select((eb) => eb.fn.countAll().as("n"))
    .where("s.agency_id", "=", agencyId)
    .where("e.person_id", "=", personId)
    .where("s.closed_at", "is", null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("training_survey_responses as r")
            .select("r.id")
            .whereRef("r.survey_id", "=", "s.id")
            .whereRef("r.agency_id", "=", "s.agency_id")
            .where("r.person_id", "=", personId),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return toCount(row.n);
}
