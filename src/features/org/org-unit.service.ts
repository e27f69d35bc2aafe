import type { z } from "zod";
import type { Db } from "../../db/types.js";
import { AppError, fieldError, notFound, staleVersion } from "../../server/errors.js";
import { nowUtc } from "../../shared/time.js";
import { type Actor, authorize } from "../access/policy.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import {
  countActiveChildUnits,
  countActivePeopleInSubtree,
  countActivePeoplePerOrgUnit,
  findActiveSiblingNamed,
  findOrgUnitById,
  findOrgUnitsOfAgency,
  insertOrgUnit,
  moveOrgUnitSubtree,
  type OrgUnitRow,
  renameOrgUnit,
  setOrgUnitRetired,
} from "./org-unit.repo.js";
import {
  type OrgUnitNode,
  type ZOrgUnitCreate,
  ZOrgUnitKind,
  type ZOrgUnitMove,
  type ZOrgUnitRename,
  type ZOrgUnitRetire,
} from "./org-unit.schema.js";

const todayUtc = () => nowUtc().slice(0, 10);

/** The whole org tree of the actor's agency, parents before children, with head counts. */
export async function getOrgTree(db: Db, actor: Actor): Promise<OrgUnitNode[]> {
  authorize(actor, "orgUnits.read", { agencyId: actor.agencyId });
  const [units, counts] = await Promise.all([
    findOrgUnitsOfAgency(db, actor.agencyId),
    countActivePeoplePerOrgUnit(db, actor.agencyId, todayUtc()),
  ]);
  const nodes = units.map((u) => ({
    id: u.id,
    parentId: u.parentId,
    name: u.name,
    kind: ZOrgUnitKind.catch("unit").parse(u.kind),
    retired: u.retiredAt !== null,
    directHeadCount: counts.get(u.id) ?? 0,
    headCount: counts.get(u.id) ?? 0,
    version: u.version,
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

async function loadUnit(db: Db, actor: Actor, id: string): Promise<OrgUnitRow> {
  const unit = await findOrgUnitById(db, actor.agencyId, id);
  if (!unit) throw notFound("The org unit");
  authorize(actor, "orgUnits.manage", { agencyId: actor.agencyId, orgUnitPath: unit.path }, "The org unit");
  return unit;
}

async function loadActiveParent(db: Db, actor: Actor, parentId: string): Promise<OrgUnitRow> {
  const parent = await findOrgUnitById(db, actor.agencyId, parentId);
  if (!parent) throw fieldError("parentId", "That parent does not exist.");
  if (parent.retiredAt) throw fieldError("parentId", `${parent.name} is retired; choose an active parent.`);
  return parent;
}

async function refuseDuplicateName(db: Db, agencyId: string, parentId: string, name: string, selfId?: string) {
  const twin = await findActiveSiblingNamed(db, agencyId, parentId, name);
  if (twin && twin.id !== selfId) throw fieldError("name", `There is already a unit named "${name}" here.`);
}

function audit(
  db: Db,
  actor: Actor,
  action: "create" | "update",
  unit: OrgUnitRow,
  summary: string,
  before?: OrgUnitRow,
) {
  return recordAuditEvent(db, {
    agencyId: actor.agencyId,
    actorUserId: actor.userId,
    action,
    entityType: "org_unit",
    entityId: unit.id,
    summary,
    ...(before ? { before } : {}),
    after: unit,
  });
}

export async function createOrgUnit(db: Db, actor: Actor, input: z.infer<typeof ZOrgUnitCreate>) {
  return db.transaction().execute(async (trx) => {
    const parent = await loadActiveParent(trx, actor, input.parentId);
    authorize(actor, "orgUnits.manage", { agencyId: actor.agencyId, orgUnitPath: parent.path }, "The org unit");
    await refuseDuplicateName(trx, actor.agencyId, parent.id, input.name);
    const unit = await insertOrgUnit(trx, {
      agencyId: actor.agencyId,
      parentId: parent.id,
      parentPath: parent.path,
      name: input.name,
      kind: input.kind,
    });
    await audit(trx, actor, "create", unit, `Created ${unit.name} under ${parent.name}`);
    return unit;
  });
}

export async function renameUnit(db: Db, actor: Actor, id: string, input: z.infer<typeof ZOrgUnitRename>) {
  return db.transaction().execute(async (trx) => {
    const before = await loadUnit(trx, actor, id);
    if (before.parentId) await refuseDuplicateName(trx, actor.agencyId, before.parentId, input.name, id);
    if (!(await renameOrgUnit(trx, actor.agencyId, id, input.name, input.version))) throw staleVersion(before);
    const after = (await findOrgUnitById(trx, actor.agencyId, id)) as OrgUnitRow;
    await audit(trx, actor, "update", after, `Renamed ${before.name} to ${after.name}`, before);
    return after;
  });
}

export async function moveUnit(db: Db, actor: Actor, id: string, input: z.infer<typeof ZOrgUnitMove>) {
  return db.transaction().execute(async (trx) => {
    const before = await loadUnit(trx, actor, id);
    if (!before.parentId) throw new AppError("VALIDATION", "The top of the agency cannot be moved.");
    const parent = await loadActiveParent(trx, actor, input.parentId);
    if (parent.path.startsWith(before.path)) {
      throw fieldError("parentId", "A unit cannot move under itself or one of its own sub-units.");
    }
    await refuseDuplicateName(trx, actor.agencyId, parent.id, before.name, id);
    if (!(await moveOrgUnitSubtree(trx, actor.agencyId, before, parent, input.version))) throw staleVersion(before);
    const after = (await findOrgUnitById(trx, actor.agencyId, id)) as OrgUnitRow;
    await audit(trx, actor, "update", after, `Moved ${after.name} under ${parent.name}`, before);
    return after;
  });
}

/**
 * Retiring keeps the unit and its history; it stops appearing as a place for new work. A unit
 * still holding active people or active sub-units cannot be retired until they move.
 */
export async function retireUnit(db: Db, actor: Actor, id: string, input: z.infer<typeof ZOrgUnitRetire>) {
  return db.transaction().execute(async (trx) => {
    const before = await loadUnit(trx, actor, id);
    if (!before.parentId) throw new AppError("VALIDATION", "The top of the agency cannot be retired.");
    if (input.retired) {
      const people = await countActivePeopleInSubtree(trx, actor.agencyId, before.path, todayUtc());
      if (people > 0) {
        throw new AppError(
          "VALIDATION",
          `${before.name} still has ${people} active ${people === 1 ? "person" : "people"}. Transfer them first.`,
        );
      }
      const children = await countActiveChildUnits(trx, actor.agencyId, id);
      if (children > 0) {
        throw new AppError("VALIDATION", `${before.name} still has active sub-units. Move or retire them first.`);
      }
    } else if (before.parentId) {
      await loadActiveParent(trx, actor, before.parentId);
    }
    const retiredAt = input.retired ? (before.retiredAt ?? nowUtc()) : null;
    if (!(await setOrgUnitRetired(trx, actor.agencyId, id, retiredAt, input.version))) throw staleVersion(before);
    const after = (await findOrgUnitById(trx, actor.agencyId, id)) as OrgUnitRow;
    await audit(trx, actor, "update", after, `${input.retired ? "Retired" : "Reopened"} ${after.name}`, before);
    return after;
  });
}
