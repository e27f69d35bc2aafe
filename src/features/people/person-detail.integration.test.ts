import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import { buildPerson } from "../demo/builders.js";

const { app, db } = await startTestApp();

let world: World;
let admin: Client;

interface Summary {
  id: string;
  givenName: string;
}

async function detailOf(personId: string) {
  const response = await admin.request("GET", `/api/people/${personId}`);
  expect(response.statusCode).toBe(200);
  return response.json<{ reportingLine: Summary[]; directReports: Summary[] }>();
}

const names = (people: Summary[]) => people.map((p) => p.givenName);

beforeAll(async () => {
  world = await buildWorld(db, "detail");
  admin = await signIn(app, world.emails.admin);
});

describe("a person's reporting line", () => {
  it("lists every supervisor up to the top, nearest first", async () => {
    const detail = await detailOf(world.people.workerN1.id);
    expect(names(detail.reportingLine)).toEqual(["Supervisor", "Manager", "Director"]);
    expect(detail.directReports).toEqual([]);
  });

  it("shows a supervisor's line above them and the people who report to them", async () => {
    const detail = await detailOf(world.people.supervisorN1.id);
    expect(names(detail.reportingLine)).toEqual(["Manager", "Director"]);
    expect(names(detail.directReports)).toEqual(["Worker"]);
  });

  it("is empty at the top of the agency", async () => {
    const detail = await detailOf(world.people.director.id);
    expect(detail.reportingLine).toEqual([]);
  });

  it("stops at twenty levels in a very tall organization", async () => {
    let above = world.people.director;
    for (let level = 1; level <= 25; level += 1) {
      above = await buildPerson(db, world.agency.id, {
        givenName: `Level${level}`,
        familyName: "Tall",
        jobRole: "manager",
        level: "management",
        orgUnitId: world.units.root.id,
        supervisorId: above.id,
      });
    }
    const detail = await detailOf(above.id);
    expect(detail.reportingLine).toHaveLength(20);
    expect(detail.reportingLine[0]?.givenName).toBe("Level24");
    expect(detail.reportingLine[19]?.givenName).toBe("Level5");
  });

  it("ends where a cycle in the data would start repeating people", async () => {
    await db
      .updateTable("people")
      .set({ supervisor_id: world.people.workerN2.id })
      .where("id", "=", world.people.director.id)
      .execute();
    try {
      const worker = await detailOf(world.people.workerN1.id);
      expect(names(worker.reportingLine)).toEqual(["Supervisor", "Manager", "Director", "WorkerTwo", "SupervisorTwo"]);
      const manager = await detailOf(world.people.northManager.id);
      expect(names(manager.reportingLine)).toEqual(["Director", "WorkerTwo", "SupervisorTwo"]);
    } finally {
      await db.updateTable("people").set({ supervisor_id: null }).where("id", "=", world.people.director.id).execute();
    }
  });
});
