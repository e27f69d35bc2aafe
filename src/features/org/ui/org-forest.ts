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

/** Options cannot be styled, so a unit's depth is shown with leading no-break spaces. */
export const indentedName = (node: OrgTreeNode) => `${"\u00a0\u00a0\u00a0".repeat(node.depth)}${node.unit.name}`;

/** The ids of a unit and of everything below it. */
export function subtreeIds(units: readonly OrgUnitNode[], rootId: string): Set<string> {
  const childrenOf = new Map<string, string[]>();
  for (const unit of units) {
    if (!unit.parentId) continue;
    childrenOf.set(unit.parentId, [...(childrenOf.get(unit.parentId) ?? []), unit.id]);
  }
  const ids = new Set<string>();
  const pending = [rootId];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (ids.has(id)) continue;
    ids.add(id);
    pending.push(...(childrenOf.get(id) ?? []));
  }
  return ids;
}

/** The ids from the top of the tree down to a unit's parent: what must be open to show the unit. */
export function ancestorIds(units: readonly OrgUnitNode[], unitId: string): string[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const chain: string[] = [];
  let parentId = byId.get(unitId)?.parentId ?? null;
  while (parentId && !chain.includes(parentId)) {
    chain.unshift(parentId);
    parentId = byId.get(parentId)?.parentId ?? null;
  }
  return chain;
}

/**
 * The units a person or a unit can be placed in, in tree order: active ones only, leaving out
 * `excluded` (a unit being moved cannot go under itself or its own sub-units).
 */
export function placeableUnits(
  units: readonly OrgUnitNode[],
  excluded: ReadonlySet<string> = new Set(),
): OrgTreeNode[] {
  const open = units.filter((unit) => !unit.retired);
  return flattenOrgForest(buildOrgForest(open)).filter((node) => !excluded.has(node.unit.id));
}
