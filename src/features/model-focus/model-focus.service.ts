import { DateTime } from "luxon";
import type { Db } from "../../db/types.js";
import { fieldError, notFound, staleVersion } from "../../server/errors.js";
import { type Actor, authorize, canAct, scopeFilterFor } from "../access/policy.js";
import { findAgencySettings } from "../agencies/agency.service.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import type { ModelContent } from "../model/model.schema.js";
import { findModelInUse, findPublishedModel } from "../model/model.service.js";
import { findOrgUnitPath, getOrgTree } from "../org/org-unit.service.js";
import {
  countFocusesReferencing,
  deleteFocus,
  type FocusRow,
  findFocus,
  findFocusesOfUnits,
  insertFocus,
  updateFocus,
} from "./model-focus.repo.js";
import type { Focus, FocusBoard, FocusInput } from "./model-focus.schema.js";

/** The month as the agency's staff see it on their calendars. */
async function currentMonth(db: Db, agencyId: string): Promise<string> {
  const agency = await findAgencySettings(db, agencyId);
  return DateTime.now()
    .setZone(agency?.timeZone ?? "UTC")
    .toFormat("yyyy-MM");
}

type FocusItem = Focus["item"];

function itemIn(content: ModelContent, itemId: string): FocusItem | null {
  for (const element of content.elements) {
    if (element.id === itemId) {
      return {
        kind: "element",
        id: element.id,
        code: element.code,
        name: element.name,
        text: element.description,
        elementName: null,
      };
    }
    const behavior = element.behaviors.find((b) => b.id === itemId);
    if (behavior) {
      return {
        kind: "behavior",
        id: behavior.id,
        code: behavior.code,
        name: behavior.shortName,
        text: behavior.pocketText || behavior.description,
        elementName: `${element.code} ${element.name}`,
      };
    }
  }
  return null;
}

