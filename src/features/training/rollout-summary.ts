/**
 * The row agencies add under a rollout grid: how many units (and staff) use the model after
 * each period. Pure, so the seeds' sample totals are checked without a database.
 */

export interface PlannedCell {
  periodIndex: number;
  /** One entry per unit; `staff` is the unit's head count once it is linked to an org unit. */
  units: { staff: number | null }[];
}

export interface PeriodProgress {
  periodIndex: number;
  unitsTrained: number;
  cumulativeUnits: number;
  /** Staff of the linked units trained in the period. */
  staffTrained: number;
  cumulativeStaff: number;
  /** Units of the period not yet linked to an org unit, so their staff are not counted. */
  unlinkedUnits: number;
}

export function cumulativeRollout(periodCount: number, cells: PlannedCell[]): PeriodProgress[] {
  const progress: PeriodProgress[] = [];
  let cumulativeUnits = 0;
  let cumulativeStaff = 0;
  for (let periodIndex = 0; periodIndex < periodCount; periodIndex++) {
    const units = cells.filter((c) => c.periodIndex === periodIndex).flatMap((c) => c.units);
    const staffTrained = units.reduce((sum, u) => sum + (u.staff ?? 0), 0);
    cumulativeUnits += units.length;
    cumulativeStaff += staffTrained;
    progress.push({
      periodIndex,
      unitsTrained: units.length,
      cumulativeUnits,
      staffTrained,
      cumulativeStaff,
      unlinkedUnits: units.filter((u) => u.staff === null).length,
    });
  }
  return progress;
}

/**
 * Against the plan: how many of the planned units were actually trained (by attendance, the day
 * each counts as trained, or null) by the end of each period. Periods that have not started, or
 * whose start is not a known date, get null, so the curve stops at today instead of running flat.
 */
export function actualCumulativeUnits(
  periods: { startDate: string | null }[],
  unitsTrainedFrom: (string | null)[],
  today: string,
): (number | null)[] {
  const trained = unitsTrainedFrom.filter((day): day is string => day !== null);
  return periods.map((period, index) => {
    if (period.startDate === null || period.startDate > today) return null;
    const nextStart = periods[index + 1]?.startDate ?? null;
    // A period still running counts up to today; a finished one up to its last day.
    const finished = nextStart !== null && nextStart <= today;
    return trained.filter((day) => (finished ? day < (nextStart as string) : day <= today)).length;
  });
}
