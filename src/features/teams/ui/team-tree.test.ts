import { describe, expect, it } from "vitest";
import { teamTree } from "./team-tree.js";

describe("teamTree", () => {
  it("puts each team under the team it escalates to, keeping the given order", () => {
    const teams = [
      { id: "unit-a", parentTeamId: "site" },
      { id: "exec", parentTeamId: null },
      { id: "site", parentTeamId: "exec" },
      { id: "unit-b", parentTeamId: "site" },
      { id: "collab", parentTeamId: null },
    ];
    const shape = (nodes: ReturnType<typeof teamTree<(typeof teams)[number]>>): unknown =>
      nodes.map((n) => [n.team.id, shape(n.children)]);
    expect(shape(teamTree(teams))).toEqual([
      [
        "exec",
        [
          [
            "site",
            [
              ["unit-a", []],
              ["unit-b", []],
            ],
          ],
        ],
      ],
      ["collab", []],
    ]);
  });

  it("treats a team whose parent is unknown as a top team", () => {
    expect(teamTree([{ id: "orphan", parentTeamId: "gone" }]).map((n) => n.team.id)).toEqual(["orphan"]);
  });
});
