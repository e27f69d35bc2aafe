import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import type { ModelContent } from "./model.schema.js";

const { app, db } = await startTestApp();
let world: World;
let lead: Client;
let staff: Client;
let modelId: string;
let published: ModelContent;
const scratch = mkdtempSync(join(tmpdir(), "booklet-"));

interface Draft {
  content: ModelContent;
  version: number;
}
interface Comparison {
  from: number | "draft";
  to: number | "draft";
  changes: { section: string; kind: string; id: string; label: string; fields: string[] }[];
}

beforeAll(async () => {
  world = await buildWorld(db, "library");
  lead = await signIn(app, world.emails.implementation_lead);
  staff = await signIn(app, world.emails.staff);
  const created = await lead.request("POST", "/api/models", {
    name: "Family centered",
    description: "",
    template: "family-centered",
  });
  modelId = created.json<{ id: string }>().id;
  const draft = (await lead.request("GET", `/api/models/${modelId}/draft`)).json<Draft>();
  await lead.request("POST", `/api/models/${modelId}/publish`, { version: draft.version });
  published = draft.content;
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("comparing versions", () => {
  it("lists what a new version changed, matched by id, and shows the draft only to editors", async () => {
    const draft = (await lead.request("POST", `/api/models/${modelId}/draft`)).json<Draft>();
    const content = structuredClone(draft.content);
    const [first, second] = content.elements;
    if (!first || !second) throw new Error("template changed");
    first.name = "Engaging families first";
    content.elements = [second, first, ...content.elements.slice(2)];
    await lead.request("PUT", `/api/models/${modelId}/draft`, { content, version: draft.version });

    const toDraft = await lead.request("GET", `/api/models/${modelId}/compare?from=1&to=draft`);
    expect(toDraft.statusCode).toBe(200);
    const comparison = toDraft.json<Comparison>();
    expect(comparison).toMatchObject({ from: 1, to: "draft" });
    expect(comparison.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ section: "elements", kind: "changed", id: first.id, fields: ["name"] }),
        expect.objectContaining({ section: "elements", kind: "moved", id: first.id }),
      ]),
    );
    expect((await staff.request("GET", `/api/models/${modelId}/compare?from=1&to=draft`)).statusCode).toBe(404);

    const again = (await lead.request("GET", `/api/models/${modelId}/draft`)).json<Draft>();
    await lead.request("POST", `/api/models/${modelId}/publish`, { version: again.version });
    const forStaff = await staff.request("GET", `/api/models/${modelId}/compare?from=1&to=2`);
    expect(forStaff.statusCode).toBe(200);
    expect(forStaff.json<Comparison>().changes.length).toBe(comparison.changes.length);
    expect((await staff.request("GET", `/api/models/${modelId}/compare?from=1&to=9`)).statusCode).toBe(404);
    expect((await staff.request("GET", `/api/models/${modelId}/compare?from=one&to=2`)).statusCode).toBe(400);
  });
});

function pdfText(name: string, body: Buffer) {
  const file = join(scratch, `${name}.pdf`);
  writeFileSync(file, body);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);
  execFileSync("pdftoppm", ["-r", "30", "-png", file, join(scratch, name)]);
  const images = readdirSync(scratch).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"));
  // Line breaks inside wrapped text become spaces, so sentences can be searched whole.
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  return { pages, images: images.length, text };
}

describe("printable PDFs", () => {
  it("renders the pocket booklet: a cover, then every element with its behaviors' pocket text", async () => {
    const response = await staff.request("GET", `/api/models/${modelId}/versions/1/booklet.pdf?kind=booklet`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toContain("pocket-booklet-v1.pdf");
    const pdf = pdfText("booklet", response.rawPayload);
    expect(pdf.pages).toBeGreaterThanOrEqual(1 + published.elements.length);
    expect(pdf.images).toBe(pdf.pages);
    expect(pdf.text).toContain(`Family centered · version 1 · page ${pdf.pages} of ${pdf.pages}`);
    for (const element of published.elements) expect(pdf.text).toContain(element.name);
    for (const behavior of published.elements.flatMap((e) => e.behaviors)) {
      expect(pdf.text).toContain((behavior.pocketText || behavior.description).replace(/\s+/g, " "));
    }
  });

  it("renders one element on its own page, with each behavior in full", async () => {
    const element = published.elements[2];
    if (!element) throw new Error("template changed");
    const response = await staff.request(
      "GET",
      `/api/models/${modelId}/versions/1/booklet.pdf?kind=element&elementId=${element.id}`,
    );
    expect(response.statusCode).toBe(200);
    const pdf = pdfText("element", response.rawPayload);
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain(element.name);
    for (const behavior of element.behaviors) expect(pdf.text).toContain(behavior.shortName);
    expect(pdf.text).not.toContain(published.elements[3]?.name);
    const unknown = await staff.request(
      "GET",
      `/api/models/${modelId}/versions/1/booklet.pdf?kind=element&elementId=x`,
    );
    expect(unknown.statusCode).toBe(400);
  });

  it("renders the leadership behaviors as one level lives them", async () => {
    const response = await staff.request(
      "GET",
      `/api/models/${modelId}/versions/1/booklet.pdf?kind=leadership&level=manager`,
    );
    expect(response.statusCode).toBe(200);
    const pdf = pdfText("leadership", response.rawPayload);
    expect(pdf.text).toContain("Leadership behaviors for managers");
    const behaviors = published.leadership.flatMap((c) => c.behaviors);
    expect(behaviors.length).toBeGreaterThan(0);
    for (const behavior of behaviors) {
      expect(pdf.text).toContain(behavior.variants.manager.replace(/\s+/g, " "));
      if (behavior.variants.director !== behavior.variants.manager) {
        expect(pdf.text).not.toContain(behavior.variants.director.replace(/\s+/g, " "));
      }
    }
    const noLevel = await staff.request("GET", `/api/models/${modelId}/versions/1/booklet.pdf?kind=leadership`);
    expect(noLevel.statusCode).toBe(400);
  });

  it("wraps long text and breaks pages instead of running off the page", async () => {
    const long = structuredClone(published);
    const element = long.elements[0];
    if (!element) throw new Error("template changed");
    element.behaviors = Array.from({ length: 30 }, (_, i) => ({
      id: crypto.randomUUID(),
      code: `L${i}`,
      shortName: `Long behavior ${i}`,
      description: "A thorough description. ".repeat(60).trim(),
      pocketText: `Pocket wording number ${i} that is long enough to wrap across several lines of a small card.`,
    }));
    const created = await lead.request("POST", "/api/models/import", {
      document: {
        format: "cascade-practice-model",
        schemaVersion: 1,
        model: { name: "Long model", description: "" },
        content: long,
      },
    });
    const id = created.json<{ id: string }>().id;
    const draft = (await lead.request("GET", `/api/models/${id}/draft`)).json<Draft>();
    await lead.request("POST", `/api/models/${id}/publish`, { version: draft.version });
    const response = await lead.request(
      "GET",
      `/api/models/${id}/versions/1/booklet.pdf?kind=element&elementId=${element.id}`,
    );
    const pdf = pdfText("long", response.rawPayload);
    expect(pdf.pages).toBeGreaterThan(5);
    expect(pdf.text).toContain("Pocket wording number 29 that is long enough to wrap across several lines");
  });
});
