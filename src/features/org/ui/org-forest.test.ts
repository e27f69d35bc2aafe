import { describe, expect, it } from "vitest";
import type { OrgUnitNode } from "../org-unit.schema.js";
import { buildOrgForest, flattenOrgForest } from "./org-forest.js";

const unit = (id: string, parentId: string | null, name: string): OrgUnitNode => ({
  id,
  parentId,
  name,
  kind: parentId ? "unit" : "agency",
  retired: false,
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
