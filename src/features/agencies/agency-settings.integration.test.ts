import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";

const { app, db } = await startTestApp();

let alpha: World;
/** Two sessions of the agency's administrator, as if open in two browser tabs. */
let tabOne: Client;
let tabTwo: Client;

async function storedAgency() {
  return db.selectFrom("agencies").selectAll().where("id", "=", alpha.agency.id).executeTakeFirstOrThrow();
}

async function settingsBody(changes: Record<string, unknown> = {}) {
  const row = await storedAgency();
  return {
    name: row.name,
    timeZone: row.time_zone,
    requireTotp: row.require_totp === 1,
    version: row.version,
    ...changes,
  };
}

beforeAll(async () => {
  alpha = await buildWorld(db, "alpha");
  tabOne = await signIn(app, alpha.emails.admin);
  tabTwo = await signIn(app, alpha.emails.admin);
});

describe("changing agency settings from two places at once", () => {
  it("refuses the stale write with 409 and the settings as they now stand", async () => {
    const opened = await settingsBody();
    const saved = await tabOne.request("PUT", "/api/agency", { ...opened, timeZone: "America/Denver" });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ timeZone: "America/Denver", version: opened.version + 1 });

    const stale = await tabTwo.request("PUT", "/api/agency", { ...opened, name: "Overwritten name" });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(stale.json()).toMatchObject({
      code: "CONFLICT",
      current: { id: alpha.agency.id, name: opened.name, timeZone: "America/Denver", version: opened.version + 1 },
    });
    expect(await storedAgency()).toMatchObject({
      name: opened.name,
      time_zone: "America/Denver",
      version: opened.version + 1,
    });
  });

  it("accepts the write with the current version and counts the version up by one", async () => {
    const current = await settingsBody();
    const response = await tabTwo.request("PUT", "/api/agency", { ...current, name: "Alpha Children and Families" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: "Alpha Children and Families", version: current.version + 1 });
    expect((await storedAgency()).version).toBe(current.version + 1);
  });
});

describe("invalid settings", () => {
  it.each([
    ["a time zone that does not exist", { timeZone: "Mars/Olympus_Mons" }, ["timeZone"]],
    ["an abbreviation instead of an IANA zone", { timeZone: "PST" }, ["timeZone"]],
    ["a one-letter name", { name: "A" }, ["name"]],
    ["a yes/no written as text", { requireTotp: "yes" }, ["requireTotp"]],
    ["a version that is not a number", { version: "latest" }, ["version"]],
  ])("rejects %s with field-level errors and changes nothing", async (_label, changes, fields) => {
    const before = await storedAgency();
    const response = await tabOne.request("PUT", "/api/agency", await settingsBody(changes));
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const problem = response.json<{ errors: { field: string; message: string }[] }>();
    expect(problem.errors.map((e) => e.field)).toEqual(fields);
    // The field was sent, so the message must say what is wrong with it, not that it is missing.
    for (const error of problem.errors) expect(error.message).not.toBe("This field is required.");
    expect(await storedAgency()).toEqual(before);
  });
});
