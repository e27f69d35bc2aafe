import { describe, expect, it } from "vitest";
import type { OrgUnitNode } from "../org-unit.schema.js";
import { ancestorIds, buildOrgForest, flattenOrgForest, placeableUnits, subtreeIds } from "./org-forest.js";

const unit = (id: string, parentId: string | null, name: string, retired = false): OrgUnitNode => ({
  id,
  parentId,
  name,
  kind: parentId ? "unit" : "agency",
  retired,
  directHeadCount: 0,
  headCount: 0,
  version: 1,
});

describe("buildOrgForest", () => {
  it("nests units under their parents in natural name order", () => {
    const forest = buildOrgForest([
      unit("u10", "root", "Unit 10"),
      unit("root", null, "Agency"),
      unit("u2", "root", "Unit 2"),
      unit("u2a", "u2", "Team A"),
    ]);
    expect(forest.map((n) => n.unit.id)).toEqual(["root"]);
    expect(forest[0]?.children.map((n) => n.unit.name)).toEqual(["Unit 2", "Unit 10"]);
    expect(flattenOrgForest(forest).map((n) => [n.unit.id, n.depth])).toEqual([
      ["root", 0],
      ["u2", 1],
      ["u2a", 2],
      ["u10", 1],
    ]);
  });

  it("keeps a unit whose parent is missing, as a root of its own", () => {
    const forest = buildOrgForest([unit("orphan", "gone", "Orphan unit")]);
    expect(forest.map((n) => n.unit.id)).toEqual(["orphan"]);
  });
});

describe("choosing where a unit or person goes", () => {
  const units = [
    unit("root", null, "Agency"),
    unit("north", "root", "North"),
    unit("n1", "north", "Unit N1"),
    unit("n1a", "n1", "Team N1A"),
    unit("south", "root", "South"),
    unit("old", "root", "Closed office", true),
  ];

  it("finds a unit and everything below it", () => {
    expect([...subtreeIds(units, "north")].sort()).toEqual(["n1", "n1a", "north"]);
    expect([...subtreeIds(units, "n1a")]).toEqual(["n1a"]);
  });

  it("lists the levels above a unit from the top down", () => {
    expect(ancestorIds(units, "n1a")).toEqual(["root", "north", "n1"]);
    expect(ancestorIds(units, "root")).toEqual([]);
  });

  it("offers active units in tree order, without retired ones or the excluded subtree", () => {
    expect(placeableUnits(units).map((n) => n.unit.id)).toEqual(["root", "north", "n1", "n1a", "south"]);
    expect(placeableUnits(units, subtreeIds(units, "n1")).map((n) => n.unit.id)).toEqual(["root", "north", "south"]);
  });
});
