import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { findAgencyBySlug } from "../agencies/agency.repo.js";
import { DEMO_PASSWORD, ensureDemoAgency } from "../demo/demo-agency.js";
import { findModelInUse } from "./model.service.js";

const { app, db } = await startTestApp();
let worker: Client;

beforeAll(async () => {
  await ensureDemoAgency(db, {});
  worker = await signIn(app, "social.worker@wexler.example", DEMO_PASSWORD);
});

describe("the demo agency's practice model", () => {
  it("is published, so a social worker can browse it and other features can point at its behaviors", async () => {
    const list = (await worker.request("GET", "/api/models")).json<{
      items: { id: string; name: string; latestPublishedNumber: number | null }[];
    }>();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]?.latestPublishedNumber).toBe(1);

    const agency = await findAgencyBySlug(db, "wexler");
    const inUse = await findModelInUse(db, agency?.id ?? "");
    expect(inUse?.modelId).toBe(list.items[0]?.id);
    expect(inUse?.versionNumber).toBe(1);
    expect(inUse?.content.elements).toHaveLength(8);
    expect(inUse?.content.elements.flatMap((e) => e.behaviors)).toHaveLength(23);
  });

  it("comes with this month's focus for the first region, shown on its social worker's home page", async () => {
    const mine = (await worker.request("GET", "/api/model-focus/mine")).json<{
      focus: { item: { code: string; name: string; text: string } } | null;
      unitName: string | null;
    }>();
    expect(mine.focus?.item.code).toBe("ENG-2");
    expect(mine.focus?.item.text).not.toBe("");
    expect(mine.unitName).toBe("Region 1");
  });

  it("is absent for an agency that has published nothing", async () => {
    expect(await findModelInUse(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
