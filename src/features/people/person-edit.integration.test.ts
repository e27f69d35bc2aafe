import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, TEST_PASSWORD, type World } from "../../../tests/support/world.js";
import { buildUser } from "../demo/builders.js";

const { app, db } = await startTestApp();

let alpha: World;
/** Two administrators editing the same people at the same time. */
let first: Client;
let second: Client;

interface PersonBody {
  givenName: string;
  familyName: string;
  workEmail: string;
  jobRole: string;
  level: string;
  hireDate: string;
  endDate: string;
  languages: string[];
  version: number;
}

async function storedPerson(personId: string) {
  return db.selectFrom("people").selectAll().where("id", "=", personId).executeTakeFirstOrThrow();
}

async function editBody(personId: string, changes: Partial<PersonBody> = {}): Promise<PersonBody> {
  const row = await storedPerson(personId);
  return {
    givenName: row.given_name,
    familyName: row.family_name,
    workEmail: row.work_email ?? "",
    jobRole: row.job_role,
    level: row.level,
    hireDate: row.hire_date ?? "",
    endDate: row.end_date ?? "",
    languages: JSON.parse(row.languages) as string[],
    version: row.version,
    ...changes,
  };
}

beforeAll(async () => {
  alpha = await buildWorld(db, "alpha");
  await buildUser(db, alpha.agency.id, {
    email: "second.admin@alpha.test",
    displayName: "Second admin",
    personId: null,
    roles: ["admin"],
    password: TEST_PASSWORD,
  });
  first = await signIn(app, alpha.emails.admin);
  second = await signIn(app, "second.admin@alpha.test");
});

describe("editing a person while someone else does", () => {
  it("refuses the stale write with 409 and the record as it now stands, and keeps the first write", async () => {
    const personId = alpha.people.workerN2.id;
    const bothOpened = await editBody(personId);

    const saved = await first.request("PUT", `/api/people/${personId}`, { ...bothOpened, givenName: "Saved first" });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ givenName: "Saved first", version: bothOpened.version + 1 });

    const stale = await second.request("PUT", `/api/people/${personId}`, {
      ...bothOpened,
      givenName: "Saved second",
      languages: ["French"],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const problem = stale.json<{ code: string; current: Record<string, unknown> }>();
    expect(problem.code).toBe("CONFLICT");
    expect(problem.current).toMatchObject({
      id: personId,
      givenName: "Saved first",
      languages: bothOpened.languages,
      version: bothOpened.version + 1,
    });

    const row = await storedPerson(personId);
    expect(row.given_name).toBe("Saved first");
    expect(JSON.parse(row.languages)).toEqual(bothOpened.languages);
    expect(row.version).toBe(bothOpened.version + 1);
  });

  it("accepts the write once it carries the current version, and counts the version up by one", async () => {
    const personId = alpha.people.workerN2.id;
    const current = await editBody(personId);
    const retried = await second.request("PUT", `/api/people/${personId}`, { ...current, givenName: "Saved second" });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ givenName: "Saved second", version: current.version + 1 });
    expect((await storedPerson(personId)).version).toBe(current.version + 1);
  });

  it("treats a version from the future as stale too", async () => {
    const personId = alpha.people.workerS1.id;
    const current = await editBody(personId);
    const response = await first.request("PUT", `/api/people/${personId}`, {
      ...current,
      givenName: "From the future",
      version: current.version + 5,
    });
    expect(response.statusCode).toBe(409);
    expect((await storedPerson(personId)).given_name).toBe(current.givenName);
  });
});

describe("invalid edits", () => {
  const cases: [string, Partial<PersonBody> | Record<string, unknown>, string[]][] = [
    ["an empty given name", { givenName: "   " }, ["givenName"]],
    ["a malformed email", { workEmail: "not an email" }, ["workEmail"]],
    ["a date that is not a date", { hireDate: "31/03/2024" }, ["hireDate"]],
    ["an unknown job role", { jobRole: "wizard" }, ["jobRole"]],
    [
      "several problems at once",
      { givenName: "", familyName: "", level: "intern" },
      ["givenName", "familyName", "level"],
    ],
    ["a missing version", { version: undefined }, ["version"]],
    ["an end date before the hire date", { hireDate: "2024-05-01", endDate: "2023-05-01" }, ["endDate"]],
  ];

  it.each(cases)("rejects %s with field-level errors and changes nothing", async (_label, changes, fields) => {
    const personId = alpha.people.supervisorN2.id;
    const before = await storedPerson(personId);
    const body = { ...(await editBody(personId)), ...changes };
    const response = await first.request("PUT", `/api/people/${personId}`, body);
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const problem = response.json<{ status: number; errors: { field: string; message: string }[] }>();
    expect(problem.status).toBe(400);
    expect(problem.errors.map((e) => e.field).sort()).toEqual([...fields].sort());
    for (const error of problem.errors) expect(error.message.length).toBeGreaterThan(0);
    expect(await storedPerson(personId)).toEqual(before);
  });

  it("says in words that a required field is missing", async () => {
    const { givenName: _omitted, ...body } = await editBody(alpha.people.supervisorN2.id);
    const response = await first.request("PUT", `/api/people/${alpha.people.supervisorN2.id}`, body);
    expect(response.json().errors).toEqual([{ field: "givenName", message: "This field is required." }]);
  });
});
