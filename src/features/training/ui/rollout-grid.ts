import type { RolloutPlan } from "../rollout-plan.schema.js";
import { formatUnitList } from "../unit-lists.js";

export interface GridDraft {
  periods: string[];
  regions: { label: string; cells: string[] }[];
}

/** The plan as the grid agencies draw: one row per region, one cell of unit text per period. */
export function gridOf(plan: Pick<RolloutPlan, "periods" | "regions" | "units">): GridDraft {
  const periods = plan.periods.map((p) => p.label);
  return {
    periods,
    regions: plan.regions.map((label) => ({
      label,
      cells: periods.map((_, periodIndex) =>
        formatUnitList(
          plan.units.filter((u) => u.regionLabel === label && u.periodIndex === periodIndex).map((u) => u.unitLabel),
        ),
      ),
    })),
  };
}

/** Cells that differ between two grids, named the way a person reads the grid. */
export function differingCells(mine: GridDraft, current: GridDraft) {
  const rows: { label: string; mine: string; current: string }[] = [];
  const regionLabels = [...new Set([...mine.regions, ...current.regions].map((r) => r.label))];
  const periodCount = Math.max(mine.periods.length, current.periods.length);
  for (const label of regionLabels) {
    for (let p = 0; p < periodCount; p++) {
      const a = mine.regions.find((r) => r.label === label)?.cells[p] ?? "";
      const b = current.regions.find((r) => r.label === label)?.cells[p] ?? "";
      if (a !== b)
        rows.push({ label: `${label}, ${mine.periods[p] ?? current.periods[p] ?? ""}`, mine: a, current: b });
    }
  }
  return rows;
}

/** Whether two grids read the same: the same periods, regions and unit text in every cell. */
export function sameGrid(a: GridDraft, b: GridDraft) {
  return (
    a.periods.length === b.periods.length &&
    a.periods.every((period, p) => period === b.periods[p]) &&
    a.regions.length === b.regions.length &&
    differingCells(a, b).length === 0
  );
}
