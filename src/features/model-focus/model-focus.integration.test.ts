import { beforeAll, describe, expect, it } from "vitest";
import { buildPracticeModel } from "../../../tests/support/practice-models.js";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import type { ModelContent } from "../model/model.schema.js";

const { app, db } = await startTestApp();
let world: World;
let supervisor: Client;
let manager: Client;
let worker: Client;
let lead: Client;
let modelId: string;
let content: ModelContent;

interface Focus {
  id: string;
  item: { kind: string; code: string; name: string; text: string };
  note: string;
  version: number;
}
interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
  current?: Focus | null;
}

const MONTH = "2031-04";

beforeAll(async () => {
  world = await buildWorld(db, "focus");
  modelId = await buildPracticeModel(db, world.agency.id, world.emails.admin);
  supervisor = await signIn(app, world.emails.supervisor);
  manager = await signIn(app, world.emails.manager);
  worker = await signIn(app, world.emails.staff);
  lead = await signIn(app, world.emails.implementation_lead);
  const version = await lead.request("GET", `/api/models/${modelId}/versions/1`);
  content = version.json<{ content: ModelContent }>().content;
});

const focusUrl = (unitId: string, month = MONTH) => `/api/model-focus/${unitId}/${month}`;
const firstBehavior = () => {
  const behavior = content.elements.find((e) => e.behaviors.length > 0)?.behaviors[0];
  if (!behavior) throw new Error("the model has no behaviors");
  return behavior;
};

