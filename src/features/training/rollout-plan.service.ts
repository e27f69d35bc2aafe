import type { Db } from "../../db/types.js";
import { AppError, type FieldError, fieldError, notFound, staleVersion } from "../../server/errors.js";
import { type Actor, authorize } from "../access/policy.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import { getOrgTree } from "../org/org-unit.service.js";
import { proposeSchedule } from "./auto-planner.js";
import {
  type CohortBounds,
  checkLeadersFirst,
  checkPlannedCohorts,
  checkTrainerCapacity,
  splitIntoCohorts,
} from "./planner-rules.js";
import { type ParsedRegion, parseRolloutPlan, periodStartDate } from "./rollout-import.js";
import { createOrgUnitMatcher } from "./rollout-links.js";
import {
  bumpRolloutPlanVersion,
  deletePlannedUnits,
  findPlannedUnitCounts,
  findPlannedUnits,
  findRolloutPlanById,
  findRolloutPlans,
  insertPlannedUnits,
  insertRolloutPlan,
  type PlannedUnitRow,
  type RolloutPlanRow,
  updatePlannedUnit,
  updateRolloutPlan,
} from "./rollout-plan.repo.js";
import type {
  PlanFinding,
  PlannedUnit,
  PlannedUnitUpdate,
  Proposal,
  RolloutImportInput,
  RolloutPlan,
  RolloutPlanUpdate,
  RolloutSummary,
} from "./rollout-plan.schema.js";
import { actualCumulativeUnits, cumulativeRollout } from "./rollout-summary.js";
import { findUnitsTrainedByAttendance } from "./trained-since.service.js";
import { parseUnitList } from "./unit-lists.js";

const here = (actor: Actor) => ({ agencyId: actor.agencyId });
const PLAN = "The rollout plan";

function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

