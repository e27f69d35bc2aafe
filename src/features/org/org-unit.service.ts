import type { Db } from "../../db/types.js";
import { type Actor, authorize } from "../access/policy.js";
import { countActivePeoplePerOrgUnit, findOrgUnitById, findOrgUnitsOfAgency } from "./org-unit.repo.js";
import { type OrgUnitNode, ZOrgUnitKind } from "./org-unit.schema.js";

/** The whole org tree of the actor's agency, parents before children, with head counts. */
export async function getOrgTree(db: Db, actor: Actor): Promise<OrgUnitNode[]> {
  authorize(actor, "orgUnits.read", { agencyId: actor.agencyId });
  const today = new Date().toISOString().slice(0, 10);
  const [units, counts] = await Promise.all([
    findOrgUnitsOfAgency(db, actor.agencyId),
    countActivePeoplePerOrgUnit(db, actor.agencyId, today),
  ]);
  const nodes = units.map((u) => ({
    id: u.id,
    parentId: u.parentId,
    name: u.name,
    kind: ZOrgUnitKind.catch("unit").parse(u.kind),
    retired: u.retiredAt !== null,
    directHeadCount: counts.get(u.id) ?? 0,
    headCount: counts.get(u.id) ?? 0,
  }));
  // Paths sort parents before children, so walking backwards adds each subtree to its parent.
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i] as OrgUnitNode;
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.headCount += node.headCount;
  }
  return nodes;
}

/** The materialized path of one of the agency's org units, for subtree filters; null if unknown. */
export async function findOrgUnitPath(db: Db, agencyId: string, orgUnitId: string): Promise<string | null> {
  return (await findOrgUnitById(db, agencyId, orgUnitId))?.path ?? null;
}
