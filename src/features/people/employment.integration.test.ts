import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, TEST_PASSWORD, type World } from "../../../tests/support/world.js";

const { app, db } = await startTestApp();
let world: World;
let admin: Client;
beforeAll(async () => {
  world = await buildWorld(db, "jobs");
  admin = await signIn(app, world.emails.admin);
});

const personVersion = async (id: string) =>
  (await db.selectFrom("people").select("version").where("id", "=", id).executeTakeFirstOrThrow()).version;

describe("hiring", () => {
  it("adds a person to a unit under a supervisor", async () => {
    const response = await admin.request("POST", "/api/people", {
      employeeId: "000123",
      givenName: "Ana",
      familyName: "Ortiz",
      workEmail: "Ana.Ortiz@jobs.test",
      jobRole: "social_worker",
      level: "practice",
      orgUnitId: world.units.unitN1.id,
      supervisorId: world.people.supervisorN1.id,
      hireDate: "2026-11-02",
      languages: ["English", "Spanish"],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      employeeId: "000123",
      workEmail: "ana.ortiz@jobs.test",
      orgUnitName: "Unit N1",
      active: true,
    });
    const supervisorView = await (await signIn(app, world.emails.supervisor)).request("GET", "/api/people?q=ortiz");
    expect(supervisorView.json().total).toBe(1);
  });

  it("refuses an employee id already in use, and writes nothing", async () => {
    const before = await db
      .selectFrom("people")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    const response = await admin.request("POST", "/api/people", {
      employeeId: "000123",
      givenName: "Other",
      familyName: "Person",
      jobRole: "case_aide",
      level: "practice",
      orgUnitId: world.units.unitN1.id,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: "employeeId", message: expect.stringContaining("000123") }]);
    const after = await db
      .selectFrom("people")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("lists every missing field at once", async () => {
    const response = await admin.request("POST", "/api/people", { givenName: "" });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["givenName", "familyName", "jobRole", "level", "orgUnitId"]));
  });
});

describe("transfers", () => {
  it("moves a person to another unit and supervisor; the old supervisor no longer sees them", async () => {
    const id = world.people.workerN2.id;
    const response = await admin.request("POST", `/api/people/${id}/transfer`, {
      orgUnitId: world.units.unitS1.id,
      supervisorId: world.people.southManager.id,
      version: await personVersion(id),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().orgUnitName).toBe("Unit S1");
    const manager = await signIn(app, world.emails.manager);
    expect((await manager.request("GET", `/api/people/${id}`)).statusCode).toBe(403);
  });

  it("refuses a supervisor who reports to the person being moved", async () => {
    const response = await admin.request("POST", `/api/people/${world.people.northManager.id}/transfer`, {
      orgUnitId: world.units.north.id,
      supervisorId: world.people.workerN1.id,
      version: await personVersion(world.people.northManager.id),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({
      field: "supervisorId",
      message: expect.stringContaining("loop"),
    });
  });
});

describe("ending employment", () => {
  it("keeps the person in history, drops them from the active list and stops their sign-in", async () => {
    const id = world.people.workerN1.id;
    const worker = await signIn(app, world.emails.staff);
    const response = await admin.request("POST", `/api/people/${id}/end-employment`, {
      endDate: "2026-01-15",
      version: await personVersion(id),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ active: false, endDate: "2026-01-15" });

    expect((await worker.request("GET", "/api/home")).statusCode).toBe(401);
    const again = await anonymous(app).request("POST", "/api/auth/login", {
      email: world.emails.staff,
      password: TEST_PASSWORD,
    });
    expect(again.statusCode).toBe(401);

    const active = await admin.request("GET", "/api/people?q=Worker&active=true");
    expect(active.json().items.map((p: { id: string }) => p.id)).not.toContain(id);
    const ended = await admin.request("GET", "/api/people?active=false");
    expect(ended.json().items.map((p: { id: string }) => p.id)).toContain(id);
  });
});
