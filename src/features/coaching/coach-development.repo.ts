import type { Db } from "../../db/types.js";
import { updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import type {
  CoachingSkill,
  CoachObservation,
  ObservationInput,
  RaterKind,
  SkillRatingInput,
} from "./coach-development.schema.js";

/** Names of who rated or observed come from their account, as the audit trail names actors. */
export async function findSkillRatingsOfCoach(db: Db, agencyId: string, coachId: string) {
  const rows = await db
    .selectFrom("coach_skill_ratings as r")
    .innerJoin("users as u", (j) => j.onRef("u.id", "=", "r.rated_by_user_id").onRef("u.agency_id", "=", "r.agency_id"))
    .select(["r.id", "r.skill", "r.rating", "r.rater_kind", "r.rated_on", "r.note", "r.created_at", "u.display_name"])
    .where("r.agency_id", "=", agencyId)
    .where("r.coach_id", "=", coachId)
    .orderBy("r.rated_on", "desc")
    .orderBy("r.created_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    skill: r.skill as CoachingSkill,
    rating: r.rating,
    raterKind: r.rater_kind as RaterKind,
    raterName: r.display_name,
    ratedOn: r.rated_on,
    note: r.note,
    createdAt: r.created_at,
  }));
}

export async function insertSkillRatings(
  db: Db,
  agencyId: string,
  coachId: string,
  input: SkillRatingInput,
  rater: { kind: RaterKind; userId: string },
) {
  const createdAt = nowUtc();
  const rows = input.ratings.map((r) => ({
    id: newId(),
    agency_id: agencyId,
    coach_id: coachId,
    skill: r.skill,
    rating: r.rating,
    rater_kind: rater.kind,
    rated_by_user_id: rater.userId,
    rated_on: input.ratedOn,
    note: r.note,
    created_at: createdAt,
  }));
  await db.insertInto("coach_skill_ratings").values(rows).execute();
  return rows.map((r) => r.id);
}

function observationsQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("coach_observations as o")
    .innerJoin("users as u", (j) => j.onRef("u.id", "=", "o.observer_user_id").onRef("u.agency_id", "=", "o.agency_id"))
    .selectAll("o")
    .select("u.display_name")
    .where("o.agency_id", "=", agencyId);
}

type ObservationSelection = Awaited<ReturnType<ReturnType<typeof observationsQuery>["executeTakeFirstOrThrow"]>>;

function toObservation(r: ObservationSelection): CoachObservation {
  return {
    id: r.id,
    coachId: r.coach_id,
    observedOn: r.observed_on,
    format: r.format as CoachObservation["format"],
    skills: JSON.parse(r.skills),
    strengths: r.strengths,
    thingsToTry: JSON.parse(r.things_to_try),
    observerName: r.display_name,
    coachReflection: r.coach_reflection,
    reflectedAt: r.reflected_at,
    version: r.version,
  };
}

export async function findObservationsOfCoach(db: Db, agencyId: string, coachId: string) {
  const rows = await observationsQuery(db, agencyId)
    .where("o.coach_id", "=", coachId)
    .orderBy("o.observed_on", "desc")
    .orderBy("o.created_at", "desc")
    .execute();
  return rows.map(toObservation);
}

export async function findObservationById(db: Db, agencyId: string, id: string) {
  const row = await observationsQuery(db, agencyId).where("o.id", "=", id).executeTakeFirst();
  return row && toObservation(row);
}

export async function insertObservation(
  db: Db,
  agencyId: string,
  coachId: string,
  input: ObservationInput,
  observerUserId: string,
) {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("coach_observations")
    .values({
      id,
      agency_id: agencyId,
      coach_id: coachId,
      observed_on: input.observedOn,
      format: input.format,
      skills: JSON.stringify(input.skills),
      strengths: input.strengths,
      things_to_try: JSON.stringify(input.thingsToTry),
      observer_user_id: observerUserId,
      coach_reflection: null,
      reflected_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

export async function updateObservationReflection(
  db: Db,
  agencyId: string,
  id: string,
  reflection: string,
  version: number,
) {
  const now = nowUtc();
  const result = await db
    .updateTable("coach_observations")
    .set({ coach_reflection: reflection, reflected_at: now, updated_at: now, version: version + 1 })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}