async function toFocus(db: Db, agencyId: string, row: FocusRow): Promise<Focus> {
  const model = await findPublishedModel(db, agencyId, row.modelId, row.versionNumber);
  const item = (model && itemIn(model.content, row.itemId)) ?? {
    kind: row.itemKind,
    id: row.itemId,
    code: "",
    name: "(no longer in the model)",
    text: "",
    elementName: null,
  };
  return {
    id: row.id,
    orgUnitId: row.orgUnitId,
    month: row.month,
    modelId: row.modelId,
    versionNumber: row.versionNumber,
    item,
    note: row.note,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** The unit, if the actor may set its focus; another agency's unit is not found. */
async function authorizeUnit(db: Db, actor: Actor, orgUnitId: string) {
  const path = await findOrgUnitPath(db, actor.agencyId, orgUnitId);
  if (path === null) throw notFound("The unit");
  authorize(actor, "modelFocus.set", { agencyId: actor.agencyId, orgUnitPath: path }, "The unit");
}

function audit(
  db: Db,
  actor: Actor,
  action: "create" | "update" | "delete",
  id: string,
  summary: string,
  states: object,
) {
  return recordAuditEvent(db, {
    agencyId: actor.agencyId,
    actorUserId: actor.userId,
    action,
    entityType: "model_focus",
    entityId: id,
    summary,
    ...states,
  });
}

/** Sets (or replaces) a unit's focus for a month: an element or behavior of the model in use. */
export async function setFocus(db: Db, actor: Actor, orgUnitId: string, month: string, input: FocusInput) {
  return db.transaction().execute(async (trx) => {
    await authorizeUnit(trx, actor, orgUnitId);
    const model = await findModelInUse(trx, actor.agencyId);
    if (!model) throw fieldError("itemId", "Your agency has not published a practice model yet.");
    const item = itemIn(model.content, input.itemId);
    if (!item) throw fieldError("itemId", "Choose an element or behavior of the practice model in use.");
    const write = {
      modelId: model.modelId,
      versionNumber: model.versionNumber,
      itemKind: item.kind,
      itemId: item.id,
      note: input.note,
      userId: actor.userId,
    };
    const existing = await findFocus(trx, actor.agencyId, orgUnitId, month);
    const current = existing ? await toFocus(trx, actor.agencyId, existing) : null;
    if (existing) {
      if (input.version === undefined || !(await updateFocus(trx, actor.agencyId, existing.id, write, input.version))) {
        throw staleVersion(current);
      }
    } else {
      // Someone cleared the focus this person was changing: say so rather than quietly create a new one.
      if (input.version !== undefined) throw staleVersion(null);
      await insertFocus(trx, actor.agencyId, orgUnitId, month, write);
    }
    const saved = (await findFocus(trx, actor.agencyId, orgUnitId, month)) as FocusRow;
    const after = await toFocus(trx, actor.agencyId, saved);
    await audit(
      trx,
      actor,
      existing ? "update" : "create",
      saved.id,
      `Set the ${month} focus to ${item.code} ${item.name}`,
      { ...(current ? { before: current } : {}), after },
    );
    return after;
  });
}

export async function clearFocus(db: Db, actor: Actor, orgUnitId: string, month: string, version: number) {
  return db.transaction().execute(async (trx) => {
    await authorizeUnit(trx, actor, orgUnitId);
    const existing = await findFocus(trx, actor.agencyId, orgUnitId, month);
    if (!existing) throw notFound("That month's focus");
    const before = await toFocus(trx, actor.agencyId, existing);
    if (!(await deleteFocus(trx, actor.agencyId, existing.id, version))) throw staleVersion(before);
    await audit(trx, actor, "delete", existing.id, `Cleared the ${month} focus`, { before });
    return before;
  });
}

/** Unit ids on a materialized path such as `/root/region/unit/`, top first. */
const idsOnPath = (path: string) => path.split("/").filter(Boolean);

/** The focus this person's home page shows: their own unit's, or the nearest unit above that has one. */
export async function getMyFocus(db: Db, actor: Actor) {
  authorize(actor, "models.read", { agencyId: actor.agencyId });
  const month = await currentMonth(db, actor.agencyId);
  if (!actor.orgUnitPath || !canAct(actor, "orgUnits.read")) return { month, focus: null, unitName: null };
  const chain = idsOnPath(actor.orgUnitPath);
  const rows = await findFocusesOfUnits(db, actor.agencyId, chain, month);
  const nearest = [...chain].reverse().find((id) => rows.some((r) => r.orgUnitId === id));
  const row = rows.find((r) => r.orgUnitId === nearest);
  if (!row) return { month, focus: null, unitName: null };
  const units = await getOrgTree(db, actor);
  return {
    month,
    focus: await toFocus(db, actor.agencyId, row),
    unitName: units.find((u) => u.id === row.orgUnitId)?.name ?? null,
  };
}

/** The units this person may set a focus for, each with its focus for the month, and what can be chosen. */
export async function getFocusBoard(db: Db, actor: Actor, month: string | undefined): Promise<FocusBoard> {
  const reach = scopeFilterFor(actor, "modelFocus.set");
  const chosenMonth = month ?? (await currentMonth(db, actor.agencyId));
  const units = (await getOrgTree(db, actor)).filter((u) => !u.retired);
  let inScope = units;
  if (reach.kind !== "agency") {
    const own = actor.orgUnitPath ? idsOnPath(actor.orgUnitPath).at(-1) : undefined;
    const subtree = new Set(own ? [own] : []);
    // The tree lists parents before children, so one pass collects the whole subtree.
    for (const unit of units) if (unit.parentId && subtree.has(unit.parentId)) subtree.add(unit.id);
    inScope = units.filter((u) => subtree.has(u.id));
  }
  const rows = await findFocusesOfUnits(
    db,
    actor.agencyId,
    inScope.map((u) => u.id),
    chosenMonth,
  );
  const model = await findModelInUse(db, actor.agencyId);
  return {
    month: chosenMonth,
    model: model && {
      modelId: model.modelId,
      versionNumber: model.versionNumber,
      elements: model.content.elements.map((e) => ({
        id: e.id,
        code: e.code,
        name: e.name,
        behaviors: e.behaviors.map((b) => ({ id: b.id, code: b.code, shortName: b.shortName })),
      })),
    },
    units: await Promise.all(
      inScope.map(async (unit) => {
        const row = rows.find((r) => r.orgUnitId === unit.id);
        return {
          orgUnitId: unit.id,
          name: unit.name,
          kind: unit.kind,
          focus: row ? await toFocus(db, actor.agencyId, row) : null,
        };
      }),
    ),
  };
}

/** For the model's "refuse to delete a referenced item" check. */
export async function countFocusRecordsReferencingModelItems(
  db: Db,
  agencyId: string,
  modelId: string,
  itemIds: string[],
): Promise<number> {
  return countFocusesReferencing(db, agencyId, modelId, itemIds);
}
