import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import type { ModelContent } from "./model.schema.js";

const { app, db } = await startTestApp();
let world: World;
let lead: Client;
let admin: Client;
let staff: Client;
let partner: Client;

interface Model {
  id: string;
  name: string;
  latestPublishedNumber: number | null;
  hasDraft: boolean;
  draft: { id: string; version: number } | null;
  versions: { number: number }[];
}
interface Version {
  id: string;
  number: number | null;
  status: string;
  content: ModelContent;
  version: number;
}
interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
  current?: Version;
}

beforeAll(async () => {
  world = await buildWorld(db, "models");
  lead = await signIn(app, world.emails.implementation_lead);
  admin = await signIn(app, world.emails.admin);
  staff = await signIn(app, world.emails.staff);
  partner = await signIn(app, world.emails.partner_viewer);
});

async function createModel(name: string, template: string) {
  const response = await lead.request("POST", "/api/models", { name, description: `About ${name}`, template });
  expect(response.statusCode).toBe(201);
  return response.json<Model>();
}

async function draftOf(id: string) {
  const response = await lead.request("GET", `/api/models/${id}/draft`);
  expect(response.statusCode).toBe(200);
  return response.json<Version>();
}

async function publish(id: string) {
  const draft = await draftOf(id);
  const response = await lead.request("POST", `/api/models/${id}/publish`, { version: draft.version });
  expect(response.statusCode).toBe(200);
  return response.json<Version>();
}

async function versionRows(modelId: string) {
  return db.selectFrom("model_versions").selectAll().where("model_id", "=", modelId).orderBy("id").execute();
}