describe("monthly team focus", () => {
  it("lets a supervisor set, change and clear their unit's focus, versioned and audited", async () => {
    const behavior = firstBehavior();
    const unit = world.units.unitN1.id;
    const created = await supervisor.request("PUT", focusUrl(unit), { itemId: behavior.id, note: "Start here" });
    expect(created.statusCode).toBe(200);
    const focus = created.json<Focus>();
    expect(focus).toMatchObject({ note: "Start here", version: 1, item: { kind: "behavior", code: behavior.code } });
    expect(focus.item.text).toBe(behavior.pocketText || behavior.description);

    const element = content.elements[1];
    if (!element) throw new Error("the model needs two elements");
    const stale = await supervisor.request("PUT", focusUrl(unit), { itemId: element.id, note: "", version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<Problem>().current?.item.code).toBe(behavior.code);
    const withoutVersion = await supervisor.request("PUT", focusUrl(unit), { itemId: element.id, note: "" });
    expect(withoutVersion.statusCode).toBe(409);

    const changed = await supervisor.request("PUT", focusUrl(unit), { itemId: element.id, note: "", version: 1 });
    expect(changed.json<Focus>()).toMatchObject({ version: 2, item: { kind: "element", name: element.name } });

    expect((await supervisor.request("DELETE", `${focusUrl(unit)}?version=1`)).statusCode).toBe(409);
    expect((await supervisor.request("DELETE", `${focusUrl(unit)}?version=2`)).statusCode).toBe(200);
    const rows = await db.selectFrom("model_focuses").selectAll().where("org_unit_id", "=", unit).execute();
    expect(rows).toEqual([]);
    const audit = await db
      .selectFrom("audit_events")
      .select("action")
      .where("entity_id", "=", focus.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "delete"]);
  });

  it("refuses items that are not in the model in use, and units outside the person's reach", async () => {
    const bad = await supervisor.request("PUT", focusUrl(world.units.unitN1.id), { itemId: "not-an-item", note: "" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors?.[0]?.field).toBe("itemId");
    const behavior = firstBehavior();
    const otherUnit = await supervisor.request("PUT", focusUrl(world.units.unitN2.id), { itemId: behavior.id });
    expect(otherUnit.statusCode).toBe(403);
    const managed = await manager.request("PUT", focusUrl(world.units.unitN2.id), { itemId: behavior.id });
    expect(managed.statusCode).toBe(200);
    expect((await manager.request("PUT", focusUrl(world.units.unitS1.id), { itemId: behavior.id })).statusCode).toBe(
      403,
    );
    expect((await worker.request("PUT", focusUrl(world.units.unitN1.id), { itemId: behavior.id })).statusCode).toBe(
      403,
    );
  });

  it("shows this month's focus to the unit's members, and the focus of the unit above when theirs has none", async () => {
    const month = (await worker.request("GET", "/api/model-focus/mine")).json<{ month: string }>().month;
    expect(month).toMatch(/^\d{4}-\d{2}$/);
    const behavior = firstBehavior();
    await lead.request("PUT", focusUrl(world.units.north.id, month), { itemId: behavior.id, note: "Region-wide" });
    const inherited = (await worker.request("GET", "/api/model-focus/mine")).json<{
      focus: Focus | null;
      unitName: string;
    }>();
    expect(inherited.focus?.note).toBe("Region-wide");
    expect(inherited.unitName).toBe(world.units.north.name);

    const element = content.elements[0];
    if (!element) throw new Error("the model has no elements");
    await supervisor.request("PUT", focusUrl(world.units.unitN1.id, month), { itemId: element.id, note: "Ours" });
    const own = (await worker.request("GET", "/api/model-focus/mine")).json<{ focus: Focus | null }>();
    expect(own.focus?.note).toBe("Ours");
    const withoutUnit = (await (await signIn(app, world.emails.trainer)).request("GET", "/api/model-focus/mine")).json<{
      focus: Focus | null;
    }>();
    expect(withoutUnit.focus).toBeNull();
  });

  it("lists for a supervisor only their own unit, and for a manager their whole region", async () => {
    const response = await supervisor.request("GET", `/api/model-focus?month=${MONTH}`);
    expect(response.statusCode, response.body).toBe(200);
    const board = response.json<{
      units: { orgUnitId: string }[];
      model: { elements: unknown[] } | null;
    }>();
    expect(board.units.map((u) => u.orgUnitId)).toEqual([world.units.unitN1.id]);
    expect(board.model?.elements.length).toBe(content.elements.length);
    const region = (await manager.request("GET", `/api/model-focus?month=${MONTH}`)).json<{
      units: { orgUnitId: string }[];
    }>();
    expect(region.units.map((u) => u.orgUnitId).sort()).toEqual(
      [world.units.north.id, world.units.northOffice.id, world.units.unitN1.id, world.units.unitN2.id].sort(),
    );
  });

  it("keeps the model editor from deleting an element that a focus points at, naming what refers to it", async () => {
    const element = content.elements.find((e) => e.behaviors.length > 0);
    const behavior = element?.behaviors[0];
    if (!element || !behavior) throw new Error("the model has no behaviors");
    await lead.request("PUT", focusUrl(world.units.unitS1.id, "2031-09"), { itemId: behavior.id, note: "" });
    const draft = (await lead.request("POST", `/api/models/${modelId}/draft`)).json<{
      content: ModelContent;
      version: number;
    }>();
    const withoutElement = { ...draft.content, elements: draft.content.elements.filter((e) => e.id !== element.id) };
    const refused = await lead.request("PUT", `/api/models/${modelId}/draft`, {
      content: withoutElement,
      version: draft.version,
    });
    expect(refused.statusCode).toBe(400);
    const [error] = refused.json<Problem>().errors ?? [];
    expect(error?.field).toBe("content.elements");
    expect(error?.message).toContain(element.name);
    expect(error?.message).toMatch(/monthly team focuses \(\d+\) refer to it/);

    const index = draft.content.elements.findIndex((e) => e.id === element.id);
    const withoutBehavior = structuredClone(draft.content);
    withoutBehavior.elements[index]?.behaviors.splice(0, 1);
    const refusedBehavior = await lead.request("PUT", `/api/models/${modelId}/draft`, {
      content: withoutBehavior,
      version: draft.version,
    });
    expect(refusedBehavior.json<Problem>().errors?.[0]?.field).toBe(`content.elements.${index}.behaviors`);

    // Rewording and reordering keep the ids, so they remain allowed; so does dropping an unused element.
    const reworded = structuredClone(draft.content);
    reworded.elements.reverse();
    const target = reworded.elements.find((e) => e.id === element.id);
    if (target) target.name = `${target.name} (revised)`;
    const unused = reworded.elements.findIndex(
      (e) => e.id !== element.id && !e.behaviors.some((b) => b.id === behavior.id),
    );
    reworded.elements.splice(unused, 1);
    const saved = await lead.request("PUT", `/api/models/${modelId}/draft`, {
      content: reworded,
      version: draft.version,
    });
    expect(saved.statusCode).toBe(200);
  });
});
