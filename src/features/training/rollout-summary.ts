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