describe("practice models", () => {
  it.each([
    ["family-centered", 8, 23],
    ["core-practice", 7, 10],
    ["blank", 0, 0],
  ])("creates a model from the %s template as a draft", async (template, elements, behaviors) => {
    const model = await createModel(`From ${template}`, template);
    expect(model).toMatchObject({ latestPublishedNumber: null, hasDraft: true, versions: [] });
    const draft = await draftOf(model.id);
    expect(draft).toMatchObject({ status: "draft", number: null });
    expect(draft.content.elements).toHaveLength(elements);
    expect(draft.content.elements.flatMap((e) => e.behaviors)).toHaveLength(behaviors);
    expect(draft.content.scales.length).toBeGreaterThan(0);
    const audit = await db.selectFrom("audit_events").selectAll().where("entity_id", "=", model.id).execute();
    expect(audit.map((a) => a.action)).toEqual(["create"]);
  });

  it("edits the draft as a whole document, and answers a stale version with 409 and the current draft", async () => {
    const model = await createModel("Editing", "core-practice");
    const draft = await draftOf(model.id);
    const content = structuredClone(draft.content);
    const [first] = content.elements;
    if (!first) throw new Error("no element");
    content.elements = [...content.elements.slice(1), { ...first, name: "Foundations, renamed" }];
    const saved = await lead.request("PUT", `/api/models/${model.id}/draft`, { content, version: draft.version });
    expect(saved.statusCode).toBe(200);
    const after = saved.json<Version>();
    expect(after.version).toBe(draft.version + 1);
    expect(after.content.elements.at(-1)?.name).toBe("Foundations, renamed");
    expect((await draftOf(model.id)).content).toEqual(content);

    const stale = await lead.request("PUT", `/api/models/${model.id}/draft`, {
      content: draft.content,
      version: draft.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<Problem>().current?.content).toEqual(content);
    expect((await draftOf(model.id)).content).toEqual(content);
  });

  it("renames a model with an optimistic version, without touching its published versions", async () => {
    const model = await createModel("Old name", "blank");
    await publish(model.id);
    const current = (await lead.request("GET", `/api/models/${model.id}`)).json<Model & { version: number }>();
    const rows = await versionRows(model.id);
    const renamed = await lead.request("PUT", `/api/models/${model.id}`, {
      name: "New name",
      description: "Renamed",
      version: current.version,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json<Model>()).toMatchObject({ name: "New name", latestPublishedNumber: 1 });
    const stale = await lead.request("PUT", `/api/models/${model.id}`, {
      name: "Lost",
      description: "",
      version: current.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ current: Model }>().current.name).toBe("New name");
    expect(await versionRows(model.id)).toEqual(rows);
    expect((await staff.request("PUT", `/api/models/${model.id}`, { name: "X", version: 1 })).statusCode).toBe(403);
  });

  it("refuses repeated codes with errors at their paths, and keeps the draft", async () => {
    const model = await createModel("Codes", "family-centered");
    const draft = await draftOf(model.id);
    const content = structuredClone(draft.content);
    const [a, b] = content.elements;
    if (!a?.behaviors[0] || !b?.behaviors[1]) throw new Error("template changed");
    b.code = a.code;
    b.behaviors[1].code = a.behaviors[0].code;
    const response = await lead.request("PUT", `/api/models/${model.id}/draft`, { content, version: draft.version });
    expect(response.statusCode).toBe(400);
    expect(response.json<Problem>().errors?.map((e) => e.field)).toEqual([
      "content.elements.1.code",
      "content.elements.1.behaviors.1.code",
    ]);
    expect(await draftOf(model.id)).toEqual(draft);
  });

  it("publishes the draft as version 1, and no write route changes a published version", async () => {
    const model = await createModel("Frozen", "family-centered");
    const draft = await draftOf(model.id);
    const published = await publish(model.id);
    expect(published).toMatchObject({ status: "published", number: 1, id: draft.id });
    const before = await versionRows(model.id);

    const attempts = [
      await lead.request("PUT", `/api/models/${model.id}/draft`, { content: draft.content, version: draft.version }),
      await lead.request("PUT", `/api/models/${model.id}/draft`, {
        content: draft.content,
        version: published.version,
      }),
      await lead.request("POST", `/api/models/${model.id}/publish`, { version: draft.version }),
      await lead.request("POST", `/api/models/${model.id}/publish`, { version: published.version }),
      await lead.request("GET", `/api/models/${model.id}/draft`),
    ];
    for (const response of attempts) {
      expect(response.statusCode).toBe(409);
      expect(response.json<Problem>().code).toBe("CONFLICT");
    }
    // Starting a new draft adds a row and leaves version 1 exactly as it was.
    expect((await lead.request("POST", `/api/models/${model.id}/draft`)).statusCode).toBe(201);
    const again = await lead.request("POST", `/api/models/${model.id}/draft`);
    expect(again.statusCode).toBe(409);
    const next = await draftOf(model.id);
    const edited = structuredClone(next.content);
    edited.values = [];
    expect(
      (await lead.request("PUT", `/api/models/${model.id}/draft`, { content: edited, version: next.version }))
        .statusCode,
    ).toBe(200);
    const rows = await versionRows(model.id);
    expect(rows.find((r) => r.id === draft.id)).toEqual(before.find((r) => r.id === draft.id));
    const v1 = await lead.request("GET", `/api/models/${model.id}/versions/1`);
    expect(v1.json<Version>().content).toEqual(draft.content);
  });

  it("starts a new draft as a copy of the latest published version, and numbers the next one 2", async () => {
    const model = await createModel("Second edition", "core-practice");
    await publish(model.id);
    const started = await lead.request("POST", `/api/models/${model.id}/draft`);
    expect(started.statusCode).toBe(201);
    const draft = started.json<Version>();
    const v1 = (await lead.request("GET", `/api/models/${model.id}/versions/1`)).json<Version>();
    expect(draft.content).toEqual(v1.content);
    expect(draft.id).not.toBe(v1.id);
    const content = structuredClone(draft.content);
    content.values.push({ id: crypto.randomUUID(), name: "Curiosity", description: "We ask before we assume." });
    await lead.request("PUT", `/api/models/${model.id}/draft`, { content, version: draft.version });
    const v2 = await publish(model.id);
    expect(v2.number).toBe(2);
    expect(v2.content).toEqual(content);
    const detail = (await lead.request("GET", `/api/models/${model.id}`)).json<Model>();
    expect(detail).toMatchObject({ latestPublishedNumber: 2, hasDraft: false, draft: null });
    expect(detail.versions.map((v) => v.number)).toEqual([1, 2]);
    const versions = (await staff.request("GET", `/api/models/${model.id}/versions`)).json<{
      items: { number: number }[];
    }>();
    expect(versions.items.map((v) => v.number)).toEqual([1, 2]);
    const audit = await db
      .selectFrom("audit_events")
      .select("summary")
      .where("agency_id", "=", world.agency.id)
      .execute();
    expect(audit.map((a) => a.summary)).toContain("Published version 2 of practice model Second edition");
  });

  it("lets only one of two simultaneous requests start a draft or publish it", async () => {
    const model = await createModel("Race", "blank");
    await publish(model.id);
    const starts = await Promise.all([
      lead.request("POST", `/api/models/${model.id}/draft`),
      admin.request("POST", `/api/models/${model.id}/draft`),
    ]);
    expect(starts.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const draft = await draftOf(model.id);
    const publications = await Promise.all([
      lead.request("POST", `/api/models/${model.id}/publish`, { version: draft.version }),
      admin.request("POST", `/api/models/${model.id}/publish`, { version: draft.version }),
    ]);
    expect(publications.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const rows = await versionRows(model.id);
    expect(rows.map((r) => [r.status, r.number]).sort()).toEqual([
      ["published", 1],
      ["published", 2],
    ]);
  });

  it("shows readers, partners included, only published versions and never drafts", async () => {
    const unpublished = await createModel("Not yet out", "blank");
    const published = await createModel("Out", "blank");
    await publish(published.id);
    await lead.request("POST", `/api/models/${published.id}/draft`);
    for (const reader of [staff, partner]) {
      const list = (await reader.request("GET", "/api/models")).json<{ items: Model[] }>();
      const ids = list.items.map((m) => m.id);
      expect(ids).toContain(published.id);
      expect(ids).not.toContain(unpublished.id);
      expect(list.items.every((m) => !m.hasDraft && m.latestPublishedNumber !== null)).toBe(true);
      expect((await reader.request("GET", `/api/models/${unpublished.id}`)).statusCode).toBe(404);
      const detail = (await reader.request("GET", `/api/models/${published.id}`)).json<Model>();
      expect(detail).toMatchObject({ hasDraft: false, draft: null });
      expect((await reader.request("GET", `/api/models/${published.id}/draft`)).statusCode).toBe(403);
      expect((await reader.request("GET", `/api/models/${published.id}/versions/1`)).statusCode).toBe(200);
      expect(
        (await reader.request("POST", "/api/models", { name: "Mine", description: "", template: "blank" })).statusCode,
      ).toBe(403);
    }
    const editors = (await admin.request("GET", "/api/models")).json<{ items: Model[] }>();
    expect(editors.items.find((m) => m.id === published.id)?.hasDraft).toBe(true);
    expect(editors.items.map((m) => m.id)).toContain(unpublished.id);
  });

  it("exports a published version and imports it back as a new model with the same content", async () => {
    const model = await createModel("Round trip", "family-centered");
    const original = await publish(model.id);
    const exported = await staff.request("GET", `/api/models/${model.id}/versions/1/export`);
    expect(exported.statusCode).toBe(200);
    expect(String(exported.headers["content-disposition"])).toMatch(/^attachment/);
    const file = exported.json<{ format: string; schemaVersion: number }>();
    expect(file).toMatchObject({ format: "cascade-practice-model", schemaVersion: 1 });

    const imported = await lead.request("POST", "/api/models/import", { document: JSON.parse(exported.body) });
    expect(imported.statusCode).toBe(201);
    const copy = imported.json<Model>();
    expect(copy).toMatchObject({ name: "Round trip", hasDraft: true, latestPublishedNumber: null });
    expect(copy.id).not.toBe(model.id);
    expect((await draftOf(copy.id)).content).toEqual(original.content);
    const audit = await db.selectFrom("audit_events").select("action").where("entity_id", "=", copy.id).execute();
    expect(audit.map((a) => a.action)).toEqual(["create"]);
  });

  it("refuses a bad file with every error at its path, and writes nothing", async () => {
    const model = await createModel("Source", "core-practice");
    await publish(model.id);
    const file = (await lead.request("GET", `/api/models/${model.id}/versions/1/export`)).json<{
      format: string;
      content: ModelContent;
    }>();
    const bad = structuredClone(file);
    bad.format = "something-else";
    const [first, second] = bad.content.elements;
    if (!first?.behaviors[0] || !second?.behaviors[0]) throw new Error("template changed");
    second.behaviors[0].code = first.behaviors[0].code;
    first.behaviors[0].pocketText = "x".repeat(300);
    const { scales: _dropped, ...withoutScales } = bad.content;
    const counts = async () => [
      (await db.selectFrom("practice_models").select("id").execute()).length,
      (await db.selectFrom("model_versions").select("id").execute()).length,
      (await db.selectFrom("audit_events").select("id").execute()).length,
    ];
    const before = await counts();
    const response = await lead.request("POST", "/api/models/import", {
      document: { ...bad, content: withoutScales },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<Problem>().errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(["format", "content.elements.0.behaviors.0.pocketText", "content.scales"]),
    );
    const dupes = await lead.request("POST", "/api/models/import", { document: { ...bad, format: file.format } });
    expect(dupes.statusCode).toBe(400);
    expect(dupes.json<Problem>().errors?.map((e) => e.field)).toEqual([
      "content.elements.0.behaviors.0.pocketText",
      "content.elements.1.behaviors.0.code",
    ]);
    const nothing = await lead.request("POST", "/api/models/import", { document: "not a model" });
    expect(nothing.json<Problem>().errors).toEqual([{ field: "(document)", message: expect.any(String) }]);
    expect(await counts()).toEqual(before);
  });

  it("publishes the JSON Schema of the exchange file", async () => {
    const response = await app.inject({ method: "GET", url: "/api/model-schema.json" });
    expect(response.statusCode).toBe(200);
    const schema = response.json<{ properties: Record<string, unknown>; required: string[] }>();
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["format", "schemaVersion", "model", "content"]),
    );
    expect(schema.required).toContain("content");
  });
});
