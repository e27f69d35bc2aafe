import type { OrgUnitNode } from "../org-unit.schema.js";

export interface OrgTreeNode {
  unit: OrgUnitNode;
  depth: number;
  children: OrgTreeNode[];
}

const byName = (a: OrgTreeNode, b: OrgTreeNode) =>
  a.unit.name.localeCompare(b.unit.name, "en", { numeric: true, sensitivity: "base" });

/**
 * Turns the API's flat list of units into trees, siblings in natural name order ("Unit 2"
 * before "Unit 10"). A unit whose parent is not in the list becomes a root rather than
 * disappearing.
 */
export function buildOrgForest(units: readonly OrgUnitNode[]): OrgTreeNode[] {
  const nodes = new Map(units.map((unit) => [unit.id, { unit, depth: 0, children: [] as OrgTreeNode[] }]));
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const settle = (list: OrgTreeNode[], depth: number) => {
    list.sort(byName);
    for (const node of list) {
      node.depth = depth;
      settle(node.children, depth + 1);
    }
  };
  settle(roots, 0);
  return roots;
}

/** The trees in reading order, parents before their children: for a select of org units. */
export function flattenOrgForest(forest: readonly OrgTreeNode[]): OrgTreeNode[] {
  return forest.flatMap((node) => [node, ...flattenOrgForest(node.children)]);
}
