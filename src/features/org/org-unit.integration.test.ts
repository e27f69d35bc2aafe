import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";

const { app, db } = await startTestApp();
let world: World;
let admin: Client;
beforeAll(async () => {
  world = await buildWorld(db, "orgs");
  admin = await signIn(app, world.emails.admin);
});

async function tree() {
  const response = await admin.request("GET", "/api/org-units");
  return response.json<{
    units: {
      id: string;
      name: string;
      parentId: string | null;
      headCount: number;
      retired: boolean;
      version: number;
    }[];
  }>().units;
}
const unitNamed = async (name: string) => (await tree()).find((u) => u.name === name);

describe("managing the org tree", () => {
  it("adds a unit under an office, and it shows in the tree with no one in it", async () => {
    const created = await admin.request("POST", "/api/org-units", {
      parentId: world.units.northOffice.id,
      name: "Unit N3",
      kind: "unit",
    });
    expect(created.statusCode).toBe(201);
    const unit = await unitNamed("Unit N3");
    expect(unit).toMatchObject({ parentId: world.units.northOffice.id, headCount: 0, retired: false });
  });

  it("refuses a second active unit of the same name under the same parent, naming the field", async () => {
    const response = await admin.request("POST", "/api/org-units", {
      parentId: world.units.northOffice.id,
      name: "unit n1",
      kind: "unit",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: "name", message: expect.stringContaining("already") }]);
  });

  it("renames a unit, and a stale version gets 409 with the unit as it stands", async () => {
    const unit = await unitNamed("Unit N2");
    const renamed = await admin.request("PUT", `/api/org-units/${unit?.id}/name`, {
      name: "Unit N2 (Foster Care)",
      version: unit?.version,
    });
    expect(renamed.statusCode).toBe(200);
    const stale = await admin.request("PUT", `/api/org-units/${unit?.id}/name`, {
      name: "Something else",
      version: unit?.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ name: "Unit N2 (Foster Care)" });
  });

  it("moves a unit with its people to another region: head counts follow and the subtree moves too", async () => {
    const before = await tree();
    const south = before.find((u) => u.id === world.units.south.id);
    const office = before.find((u) => u.id === world.units.northOffice.id);
    const moved = await admin.request("POST", `/api/org-units/${world.units.northOffice.id}/move`, {
      parentId: world.units.south.id,
      version: office?.version,
    });
    expect(moved.statusCode).toBe(200);
    const after = await tree();
    const southAfter = after.find((u) => u.id === world.units.south.id);
    expect(southAfter?.headCount).toBe((south?.headCount ?? 0) + (office?.headCount ?? 0));
    // Units below the moved office carry the new path, so scopes (a manager's subtree) follow.
    const unitN1Row = await db
      .selectFrom("org_units")
      .select("path")
      .where("id", "=", world.units.unitN1.id)
      .executeTakeFirstOrThrow();
    expect(
      unitN1Row.path.startsWith(`${world.units.root.path}${world.units.south.id}/${world.units.northOffice.id}/`),
    ).toBe(true);
  });

  it("refuses to move a unit under its own sub-unit", async () => {
    const office = await unitNamed("North Office");
    const response = await admin.request("POST", `/api/org-units/${world.units.northOffice.id}/move`, {
      parentId: world.units.unitN1.id,
      version: office?.version,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe("parentId");
  });

  it("will not retire a unit that still has people, and retires an empty one that keeps its history", async () => {
    const n1 = await unitNamed("Unit N1");
    const busy = await admin.request("POST", `/api/org-units/${n1?.id}/retirement`, {
      retired: true,
      version: n1?.version,
    });
    expect(busy.statusCode).toBe(400);
    expect(busy.json().detail).toMatch(/active/);

    const empty = await unitNamed("Unit N3");
    const retired = await admin.request("POST", `/api/org-units/${empty?.id}/retirement`, {
      retired: true,
      version: empty?.version,
    });
    expect(retired.statusCode).toBe(200);
    expect((await unitNamed("Unit N3"))?.retired).toBe(true);
    const audit = await admin.request("GET", `/api/audit-events?entityType=org_unit&entityId=${empty?.id}`);
    expect(audit.json().items.map((e: { summary: string }) => e.summary)).toEqual([
      "Retired Unit N3",
      "Created Unit N3 under North Office",
    ]);
  });

  it("does not let a supervisor change the tree", async () => {
    const supervisor = await signIn(app, world.emails.supervisor);
    const response = await supervisor.request("POST", "/api/org-units", {
      parentId: world.units.unitN1.id,
      name: "Mine",
      kind: "unit",
    });
    expect(response.statusCode).toBe(403);
  });
});
