import { beforeAll, describe, expect, it } from "vitest";
import { buildPracticeModel } from "../../../tests/support/practice-models.js";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import type { ModelContent } from "../model/model.schema.js";
import { findModelInUse } from "../model/model.service.js";
import { countTrainingRecordsReferencingModelItems } from "./curriculum.service.js";

const { app, db } = await startTestApp();
let world: World;
let coordinator: Client;
let staff: Client;
let modelId: string;
let firstElement: ModelContent["elements"][number] | undefined;
let secondElement: ModelContent["elements"][number] | undefined;

interface Curriculum {
  id: string;
  modelId: string | null;
  modelVersionNumber: number | null;
  totalMinutes: number;
  version: number;
  modules: { id: string; title: string; elementIds: string[]; behaviorIds: string[] }[];
}

beforeAll(async () => {
  world = await buildWorld(db, "curricula");
  modelId = await buildPracticeModel(db, world.agency.id, world.emails.admin);
  [firstElement, secondElement] = (await findModelInUse(db, world.agency.id))?.content.elements ?? [];
  coordinator = await signIn(app, world.emails.training_coordinator);
  staff = await signIn(app, world.emails.staff);
});

const body = () => ({
  title: "Practice model foundations",
  description: "For every unit's first training.",
  modules: [
    {
      title: "Engaging families",
      durationMinutes: 180,
      audiences: ["social_workers", "supervisors"],
      elementIds: [firstElement?.id],
      behaviorIds: [firstElement?.behaviors[0]?.id],
    },
    { title: "Coaching to the model", durationMinutes: 120, audiences: ["leaders"], elementIds: [], behaviorIds: [] },
  ],
});

describe("curricula", () => {
  let curriculum: Curriculum;

  it("builds a curriculum from modules that cover elements and behaviors of the model in use", async () => {
    const response = await coordinator.request("POST", "/api/curricula", body());
    expect(response.statusCode, response.body).toBe(201);
    curriculum = response.json<Curriculum>();
    expect(curriculum).toMatchObject({ modelId, modelVersionNumber: 1, totalMinutes: 300 });
    expect(curriculum.modules.map((m) => m.title)).toEqual(["Engaging families", "Coaching to the model"]);
    expect(curriculum.modules.every((m) => m.id.length > 0)).toBe(true);
    const read = await staff.request("GET", `/api/curricula/${curriculum.id}`);
    expect(read.json<Curriculum>().modules[0]?.elementIds).toEqual([firstElement?.id]);
  });

  it("refuses elements the model does not have, naming the field, and saves nothing", async () => {
    const before = (await staff.request("GET", "/api/curricula")).json<{ items: unknown[] }>().items.length;
    const bad = body();
    (bad.modules[0] as { elementIds: (string | undefined)[] }).elementIds = ["no-such-element"];
    const response = await coordinator.request("POST", "/api/curricula", bad);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors).toEqual([
      expect.objectContaining({ field: "modules.0.elementIds.0" }),
    ]);
    expect((await staff.request("GET", "/api/curricula")).json<{ items: unknown[] }>().items).toHaveLength(before);
  });

  it("keeps module ids across edits and answers 409 to a stale edit", async () => {
    const edited = {
      ...body(),
      modules: [
        { ...body().modules[0], id: curriculum.modules[0]?.id, elementIds: [secondElement?.id], behaviorIds: [] },
      ],
      version: curriculum.version,
    };
    const response = await coordinator.request("PUT", `/api/curricula/${curriculum.id}`, edited);
    expect(response.statusCode, response.body).toBe(200);
    const after = response.json<Curriculum>();
    expect(after.modules.map((m) => m.id)).toEqual([curriculum.modules[0]?.id]);
    expect(after.totalMinutes).toBe(180);
    const stale = await coordinator.request("PUT", `/api/curricula/${curriculum.id}`, edited);
    expect(stale.statusCode).toBe(409);
    curriculum = after;
  });

  it("counts the modules that still cover model items, for the model editor", async () => {
    const count = (ids: string[]) => countTrainingRecordsReferencingModelItems(db, world.agency.id, modelId, ids);
    expect(await count([secondElement?.id ?? ""])).toBe(1);
    expect(await count([firstElement?.id ?? ""])).toBe(0);
    expect(
      await countTrainingRecordsReferencingModelItems(db, "another-agency", modelId, [secondElement?.id ?? ""]),
    ).toBe(0);
  });

  it("is built by those who manage training; staff only read", async () => {
    expect((await staff.request("POST", "/api/curricula", body())).statusCode).toBe(403);
  });
});
