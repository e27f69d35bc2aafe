import type { Db } from "../../db/types.js";
import { fieldError, notFound, staleVersion } from "../../server/errors.js";
import { type Actor, authorize } from "../access/policy.js";
import { countStaffByLevel } from "../people/person.service.js";
import { summarizeCoachCapacity } from "./coach.repo.js";
import {
  CASCADE_ORDER,
  type Coverage,
  GOAL_AND_SCOPE_TEMPLATE,
  type Program,
  type ProgramInput,
  type ProgramUpdate,
} from "./coaching.schema.js";
import { asSelf, audit, here, inTransaction } from "./coaching-access.js";
import {
  countEngagementsByProgram,
  countOpenRequests,
  countPeopleInCoachingByLevel,
  countPeopleInCoachingByProgramAndLevel,
  findProgramById,
  findProgramsOfAgency,
  insertProgram,
  updateProgram,
} from "./program.repo.js";

export async function listPrograms(db: Db, actor: Actor) {
  authorize(actor, "coaching.participate", asSelf(actor));
  return { items: await findProgramsOfAgency(db, actor.agencyId), goalAndScopeTemplate: GOAL_AND_SCOPE_TEMPLATE };
}

/**
 * The startup schedule follows the cascade: each level it names is one the program serves,
 * named once, and no level starts before the level above it.
 */
function checkSchedule(input: ProgramInput) {
  const seen = new Set<string>();
  input.startupSchedule.forEach((step, i) => {
    if (!input.levelsServed.includes(step.level)) {
      throw fieldError(`startupSchedule.${i}.level`, "The program does not serve this level.");
    }
    if (seen.has(step.level)) throw fieldError(`startupSchedule.${i}.level`, "This level is already scheduled.");
    seen.add(step.level);
  });
  const byLevel = new Map(input.startupSchedule.map((s) => [s.level, s.startDate]));
  let previous: { level: string; date: string } | null = null;
  for (const level of CASCADE_ORDER) {
    const date = byLevel.get(level);
    if (!date) continue;
    if (previous && date < previous.date) {
      const index = input.startupSchedule.findIndex((s) => s.level === level);
      throw fieldError(
        `startupSchedule.${index}.startDate`,
        `Coaching cascades from the top: this level cannot start before ${previous.level} (${previous.date}).`,
      );
    }
    previous = { level, date };
  }
}

export async function createProgram(db: Db, actor: Actor, input: ProgramInput) {
  authorize(actor, "coaching.manage", here(actor));
  checkSchedule(input);
  return inTransaction(db, async (trx) => {
    const id = await insertProgram(trx, actor.agencyId, input);
    const after = (await findProgramById(trx, actor.agencyId, id)) as Program;
    await audit(
      trx,
      actor,
      {
        action: "create",
        entityType: "coaching_program",
        entityId: id,
        summary: `Created coaching program ${after.name}`,
      },
      { after },
    );
    return after;
  });
}

export async function editProgram(db: Db, actor: Actor, id: string, input: ProgramUpdate) {
  return inTransaction(db, async (trx) => {
    const before = await findProgramById(trx, actor.agencyId, id);
    if (!before) throw notFound("The coaching program");
    authorize(actor, "coaching.manage", here(actor), "The coaching program");
    checkSchedule(input);
    if (!(await updateProgram(trx, actor.agencyId, id, input, input.version))) throw staleVersion(before);
    const after = (await findProgramById(trx, actor.agencyId, id)) as Program;
    await audit(
      trx,
      actor,
      {
        action: "update",
        entityType: "coaching_program",
        entityId: id,
        summary: `Edited coaching program ${after.name}`,
      },
      { before, after },
    );
    return after;
  });
}

/**
 * How far coaching reaches, level by level in cascade order: staff on the payroll and how many
 * of them are in coaching now, for the agency and for each program. Counts only.
 */
export async function getCoverage(db: Db, actor: Actor): Promise<Coverage> {
  authorize(actor, "coaching.aggregates", here(actor));
  const [staff, inCoaching, byProgram, programs, engagementsByProgram, coaches, openRequests] = await Promise.all([
    countStaffByLevel(db, actor.agencyId),
    countPeopleInCoachingByLevel(db, actor.agencyId),
    countPeopleInCoachingByProgramAndLevel(db, actor.agencyId),
    findProgramsOfAgency(db, actor.agencyId),
    countEngagementsByProgram(db, actor.agencyId),
    summarizeCoachCapacity(db, actor.agencyId),
    countOpenRequests(db, actor.agencyId),
  ]);
  const staffOf = (level: string) => staff.find((s) => s.level === level)?.count ?? 0;
  const levels = CASCADE_ORDER.map((level) => ({
    level,
    startDate: null,
    staff: staffOf(level),
    inCoaching: inCoaching.find((c) => c.level === level)?.count ?? 0,
  }));
  const programRows = [];
  for (const program of programs) {
    const reached = byProgram.filter((c) => c.programId === program.id);
    programRows.push({
      id: program.id,
      name: program.name,
      engagements: engagementsByProgram.get(program.id) ?? 0,
      levels: CASCADE_ORDER.filter((level) => program.levelsServed.includes(level)).map((level) => ({
        level,
        startDate: program.startupSchedule.find((s) => s.level === level)?.startDate ?? null,
        staff: staffOf(level),
        inCoaching: reached.find((c) => c.level === level)?.count ?? 0,
      })),
    });
  }
  return {
    levels,
    programs: programRows,
    coaches,
    openRequests,
  };
}
