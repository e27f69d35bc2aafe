import type { Db } from "../../src/db/types.js";
import { insertCurriculum } from "../../src/features/training/curriculum.repo.js";
import {
  findPlannedUnits,
  findRolloutPlanById,
  insertPlannedUnits,
  insertRolloutPlan,
} from "../../src/features/training/rollout-plan.repo.js";
import { insertEnrollments, insertSession, insertTrainers } from "../../src/features/training/session.repo.js";
import { formatUnitList } from "../../src/features/training/unit-lists.js";
import type { World } from "./world.js";

/** A two-period rollout plan of the world's North region: Unit N1 linked, N2 not yet. */
export async function buildRolloutPlan(db: Db, world: World): Promise<string> {
  const agencyId = world.agency.id;
  const id = await insertRolloutPlan(db, agencyId, {
    name: "North rollout",
    periods: [
      { label: "May '12", startDate: "2012-05-01" },
      { label: "July '12", startDate: "2012-07-01" },
    ],
    regions: ["North"],
    cohortMin: 10,
    cohortMax: 20,
    cohortLimit: 35,
    sessionsPerPeriod: 6,
  });
  await insertPlannedUnits(db, agencyId, id, [
    {
      regionLabel: "North",
      unitLabel: "N1",
      periodIndex: 0,
      leadersPeriodIndex: null,
      position: 0,
      orgUnitId: world.units.unitN1.id,
      volunteer: false,
    },
    {
      regionLabel: "North",
      unitLabel: "N2",
      periodIndex: 1,
      leadersPeriodIndex: null,
      position: 1,
      orgUnitId: null,
      volunteer: false,
    },
  ]);
  return id;
}

async function agencyOfPlan(db: Db, planId: string) {
  const row = await db
    .selectFrom("training_rollout_plans")
    .select("agency_id")
    .where("id", "=", planId)
    .executeTakeFirst();
  return row?.agency_id ?? null;
}

/** Everything a write may change about a plan: its row and its planned units. */
export async function rolloutPlanState(db: Db, planId: string): Promise<string> {
  const [plan, units] = await Promise.all([
    db.selectFrom("training_rollout_plans").selectAll().where("id", "=", planId).executeTakeFirst(),
    db.selectFrom("training_planned_units").selectAll().where("plan_id", "=", planId).orderBy("id").execute(),
  ]);
  return JSON.stringify({ plan, units });
}

/** A valid grid edit of the plan as it is now (or of a made-up one), so only authorization decides. */
export async function rolloutPlanEditBody(db: Db, planId: string) {
  const agencyId = await agencyOfPlan(db, planId);
  const plan = agencyId ? await findRolloutPlanById(db, agencyId, planId) : undefined;
  const units = agencyId ? await findPlannedUnits(db, agencyId, planId) : [];
  const periods = plan?.periods.map((p) => p.label) ?? ["May '12"];
  const regions = (plan?.regions ?? ["North"]).map((label) => ({
    label,
    cells: periods.map((_, p) =>
      formatUnitList(units.filter((u) => u.regionLabel === label && u.periodIndex === p).map((u) => u.unitLabel)),
    ),
  }));
  return {
    name: plan?.name ?? "A plan",
    periods,
    regions,
    cohortMin: 10,
    cohortMax: 20,
    cohortLimit: 35,
    sessionsPerPeriod: 6,
    version: plan?.version ?? 1,
  };
}

/** The body for changing the plan's first unit; the plan's current version, so only authorization decides. */
export async function plannedUnitEditBody(db: Db, planId: string) {
  const row = await db
    .selectFrom("training_rollout_plans")
    .select("version")
    .where("id", "=", planId)
    .executeTakeFirst();
  return { orgUnitId: null, volunteer: true, leadersPeriodIndex: 0, version: row?.version ?? 1 };
}

