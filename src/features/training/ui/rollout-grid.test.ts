import { describe, expect, it } from "vitest";
import { differingCells, gridOf, sameGrid } from "./rollout-grid.js";

const unit = (regionLabel: string, unitLabel: string, periodIndex: number | null) => ({
  id: `${regionLabel}-${unitLabel}`,
  regionLabel,
  unitLabel,
  periodIndex,
  leadersPeriodIndex: null,
  orgUnitId: null,
  orgUnitName: null,
  staff: null,
  volunteer: false,
  trainedOn: null,
});

describe("the rollout grid in the browser", () => {
  const plan = {
    periods: [
      { label: "May '12", startDate: "2012-05-01" },
      { label: "July '12", startDate: "2012-07-01" },
    ],
    regions: ["Region 1", "Region 2"],
    units: [
      unit("Region 1", "Unit 1", 0),
      unit("Region 1", "Unit 2", 0),
      unit("Region 1", "Unit 3", 1),
      unit("Region 2", "Unit 1", 1),
      unit("Region 2", "Unit 2", null),
    ],
  };

  it("writes each cell the way agencies do and leaves unscheduled units out", () => {
    expect(gridOf(plan)).toEqual({
      periods: ["May '12", "July '12"],
      regions: [
        { label: "Region 1", cells: ["Units 1,2", "Unit 3"] },
        { label: "Region 2", cells: ["", "Unit 1"] },
      ],
    });
  });

  it("names the cells that differ between my grid and the current one", () => {
    const mine = gridOf(plan);
    const current = {
      ...mine,
      regions: [mine.regions[0] as never, { label: "Region 2", cells: ["Unit 2", "Unit 1"] }],
    };
    expect(differingCells(mine, current)).toEqual([{ label: "Region 2, May '12", mine: "", current: "Unit 2" }]);
  });

  it("reads a plan whose units changed only in their links as the same grid, and a moved unit or period as not", () => {
    const linked = { ...plan, units: plan.units.map((u) => ({ ...u, orgUnitId: "ou-1", volunteer: true })) };
    expect(sameGrid(gridOf(plan), gridOf(linked))).toBe(true);
    const moved = {
      ...plan,
      units: plan.units.map((u) => (u.id === "Region 2-Unit 2" ? { ...u, periodIndex: 0 } : u)),
    };
    expect(sameGrid(gridOf(plan), gridOf(moved))).toBe(false);
    const renamed = { ...plan, periods: [plan.periods[0], { label: "Aug '12", startDate: "2012-08-01" }] };
    expect(sameGrid(gridOf(plan), gridOf(renamed as typeof plan))).toBe(false);
    const extraRegion = { ...plan, regions: [...plan.regions, "Region 3"] };
    expect(sameGrid(gridOf(plan), gridOf(extraRegion))).toBe(false);
  });
});
