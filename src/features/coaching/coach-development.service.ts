import type { Db } from "../../db/types.js";
import { forbidden, notFound, staleVersion } from "../../server/errors.js";
import { type Actor, authorize, canAct } from "../access/policy.js";
import { type CoachRow, findCoachById, findCoachesOfAgency, findCoachIdsOfPerson } from "./coach.repo.js";
import {
  findObservationById,
  findObservationsOfCoach,
  findSkillRatingsOfCoach,
  insertObservation,
  insertSkillRatings,
  updateObservationReflection,
} from "./coach-development.repo.js";
import type {
  CoachDevelopment,
  CoachObservation,
  DevelopmentRelation,
  ObservationInput,
  ReflectionInput,
  SkillRatingInput,
} from "./coach-development.schema.js";
import { asSelf, audit, inTransaction } from "./coaching-access.js";
import { latestBySkill, ratingRounds } from "./skill-profile.js";

/**
 * A coach's development record is theirs and their mentor's: the coach, their mentor coach and
 * the coaching supervisor read it; nobody else does, not the coach's own line supervisor nor
 * administrators, because it is for growing as a coach and never a performance record
 * (docs/decisions/0009-coach-development-readers.md).
 */
async function relationToCoach(db: Db, actor: Actor, coach: CoachRow): Promise<DevelopmentRelation | null> {
  if (actor.personId !== null && coach.personId === actor.personId) return "coach";
  if (actor.personId !== null && coach.mentorCoachId !== null) {
    const ownCoachIds = await findCoachIdsOfPerson(db, actor.agencyId, actor.personId);
    if (ownCoachIds.includes(coach.mentorCoachId)) return "mentor";
  }
  if (canAct(actor, "coachDevelopment.oversee")) return "oversight";
  return null;
}

/** Another agency's coach, or an unknown id, is 404; a coach the actor has no part in is 403. */
async function loadCoachFor(db: Db, actor: Actor, coachId: string, allowed: readonly DevelopmentRelation[]) {
  const coach = await findCoachById(db, actor.agencyId, coachId);
  if (!coach) throw notFound("The coach");
  authorize(actor, "coachDevelopment.participate", asSelf(actor), "The coach");
  const relation = await relationToCoach(db, actor, coach);
  if (!relation || !allowed.includes(relation)) throw forbidden();
  return { coach, relation };
}

const ANYONE_RELATED = ["coach", "mentor", "oversight"] as const;
const MENTORS = ["mentor", "oversight"] as const;

async function developmentOf(db: Db, actor: Actor, coach: CoachRow, relation: DevelopmentRelation) {
  const [ratings, observations, mentor] = await Promise.all([
    findSkillRatingsOfCoach(db, actor.agencyId, coach.id),
    findObservationsOfCoach(db, actor.agencyId, coach.id),
    coach.mentorCoachId ? findCoachById(db, actor.agencyId, coach.mentorCoachId) : undefined,
  ]);
  return {
    coachId: coach.id,
    coachName: coach.name,
    mentorName: mentor?.name ?? null,
    relation,
    latest: latestBySkill(ratings),
    rounds: ratingRounds(ratings),
    ratings: ratings.map(({ createdAt: _createdAt, ...rating }) => rating),
    observations,
  } satisfies CoachDevelopment;
}

export async function getCoachDevelopment(db: Db, actor: Actor, coachId: string): Promise<CoachDevelopment> {
  const { coach, relation } = await loadCoachFor(db, actor, coachId, ANYONE_RELATED);
  return developmentOf(db, actor, coach, relation);
}

/**
 * The coach rates themself; their mentor or the coaching supervisor gives the mentor's view.
 * Who is rating decides the kind, so nobody can file a rating under the other's name. The
 * audit trail records that a rating was given, not the levels, because administrators browse it.
 */
export async function rateCoachingSkills(db: Db, actor: Actor, coachId: string, input: SkillRatingInput) {
  return inTransaction(db, async (trx) => {
    const { coach, relation } = await loadCoachFor(trx, actor, coachId, ANYONE_RELATED);
    const kind = relation === "coach" ? "self" : "mentor";
    await insertSkillRatings(trx, actor.agencyId, coachId, input, { kind, userId: actor.userId });
    await audit(
      trx,
      actor,
      {
        action: "create",
        entityType: "coach_skill_rating",
        entityId: coachId,
        summary: `${kind === "self" ? "Self-rated" : "Mentor rated"} coaching skills of ${coach.name}`,
      },
      { after: { ratedOn: input.ratedOn, raterKind: kind, skills: input.ratings.map((r) => r.skill) } },
    );
    return developmentOf(trx, actor, coach, relation);
  });
}

/** What a mentor saw when observing the coach coach: about the coach's skills, never about the coachee. */
export async function recordCoachObservation(
  db: Db,
  actor: Actor,
  coachId: string,
  input: ObservationInput,
): Promise<CoachObservation> {
  return inTransaction(db, async (trx) => {
    const { coach } = await loadCoachFor(trx, actor, coachId, MENTORS);
    const id = await insertObservation(trx, actor.agencyId, coachId, input, actor.userId);
    await audit(
      trx,
      actor,
      {
        action: "create",
        entityType: "coach_observation",
        entityId: id,
        summary: `Recorded an observation of ${coach.name}'s coaching`,
      },
      { after: { coachId, observedOn: input.observedOn, format: input.format, skills: input.skills } },
    );
    return (await findObservationById(trx, actor.agencyId, id)) as CoachObservation;
  });
}

/** Only the observed coach writes their reflection on an observation; a later save replaces it. */
export async function reflectOnObservation(
  db: Db,
  actor: Actor,
  observationId: string,
  input: ReflectionInput,
): Promise<CoachObservation> {
  return inTransaction(db, async (trx) => {
    const observation = await findObservationById(trx, actor.agencyId, observationId);
    if (!observation) throw notFound("The observation");
    const { coach } = await loadCoachFor(trx, actor, observation.coachId, ["coach"]);
    if (!(await updateObservationReflection(trx, actor.agencyId, observationId, input.reflection, input.version))) {
      throw staleVersion(observation);
    }
    await audit(trx, actor, {
      action: "update",
      entityType: "coach_observation",
      entityId: observationId,
      summary: `${coach.name} reflected on an observation of their coaching`,
    });
    return (await findObservationById(trx, actor.agencyId, observationId)) as CoachObservation;
  });
}

/** The development records the reader may open: their own, their mentees', or all for the coaching supervisor. */
export async function listDevelopmentRecords(db: Db, actor: Actor) {
  authorize(actor, "coachDevelopment.participate", asSelf(actor));
  const coaches = await findCoachesOfAgency(db, actor.agencyId);
  const own = actor.personId === null ? undefined : coaches.find((c) => c.personId === actor.personId);
  const oversees = canAct(actor, "coachDevelopment.oversee");
  const listed: { coachId: string; name: string; relation: DevelopmentRelation }[] = [];
  for (const coach of coaches) {
    if (own && coach.id === own.id) listed.push({ coachId: coach.id, name: coach.name, relation: "coach" });
    else if (own && coach.mentorCoachId === own.id) {
      listed.push({ coachId: coach.id, name: coach.name, relation: "mentor" });
    } else if (oversees) listed.push({ coachId: coach.id, name: coach.name, relation: "oversight" });
  }
  return { ownCoachId: own?.id ?? null, coaches: listed };
}
