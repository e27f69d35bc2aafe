import type { Db } from "../../db/types.js";
import { toCount, updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import { OPEN_ENGAGEMENT_STATUSES, type Program, type ProgramInput } from "./coaching.schema.js";

function toProgram(r: {
  id: string;
  name: string;
  program_type: string;
  goal_and_scope: string;
  levels_served: string;
  startup_schedule: string;
  feedback_minimum: number;
  version: number;
}): Program {
  return {
    id: r.id,
    name: r.name,
    programType: r.program_type as Program["programType"],
    goalAndScope: r.goal_and_scope,
    levelsServed: JSON.parse(r.levels_served),
    startupSchedule: JSON.parse(r.startup_schedule),
    feedbackMinimum: r.feedback_minimum,
    version: r.version,
  };
}

export async function findProgramsOfAgency(db: Db, agencyId: string) {
  const rows = await db
    .selectFrom("coaching_programs")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .orderBy("name")
    .orderBy("id")
    .execute();
  return rows.map(toProgram);
}

export async function findProgramById(db: Db, agencyId: string, id: string) {
  const row = await db
    .selectFrom("coaching_programs")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toProgram(row);
}

function programValues(input: ProgramInput) {
  return {
    name: input.name,
    program_type: input.programType,
    goal_and_scope: input.goalAndScope,
    levels_served: JSON.stringify(input.levelsServed),
    startup_schedule: JSON.stringify(input.startupSchedule),
    feedback_minimum: input.feedbackMinimum,
  };
}

export async function insertProgram(db: Db, agencyId: string, input: ProgramInput) {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("coaching_programs")
    .values({ id, agency_id: agencyId, ...programValues(input), created_at: now, updated_at: now, version: 1 })
    .execute();
  return id;
}

export async function updateProgram(db: Db, agencyId: string, id: string, input: ProgramInput, version: number) {
  const result = await db
    .updateTable("coaching_programs")
    .set({ ...programValues(input), updated_at: nowUtc(), version: version + 1 })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

/**
 * People in coaching now (an engagement that is not closed), counted by their level for the
 * whole agency. A person with two engagements counts once.
 */
export async function countPeopleInCoachingByLevel(db: Db, agencyId: string) {
  const rows = await db
    .selectFrom("coaching_engagements as e")
    .innerJoin("people as p", (j) =>
      j.onRef("p.id", "=", "e.coachee_person_id").onRef("p.agency_id", "=", "e.agency_id"),
    )
    .select(["p.level", (eb) => eb.fn.count("e.coachee_person_id").distinct().as("n")])
    .where("e.agency_id", "=", agencyId)
    .where("e.status", "in", OPEN_ENGAGEMENT_STATUSES)
    .groupBy("p.level")
    .execute();
  return rows.map((r) => ({ level: r.level, count: toCount(r.n) }));
}

/**
 * The same count for every program at once, by program and level, so coverage asks once
 * rather than once per program.
 */
export async function countPeopleInCoachingByProgramAndLevel(db: Db, agencyId: string) {
  const rows = await db
    .selectFrom("coaching_engagements as e")
    .innerJoin("people as p", (j) =>
      j.onRef("p.id", "=", "e.coachee_person_id").onRef("p.agency_id", "=", "e.agency_id"),
    )
    .select(["e.program_id", "p.level", (eb) => eb.fn.count("e.coachee_person_id").distinct().as("n")])
    .where("e.agency_id", "=", agencyId)
    .where("e.status", "in", OPEN_ENGAGEMENT_STATUSES)
    .where("e.program_id", "is not", null)
    .groupBy(["e.program_id", "p.level"])
    .execute();
  return rows.map((r) => ({ programId: r.program_id as string, level: r.level, count: toCount(r.n) }));
}

export async function countEngagementsByProgram(db: Db, agencyId: string) {
  const rows = await db
    .selectFrom("coaching_engagements")
    .select(["program_id", (eb) => eb.fn.countAll().as("n")])
    .where("agency_id", "=", agencyId)
    .where("status", "in", OPEN_ENGAGEMENT_STATUSES)
    .groupBy("program_id")
    .execute();
  return new Map(rows.map((r) => [r.program_id, toCount(r.n)]));
}

export async function countOpenRequests(db: Db, agencyId: string) {
  const row = await db
    .selectFrom("coaching_requests")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("agency_id", "=", agencyId)
    .where("status", "=", "requested")
    .executeTakeFirst();
  return toCount(row?.n);
}