function audit(
  db: Db,
  actor: Actor,
  event: { action: "create" | "update"; entityId: string; summary: string },
  states: { before?: unknown; after: unknown },
) {
  return recordAuditEvent(db, {
    agencyId: actor.agencyId,
    actorUserId: actor.userId,
    entityType: "rollout_plan",
    ...event,
    ...states,
  });
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

/**
 * The agency's org units with head counts, a matcher from plan labels to them, and the day each
 * counts as actually trained by attendance.
 */
async function orgUnitsFor(db: Db, actor: Actor) {
  const tree = await getOrgTree(db, actor);
  const trainedOn = await findUnitsTrainedByAttendance(
    db,
    actor.agencyId,
    tree.map((u) => u.id),
    todayUtc(),
  );
  return { byId: new Map(tree.map((u) => [u.id, u])), matcher: createOrgUnitMatcher(tree), trainedOn };
}

type OrgUnits = Awaited<ReturnType<typeof orgUnitsFor>>;

function toPlannedUnit(row: PlannedUnitRow, orgUnits: OrgUnits): PlannedUnit {
  const orgUnit = row.orgUnitId ? orgUnits.byId.get(row.orgUnitId) : undefined;
  return {
    id: row.id,
    regionLabel: row.regionLabel,
    unitLabel: row.unitLabel,
    periodIndex: row.periodIndex,
    leadersPeriodIndex: row.leadersPeriodIndex,
    orgUnitId: row.orgUnitId,
    orgUnitName: orgUnit?.name ?? null,
    staff: orgUnit ? orgUnit.headCount : null,
    volunteer: row.volunteer,
    trainedOn: row.orgUnitId ? (orgUnits.trainedOn.get(row.orgUnitId) ?? null) : null,
  };
}

function summaryOf(plan: RolloutPlanRow, units: PlannedUnit[]) {
  const cells = units
    .filter((u): u is PlannedUnit & { periodIndex: number } => u.periodIndex !== null)
    .map((u) => ({ periodIndex: u.periodIndex, units: [{ staff: u.staff }] }));
  const actual = actualCumulativeUnits(
    plan.periods,
    units.map((u) => u.trainedOn),
    todayUtc(),
  );
  return cumulativeRollout(plan.periods.length, cells).map((p) => ({
    ...p,
    actualCumulativeUnits: actual[p.periodIndex] ?? null,
    label: plan.periods[p.periodIndex]?.label ?? "",
    startDate: plan.periods[p.periodIndex]?.startDate ?? null,
  }));
}

const boundsOf = (plan: RolloutPlanRow): CohortBounds => ({
  min: plan.cohortMin,
  max: plan.cohortMax,
  limit: plan.cohortLimit,
});

/** Every rule the planner checks, in words; see planner-rules.ts for each rule's reasoning. */
export function findingsFor(plan: RolloutPlanRow, units: PlannedUnit[]): PlanFinding[] {
  const labels = plan.periods.map((p) => p.label);
  const scheduled = units.filter((u): u is PlannedUnit & { periodIndex: number } => u.periodIndex !== null);
  const findings: PlanFinding[] = [];
  const unlinked = units.filter((u) => u.orgUnitId === null).length;
  if (unlinked > 0) {
    findings.push({
      rule: "unit_links",
      severity: "warning",
      periodIndex: null,
      message: `${unlinked} ${unlinked === 1 ? "unit is" : "units are"} not linked to an org unit yet, so their staff are not counted and cohort sizes are not checked for the periods they are in. Link them below.`,
    });
  }
  findings.push(
    ...checkLeadersFirst(
      scheduled.map((u) => ({
        name: `${u.unitLabel} of ${u.regionLabel}`,
        periodIndex: u.periodIndex,
        leadersPeriodIndex: u.leadersPeriodIndex,
      })),
      labels,
    ),
  );
  const people = labels.map(() => 0);
  const fullyLinked = labels.map(() => true);
  for (const unit of scheduled) {
    if (unit.staff === null) fullyLinked[unit.periodIndex] = false;
    else people[unit.periodIndex] = (people[unit.periodIndex] ?? 0) + unit.staff;
  }
  const bounds = boundsOf(plan);
  findings.push(
    ...checkPlannedCohorts(
      people.map((n, i) => (fullyLinked[i] ? n : 0)),
      bounds,
      labels,
    ),
    ...checkTrainerCapacity(
      people.map((n) => splitIntoCohorts(n, bounds).length),
      plan.sessionsPerPeriod,
      labels,
    ),
  );
  return findings;
}

function toPlan(plan: RolloutPlanRow, units: PlannedUnit[]): RolloutPlan {
  return { ...plan, units };
}

async function loadPlan(db: Db, actor: Actor, id: string, action: "training.read" | "training.manage") {
  const plan = await findRolloutPlanById(db, actor.agencyId, id);
  if (!plan) throw notFound(PLAN);
  authorize(actor, action, here(actor), PLAN);
  return plan;
}

async function planWithUnits(db: Db, actor: Actor, plan: RolloutPlanRow) {
  const [rows, orgUnits] = await Promise.all([findPlannedUnits(db, actor.agencyId, plan.id), orgUnitsFor(db, actor)]);
  return { plan, units: rows.map((r) => toPlannedUnit(r, orgUnits)), rows, orgUnits };
}

function detailOf(plan: RolloutPlanRow, units: PlannedUnit[]) {
  return { ...toPlan(plan, units), summary: summaryOf(plan, units), findings: findingsFor(plan, units) };
}

export async function listRolloutPlans(db: Db, actor: Actor) {
  authorize(actor, "training.read", here(actor));
  const [plans, counts] = await Promise.all([
    findRolloutPlans(db, actor.agencyId),
    findPlannedUnitCounts(db, actor.agencyId),
  ]);
  return {
    items: plans.map((p) => ({
      id: p.id,
      name: p.name,
      periodCount: p.periods.length,
      firstPeriod: p.periods[0]?.label ?? null,
      lastPeriod: p.periods[p.periods.length - 1]?.label ?? null,
      unitCount: counts.get(p.id)?.units ?? 0,
      linkedUnitCount: counts.get(p.id)?.linked ?? 0,
      updatedAt: p.updatedAt,
    })),
  };
}

export async function getRolloutPlan(db: Db, actor: Actor, id: string) {
  const plan = await loadPlan(db, actor, id, "training.read");
  const { units } = await planWithUnits(db, actor, plan);
  return detailOf(plan, units);
}

export async function getRolloutSummary(db: Db, actor: Actor, id: string): Promise<RolloutSummary> {
  const plan = await loadPlan(db, actor, id, "training.read");
  const { units } = await planWithUnits(db, actor, plan);
  return { planId: plan.id, periods: summaryOf(plan, units) };
}

/** Planned units in grid order: region by region, period by period, as written in each cell. */
function unitsFromRegions(regions: ParsedRegion[], matcher: OrgUnits["matcher"]): Omit<PlannedUnitRow, "id">[] {
  const units: Omit<PlannedUnitRow, "id">[] = [];
  for (const region of regions) {
    for (const cell of region.cells) {
      for (const unitLabel of cell.units) {
        units.push({
          regionLabel: region.label,
          unitLabel,
          periodIndex: cell.periodIndex,
          leadersPeriodIndex: null,
          position: units.length,
          orgUnitId: matcher(region.label, unitLabel),
          volunteer: false,
        });
      }
    }
  }
  return units;
}

/**
 * Creates a plan from the grid or long layout (see rollout-import.ts). Unit labels are linked
 * to the org units they clearly name; the rest stay planned units to link later. A file with
 * any problem saves nothing and names each problem's row and column.
 */
export async function importRolloutPlan(db: Db, actor: Actor, input: RolloutImportInput) {
  authorize(actor, "training.manage", here(actor));
  const parsed = parseRolloutPlan(input.text);
  if (!parsed.ok) {
    throw new AppError("VALIDATION", "The plan could not be read; nothing was saved.", {
      fieldErrors: parsed.problems.map((p) => ({
        field: "text",
        message: `Row ${p.row}${p.column ? `, column ${p.column}` : ""}: ${p.message}`,
      })),
    });
  }
  const { periods, regions } = parsed.plan;
  return inTransaction(db, async (trx) => {
    const orgUnits = await orgUnitsFor(trx, actor);
    const id = await insertRolloutPlan(trx, actor.agencyId, {
      name: input.name,
      periods,
      regions: regions.map((r) => r.label),
      cohortMin: input.cohortMin,
      cohortMax: input.cohortMax,
      cohortLimit: input.cohortLimit,
      sessionsPerPeriod: input.sessionsPerPeriod,
    });
    await insertPlannedUnits(trx, actor.agencyId, id, unitsFromRegions(regions, orgUnits.matcher));
    const { plan, units } = await planWithUnits(
      trx,
      actor,
      (await findRolloutPlanById(trx, actor.agencyId, id)) as RolloutPlanRow,
    );
    const after = toPlan(plan, units);
    await audit(
      trx,
      actor,
      {
        action: "create",
        entityId: id,
        summary: `Imported rollout plan ${plan.name}: ${units.length} units over ${periods.length} periods`,
      },
      { after },
    );
    return detailOf(plan, units);
  });
}

/** The grid as edited: each cell's text read back into units, reporting the cell of any problem. */
function readEditedGrid(update: RolloutPlanUpdate) {
  const errors: FieldError[] = [];
  const cells: { regionLabel: string; unitLabel: string; periodIndex: number }[] = [];
  const seenRegions = new Set<string>();
  update.regions.forEach((region, r) => {
    const regionKey = region.label.toLowerCase();
    if (seenRegions.has(regionKey))
      errors.push({ field: `regions.${r}.label`, message: "This region is already in the plan." });
    seenRegions.add(regionKey);
    const seenUnits = new Map<string, string>();
    region.cells.forEach((text, p) => {
      const field = `regions.${r}.cells.${p}`;
      if (text.trim() === "") return;
      if (p >= update.periods.length) {
        errors.push({ field, message: "This cell has no period." });
        return;
      }
      const parsed = parseUnitList(text);
      if ("error" in parsed) {
        errors.push({ field, message: parsed.error });
        return;
      }
      for (const unitLabel of parsed.units) {
        const earlier = seenUnits.get(unitLabel.toLowerCase());
        if (earlier) {
          errors.push({ field, message: `${unitLabel} is already planned for ${earlier}.` });
          continue;
        }
        seenUnits.set(unitLabel.toLowerCase(), update.periods[p] as string);
        cells.push({ regionLabel: region.label, unitLabel, periodIndex: p });
      }
    });
  });
  const periodKeys = new Set<string>();
  update.periods.forEach((label, p) => {
    if (periodKeys.has(label.toLowerCase()))
      errors.push({ field: `periods.${p}`, message: "This period is already in the plan." });
    periodKeys.add(label.toLowerCase());
  });
  if (errors.length > 0) throw new AppError("VALIDATION", "Some fields need attention.", { fieldErrors: errors });
  return cells;
}

const unitKey = (regionLabel: string, unitLabel: string) =>
  `${regionLabel.toLowerCase()}\u0000${unitLabel.toLowerCase()}`;

/**
 * Saves an edited grid. Units that stay keep their link, volunteer flag and leaders' period;
 * units no longer in any cell leave the plan; new units are linked when their label is clear.
 */
export async function editRolloutPlan(db: Db, actor: Actor, id: string, update: RolloutPlanUpdate) {
  const cells = readEditedGrid(update);
  return inTransaction(db, async (trx) => {
    const current = await loadPlan(trx, actor, id, "training.manage");
    const { units: beforeUnits, rows, orgUnits } = await planWithUnits(trx, actor, current);
    const periods = update.periods.map((label) => ({ label, startDate: periodStartDate(label) }));
    const saved = await updateRolloutPlan(
      trx,
      actor.agencyId,
      id,
      { ...update, periods, regions: update.regions.map((r) => r.label) },
      update.version,
    );
    if (!saved) throw staleVersion(detailOf(current, beforeUnits));
    const existing = new Map(rows.map((r) => [unitKey(r.regionLabel, r.unitLabel), r]));
    const fresh: Omit<PlannedUnitRow, "id">[] = [];
    const kept = new Set<string>();
    for (const [position, cell] of cells.entries()) {
      const row = existing.get(unitKey(cell.regionLabel, cell.unitLabel));
      if (row) {
        kept.add(row.id);
        const leadersPeriodIndex =
          row.leadersPeriodIndex !== null && row.leadersPeriodIndex < periods.length ? row.leadersPeriodIndex : null;
        await updatePlannedUnit(trx, actor.agencyId, id, {
          ...row,
          regionLabel: cell.regionLabel,
          periodIndex: cell.periodIndex,
          leadersPeriodIndex,
          position,
        });
      } else {
        fresh.push({
          ...cell,
          leadersPeriodIndex: null,
          position,
          orgUnitId: orgUnits.matcher(cell.regionLabel, cell.unitLabel),
          volunteer: false,
        });
      }
    }
    // Units the auto-planner could not place have no cell; they stay until placed or the plan changes them.
    const gone = rows.filter((r) => !kept.has(r.id) && r.periodIndex !== null).map((r) => r.id);
    await deletePlannedUnits(trx, actor.agencyId, id, gone);
    await insertPlannedUnits(trx, actor.agencyId, id, fresh);
    const after = await planWithUnits(
      trx,
      actor,
      (await findRolloutPlanById(trx, actor.agencyId, id)) as RolloutPlanRow,
    );
    await audit(
      trx,
      actor,
      { action: "update", entityId: id, summary: `Edited rollout plan ${after.plan.name}` },
      { before: toPlan(current, beforeUnits), after: toPlan(after.plan, after.units) },
    );
    return detailOf(after.plan, after.units);
  });
}

/** Links a planned unit to an org unit (or unlinks it), marks it a volunteer, sets its leaders' period. */
export async function editPlannedUnit(db: Db, actor: Actor, planId: string, unitId: string, input: PlannedUnitUpdate) {
  return inTransaction(db, async (trx) => {
    const current = await loadPlan(trx, actor, planId, "training.manage");
    const { units: beforeUnits, rows, orgUnits } = await planWithUnits(trx, actor, current);
    const row = rows.find((r) => r.id === unitId);
    if (!row) throw notFound("The planned unit");
    if (input.orgUnitId && !orgUnits.byId.has(input.orgUnitId)) {
      throw fieldError("orgUnitId", "That org unit does not exist.");
    }
    if (input.leadersPeriodIndex !== null && input.leadersPeriodIndex >= current.periods.length) {
      throw fieldError("leadersPeriodIndex", "Choose one of the plan's periods.");
    }
    if (!(await bumpRolloutPlanVersion(trx, actor.agencyId, planId, input.version))) {
      throw staleVersion(detailOf(current, beforeUnits));
    }
    const updated = { ...row, ...input };
    await updatePlannedUnit(trx, actor.agencyId, planId, updated);
    const after = await planWithUnits(
      trx,
      actor,
      (await findRolloutPlanById(trx, actor.agencyId, planId)) as RolloutPlanRow,
    );
    const unitAfter = after.units.find((u) => u.id === unitId) as PlannedUnit;
    await audit(
      trx,
      actor,
      {
        action: "update",
        entityId: planId,
        summary: `Changed ${row.unitLabel} of ${row.regionLabel} in rollout plan ${current.name}${
          unitAfter.orgUnitName ? ` (linked to ${unitAfter.orgUnitName})` : ""
        }`,
      },
      { before: toPlannedUnit(row, orgUnits), after: unitAfter },
    );
    return detailOf(after.plan, after.units);
  });
}

function proposalFor(plan: RolloutPlanRow, units: PlannedUnit[], volunteersFirst: boolean): Proposal {
  const schedule = proposeSchedule(
    units.map((u) => ({ id: u.id, regionLabel: u.regionLabel, staff: u.staff, volunteer: u.volunteer })),
    {
      periodCount: plan.periods.length,
      bounds: boundsOf(plan),
      sessionsPerPeriod: plan.sessionsPerPeriod,
      volunteersFirst,
    },
  );
  const placed = new Map(schedule.placements.map((p) => [p.id, p]));
  const proposed = units.map((u) => ({
    ...u,
    periodIndex: placed.get(u.id)?.periodIndex ?? null,
    leadersPeriodIndex: placed.get(u.id)?.leadersPeriodIndex ?? null,
  }));
  return {
    placements: schedule.placements.map((p) => ({
      unitId: p.id,
      periodIndex: p.periodIndex,
      leadersPeriodIndex: p.leadersPeriodIndex,
    })),
    unscheduledUnitIds: schedule.unscheduled,
    assumedUnitSize: schedule.assumedUnitSize,
    findings: findingsFor(plan, proposed),
  };
}

/** What the auto-planner would do with the plan's units; nothing is saved. */
export async function proposeRolloutSchedule(db: Db, actor: Actor, id: string, input: { volunteersFirst: boolean }) {
  const plan = await loadPlan(db, actor, id, "training.manage");
  const { units } = await planWithUnits(db, actor, plan);
  return proposalFor(plan, units, input.volunteersFirst);
}

/** Makes the auto-planner's proposal the plan's cells; the person can edit the grid afterwards. */
export async function acceptRolloutProposal(
  db: Db,
  actor: Actor,
  id: string,
  input: { volunteersFirst: boolean; version: number },
) {
  return inTransaction(db, async (trx) => {
    const current = await loadPlan(trx, actor, id, "training.manage");
    const { units: beforeUnits, rows } = await planWithUnits(trx, actor, current);
    const proposal = proposalFor(current, beforeUnits, input.volunteersFirst);
    if (!(await bumpRolloutPlanVersion(trx, actor.agencyId, id, input.version))) {
      throw staleVersion(detailOf(current, beforeUnits));
    }
    const placed = new Map(proposal.placements.map((p) => [p.unitId, p]));
    for (const row of rows) {
      const placement = placed.get(row.id);
      await updatePlannedUnit(trx, actor.agencyId, id, {
        ...row,
        periodIndex: placement?.periodIndex ?? null,
        leadersPeriodIndex: placement?.leadersPeriodIndex ?? null,
      });
    }
    const after = await planWithUnits(
      trx,
      actor,
      (await findRolloutPlanById(trx, actor.agencyId, id)) as RolloutPlanRow,
    );
    await audit(
      trx,
      actor,
      {
        action: "update",
        entityId: id,
        summary: `Accepted the auto-planner's schedule for rollout plan ${current.name}${
          input.volunteersFirst ? " (volunteer units first)" : ""
        }`,
      },
      { before: toPlan(current, beforeUnits), after: toPlan(after.plan, after.units) },
    );
    return detailOf(after.plan, after.units);
  });
}