export async function firstPlannedUnitId(db: Db, planId: string): Promise<string | null> {
  const row = await db
    .selectFrom("training_planned_units")
    .select("id")
    .where("plan_id", "=", planId)
    .orderBy("position")
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Forgets when each unit's leaders train, so accepting the auto-planner's proposal changes the plan. */
export async function clearLeaderPeriods(db: Db, planId: string) {
  await db
    .updateTable("training_planned_units")
    .set({ leaders_period_index: null })
    .where("plan_id", "=", planId)
    .execute();
}

export async function rolloutPlansOf(db: Db, agencyId: string) {
  const rows = await db.selectFrom("training_rollout_plans").select("id").where("agency_id", "=", agencyId).execute();
  return String(rows.length);
}

/** A curriculum of one module, with no model items, built straight in the database. */
export async function buildCurriculum(db: Db, world: World): Promise<string> {
  return insertCurriculum(db, world.agency.id, {
    title: "Foundations",
    description: "",
    modelId: null,
    modelVersionNumber: null,
    modules: [
      {
        id: "module-1",
        title: "Engaging families",
        durationMinutes: 120,
        audiences: ["social_workers"],
        elementIds: [],
        behaviorIds: [],
      },
    ],
  });
}

export async function curriculumState(db: Db, id: string): Promise<string> {
  return JSON.stringify(await db.selectFrom("training_curricula").selectAll().where("id", "=", id).executeTakeFirst());
}

/** A valid edit of the curriculum as it is now, so only authorization decides. */
export async function curriculumEditBody(db: Db, id: string) {
  const row = await db.selectFrom("training_curricula").select("version").where("id", "=", id).executeTakeFirst();
  return {
    title: "Foundations",
    description: "",
    modules: [{ id: "module-1", title: "Engaging families", durationMinutes: 120, audiences: ["social_workers"] }],
    version: row?.version ?? 1,
  };
}

export async function curriculaOf(db: Db, agencyId: string) {
  const rows = await db.selectFrom("training_curricula").select("id").where("agency_id", "=", agencyId).execute();
  return String(rows.length);
}

/** A session trained by the world's trainer, with the N1 worker enrolled. */
export async function buildTrainingSession(db: Db, world: World): Promise<string> {
  const agencyId = world.agency.id;
  const trainer = await db
    .selectFrom("users")
    .select("person_id")
    .where("email", "=", world.emails.trainer)
    .executeTakeFirstOrThrow();
  const id = await insertSession(db, agencyId, {
    title: "Foundations",
    curriculumId: null,
    moduleIds: [],
    startsAt: "2026-12-03T15:00:00.000Z",
    endsAt: "2026-12-03T18:00:00.000Z",
    place: "North Office",
    videoLink: "",
    facility: "",
    capacity: 20,
  });
  await insertTrainers(db, agencyId, id, [{ personId: trainer.person_id, partnerPersonId: null, role: "lead" }]);
  await insertEnrollments(db, agencyId, id, [world.people.workerN1.id]);
  // Far in the future and empty, so a new hire always has a session to join.
  const onboarding = await insertSession(db, agencyId, {
    title: "Onboarding",
    curriculumId: null,
    moduleIds: [],
    startsAt: "2099-01-05T15:00:00.000Z",
    endsAt: "2099-01-05T18:00:00.000Z",
    place: "North Office",
    videoLink: "",
    facility: "",
    capacity: 20,
  });
  await insertTrainers(db, agencyId, onboarding, [
    { personId: trainer.person_id, partnerPersonId: null, role: "lead" },
  ]);
  return id;
}

/** How many sessions a person is enrolled in. */
export async function enrollmentsOf(db: Db, personId: string) {
  const rows = await db.selectFrom("training_enrollments").select("id").where("person_id", "=", personId).execute();
  return String(rows.length);
}

/** Takes a person out of every session, so the onboarding route can enroll them again. */
export async function removeEnrollments(db: Db, personId: string) {
  await db.deleteFrom("training_enrollments").where("person_id", "=", personId).execute();
}

export async function trainingSessionState(db: Db, id: string): Promise<string> {
  const [session, enrollments] = await Promise.all([
    db.selectFrom("training_sessions").selectAll().where("id", "=", id).executeTakeFirst(),
    db.selectFrom("training_enrollments").selectAll().where("session_id", "=", id).orderBy("id").execute(),
  ]);
  return JSON.stringify({ session, enrollments });
}

/** Marks every enrollee present, at the session's current version, so only authorization decides. */
export async function attendanceBody(db: Db, id: string) {
  const [session, enrollments] = await Promise.all([
    db.selectFrom("training_sessions").select("version").where("id", "=", id).executeTakeFirst(),
    db.selectFrom("training_enrollments").select("person_id").where("session_id", "=", id).execute(),
  ]);
  return {
    // A session that does not exist has no enrollees; a made-up one keeps the body valid so the id decides.
    records:
      enrollments.length > 0
        ? enrollments.map((e) => ({ personId: e.person_id, attendance: "present" }))
        : [{ personId: "nobody", attendance: "present" }],
    version: session?.version ?? 1,
  };
}

/** The session's own fields and trainers at its current version, so only authorization decides. */
export async function sessionEditBody(db: Db, id: string) {
  const [session, trainers] = await Promise.all([
    db.selectFrom("training_sessions").select(["title", "version"]).where("id", "=", id).executeTakeFirst(),
    db
      .selectFrom("training_session_trainers")
      .select(["person_id", "partner_person_id", "role"])
      .where("session_id", "=", id)
      .execute(),
  ]);
  return {
    title: session?.title ?? "Foundations",
    date: "2026-12-03",
    startTime: "09:00",
    endTime: "12:00",
    place: "North Office, room 3",
    capacity: 20,
    // A made-up session keeps the body valid with a made-up trainer, so the id decides.
    trainers:
      trainers.length > 0
        ? trainers.map((t) => ({ personId: t.person_id, partnerPersonId: t.partner_person_id, role: t.role }))
        : [{ personId: "nobody", role: "lead" }],
    version: session?.version ?? 1,
  };
}

export async function trainingSessionsOf(db: Db, agencyId: string) {
  const rows = await db.selectFrom("training_sessions").select("id").where("agency_id", "=", agencyId).execute();
  return String(rows.length);
}
