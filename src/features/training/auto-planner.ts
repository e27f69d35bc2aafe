import { type CohortBounds, splitIntoCohorts } from "./planner-rules.js";

/**
 * Proposes when each unit trains. The first period is kept for leaders (supervisors, managers
 * and executives), so every unit's leaders train before its staff; units then fill the periods
 * in order, regions taking turns so every region moves forward each period, volunteer units
 * first when asked. A period takes units until one more would need more sessions than the
 * trainers can deliver. Units that fit nowhere are reported, never silently dropped.
 */

export interface UnitToSchedule {
  id: string;
  regionLabel: string;
  /** Staff who train with the unit; null when the unit is not linked to an org unit yet. */
  staff: number | null;
  volunteer: boolean;
}

export interface ScheduleOptions {
  periodCount: number;
  bounds: CohortBounds;
  sessionsPerPeriod: number;
  volunteersFirst: boolean;
}

export interface ProposedSchedule {
  placements: { id: string; periodIndex: number; leadersPeriodIndex: number }[];
  unscheduled: string[];
  /** Staff assumed for a unit whose size is not known yet. */
  assumedUnitSize: number;
}

/** Units of each region in their written order, taken one region at a time in turn. */
function interleaveRegions(units: UnitToSchedule[]): UnitToSchedule[] {
  const byRegion = new Map<string, UnitToSchedule[]>();
  for (const unit of units) byRegion.set(unit.regionLabel, [...(byRegion.get(unit.regionLabel) ?? []), unit]);
  const queues = [...byRegion.values()];
  const order: UnitToSchedule[] = [];
  for (let i = 0; order.length < units.length; i++) {
    for (const queue of queues) {
      const next = queue[i];
      if (next) order.push(next);
    }
  }
  return order;
}

export function proposeSchedule(units: UnitToSchedule[], options: ScheduleOptions): ProposedSchedule {
  const known = units.map((u) => u.staff).filter((s): s is number => s !== null);
  const assumedUnitSize = known.length > 0 ? Math.round(known.reduce((a, b) => a + b, 0) / known.length) : 8;
  const ordered = options.volunteersFirst
    ? [...interleaveRegions(units.filter((u) => u.volunteer)), ...interleaveRegions(units.filter((u) => !u.volunteer))]
    : interleaveRegions(units);
  const placements: ProposedSchedule["placements"] = [];
  const unscheduled: string[] = [];
  const firstStaffPeriod = options.periodCount > 1 ? 1 : 0;
  let periodIndex = firstStaffPeriod;
  let peopleInPeriod = 0;
  const fits = (people: number) => splitIntoCohorts(people, options.bounds).length <= options.sessionsPerPeriod;
  for (const unit of ordered) {
    const size = unit.staff ?? assumedUnitSize;
    while (periodIndex < options.periodCount && !fits(peopleInPeriod + size)) {
      // A unit too big for an empty period would never fit: leave it for a person to split.
      if (peopleInPeriod === 0) break;
      periodIndex++;
      peopleInPeriod = 0;
    }
    if (periodIndex >= options.periodCount || !fits(peopleInPeriod + size)) {
      unscheduled.push(unit.id);
      continue;
    }
    peopleInPeriod += size;
    placements.push({ id: unit.id, periodIndex, leadersPeriodIndex: 0 });
  }
  return { placements, unscheduled, assumedUnitSize };
}
