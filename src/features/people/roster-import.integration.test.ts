import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import { parseCsv, parseXlsx } from "./roster-format.js";
import type { RosterImport, RosterMapping } from "./roster-import.schema.js";

const { app, db } = await startTestApp();

let world: World;
let other: World;
let admin: Client;

beforeAll(async () => {
  world = await buildWorld(db, "roster");
  other = await buildWorld(db, "elsewhere");
  admin = await signIn(app, world.emails.admin);
});

const HR_HEADERS = ["Emp ID", "First Name", "Last Name", "Email", "Position", "Unit", "Supervisor Emp ID", "Hire Date"];

function csv(rows: string[][]): string {
  const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(quote).join(",")).join("\r\n");
}

async function upload(client: Client, fileName: string, content: string | Buffer) {
  const response = await client.request("POST", "/api/roster-imports", {
    fileName,
    content: Buffer.from(content).toString("base64"),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<RosterImport>();
}

async function preview(client: Client, imported: RosterImport, mapping: Partial<RosterMapping> = {}) {
  const response = await client.request("POST", `/api/roster-imports/${imported.id}/preview`, {
    ...imported.mapping,
    ...mapping,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<RosterImport>();
}

async function peopleOf(agencyId: string) {
  return db.selectFrom("people").selectAll().where("agency_id", "=", agencyId).orderBy("id").execute();
}

async function personByEmployeeId(employeeId: string) {
  return db
    .selectFrom("people")
    .selectAll()
    .where("agency_id", "=", world.agency.id)
    .where("employee_id", "=", employeeId)
    .executeTakeFirst();
}

/** The world's people as an HR file lists them today (E4's row is the worker in unit N1). */
function currentRows(): string[][] {
  return [
    ["E3", "Supervisor", "roster", "supervisor@roster.test", "Supervisor", "Unit N1", "E2", ""],
    ["E4", "Worker", "roster", "worker@roster.test", "Social Worker", "Unit N1", "E3", ""],
  ];
}

describe("uploading and mapping a roster", () => {
  it("suggests a mapping from HR-style headers and keeps a sample of the rows", async () => {
    const imported = await upload(admin, "hr.csv", csv([HR_HEADERS, ...currentRows()]));
    expect(imported.status).toBe("uploaded");
    expect(imported.headers).toEqual(HR_HEADERS);
    expect(imported.rowCount).toBe(2);
    expect(imported.mapping.columns).toEqual({
      employeeId: "Emp ID",
      givenName: "First Name",
      familyName: "Last Name",
      workEmail: "Email",
      jobRole: "Position",
      unit: "Unit",
      supervisorEmployeeId: "Supervisor Emp ID",
      hireDate: "Hire Date",
    });
    expect(imported.sampleRows[0]?.[0]).toBe("E3");
  });

  it("refuses a file it cannot read, with the reason", async () => {
    const response = await admin.request("POST", "/api/roster-imports", {
      fileName: "roster.pdf",
      content: Buffer.from("%PDF").toString("base64"),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toMatch(/csv or \.xlsx/i);
    const twins = await admin.request("POST", "/api/roster-imports", {
      fileName: "twins.csv",
      content: Buffer.from("Emp ID,emp id\n1,2").toString("base64"),
    });
    expect(twins.statusCode).toBe(400);
    expect(twins.json().detail).toMatch(/named alike/);
  });

  it("remembers the agency's column and job-role mapping for the next file with those headers", async () => {
    const headers = ["Badge", "Given", "Surname", "Title", "Team"];
    const first = await upload(admin, "custom.csv", csv([headers, ["E4", "Worker", "roster", "SW II", "Unit N1"]]));
    expect(first.mapping.columns.employeeId).toBeUndefined();
    const unmapped = await preview(admin, first, {
      columns: { employeeId: "Badge", givenName: "Given", familyName: "Surname", jobRole: "Title", unit: "Team" },
    });
    expect(unmapped.preview?.errors).toEqual([
      { row: 2, field: "jobRole", value: "SW II", message: expect.stringMatching(/not a job role/) },
    ]);
    expect(unmapped.preview?.unknownValues.jobRole).toEqual(["SW II"]);
    const mapped = await preview(admin, unmapped, { jobRoles: { "SW II": "social_worker" } });
    expect(mapped.preview?.counts).toMatchObject({ errors: 0, unchanged: 1 });

    const second = await upload(
      admin,
      "custom-again.csv",
      csv([headers, ["E4", "Worker", "roster", "sw ii", "Unit N1"]]),
    );
    expect(second.mapping.columns).toEqual({
      employeeId: "Badge",
      givenName: "Given",
      familyName: "Surname",
      jobRole: "Title",
      unit: "Team",
    });
    // The remembered label matches without case, so "sw ii" needs no mapping this time.
    expect((await preview(admin, second)).preview?.counts).toMatchObject({ errors: 0, unchanged: 1 });
  });
});

describe("the dry run", () => {
  it("sorts rows into new, changed and unchanged, and lists errors with row numbers and reasons", async () => {
    const before = await peopleOf(world.agency.id);
    const imported = await upload(
      admin,
      "mixed.csv",
      csv([
        HR_HEADERS,
        ...currentRows(),
        ["E6", "WorkerTwo", "roster", "new.address@roster.test", "social worker", "Unit N1", "E3", ""],
        ["N-100", "Ana", "Nueva", "ana@roster.test", "Case Aide", "Unit S1", "E7", "3/15/2025"],
        ["N-101", "", "Nameless", "", "Social Worker", "Unit S1", "E7", ""],
        ["N-102", "Bad", "Unit", "", "Social Worker", "Unit Z9", "E7", ""],
        ["N-103", "Bad", "Boss", "", "Social Worker", "Unit S1", "NOBODY", ""],
        ["E4", "Dup", "Licate", "", "Social Worker", "Unit N1", "E3", ""],
        ["N-104", "Bad", "Date", "", "Social Worker", "Unit S1", "E7", "2025-02-30"],
        ["N-105", "Bad", "Email", "not-an-email", "Social Worker", "Unit S1", "E7", ""],
        ["N-106", "Bad", "Role", "", "Wizard", "Unit S1", "E7", ""],
      ]),
    );
    const checked = await preview(admin, imported);
    const result = checked.preview;
    expect(checked.status).toBe("previewed");
    expect(result?.counts).toMatchObject({ rows: 11, new: 1, changed: 1, unchanged: 2, errors: 7 });
    expect(result?.new).toEqual([{ row: 5, employeeId: "N-100", name: "Ana Nueva", changes: [] }]);
    expect(result?.changed).toEqual([
      {
        row: 4,
        employeeId: "E6",
        name: "WorkerTwo roster",
        changes: [
          { field: "workEmail", from: "workertwo@roster.test", to: "new.address@roster.test" },
          { field: "unit", from: "Unit N2", to: "Unit N1" },
          { field: "supervisorEmployeeId", from: "E5", to: "E3" },
        ],
      },
    ]);
    expect(result?.errors.map((e) => [e.row, e.field])).toEqual([
      [6, "givenName"],
      [7, "unit"],
      [8, "supervisorEmployeeId"],
      [9, "employeeId"],
      [10, "hireDate"],
      [11, "workEmail"],
      [12, "jobRole"],
    ]);
    expect(result?.errors.find((e) => e.row === 9)?.message).toBe("Employee id E4 is also on row 3.");
    expect(result?.errors.find((e) => e.row === 7)?.message).toBe('There is no unit named "Unit Z9".');
    const peopleInCascade = (await peopleOf(world.agency.id)).filter((p) => p.employee_id !== null).length;
    expect(result?.counts.notInFile).toBe(peopleInCascade - 3);
    // A dry run writes no person.
    expect(await peopleOf(world.agency.id)).toEqual(before);

    const apply = await admin.request("POST", `/api/roster-imports/${imported.id}/apply`);
    expect(apply.statusCode).toBe(400);
    expect(apply.json().errors).toHaveLength(7);
    expect(await peopleOf(world.agency.id)).toEqual(before);
  });

  it("refuses a file whose required columns are not mapped", async () => {
    const imported = await upload(
      admin,
      "thin.csv",
      csv([
        ["Emp ID", "First Name"],
        ["E4", "Worker"],
      ]),
    );
    const checked = await preview(admin, imported);
    expect(checked.preview?.errors.map((e) => e.field).sort()).toEqual(["familyName", "jobRole", "unit"]);
    expect(checked.preview?.errors.every((e) => e.row === 1)).toBe(true);
  });
});

describe("applying", () => {
  it("writes everything in one go, resolves supervisors new in the same file, and a re-import changes nothing", async () => {
    const rows = [
      HR_HEADERS,
      ["N-200", "Lead", "Newhire", "lead@roster.test", "Supervisor", "Unit S1", "E7", "2025-01-06"],
      // Reports to a supervisor who is only in this file, listed above or below.
      ["N-201", "Follows", "Newhire", "follows@roster.test", "Social Worker", "Unit S1", "N-200", "2025-01-13"],
      ["N-202", "Precedes", "Newhire", "", "Case aide", "Unit S1", "N-200", ""],
      ["E8", "WorkerSouth", "roster", "workersouth@roster.test", "Social Worker", "Unit S1", "N-200", ""],
    ];
    const file = csv(rows);
    const checked = await preview(admin, await upload(admin, "hires.csv", file));
    expect(checked.preview?.counts).toMatchObject({ new: 3, changed: 1, errors: 0 });
    const auditBefore = await db
      .selectFrom("audit_events")
      .select("id")
      .where("agency_id", "=", world.agency.id)
      .execute();

    const apply = await admin.request("POST", `/api/roster-imports/${checked.id}/apply`);
    expect(apply.statusCode, apply.body).toBe(200);
    expect(apply.json()).toEqual({ created: 3, updated: 1, unchanged: 0 });

    const lead = await personByEmployeeId("N-200");
    const follows = await personByEmployeeId("N-201");
    expect(lead).toMatchObject({ given_name: "Lead", job_role: "supervisor", level: "supervisory" });
    expect(lead?.supervisor_id).toBe(world.people.southManager.id);
    expect(follows).toMatchObject({
      supervisor_id: lead?.id,
      hire_date: "2025-01-13",
      work_email: "follows@roster.test",
    });
    expect((await personByEmployeeId("N-202"))?.supervisor_id).toBe(lead?.id);
    expect((await personByEmployeeId("E8"))?.supervisor_id).toBe(lead?.id);
    const audit = await db
      .selectFrom("audit_events")
      .select(["entity_type", "action"])
      .where("agency_id", "=", world.agency.id)
      .where("id", ">", Math.max(...auditBefore.map((a) => a.id)))
      .execute();
    expect(
      audit
        .filter((a) => a.entity_type === "person")
        .map((a) => a.action)
        .sort(),
    ).toEqual(["create", "create", "create", "update"]);
    expect(audit.some((a) => a.entity_type === "roster_import")).toBe(true);

    const again = await admin.request("POST", `/api/roster-imports/${checked.id}/apply`);
    expect(again.statusCode).toBe(409);

    const people = await peopleOf(world.agency.id);
    const reimport = await preview(admin, await upload(admin, "hires-again.csv", file));
    expect(reimport.preview?.counts).toMatchObject({ new: 0, changed: 0, unchanged: 4, errors: 0 });
    const reapply = await admin.request("POST", `/api/roster-imports/${reimport.id}/apply`);
    expect(reapply.json()).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(await peopleOf(world.agency.id)).toEqual(people);
  });

  it("refuses to apply when people changed after the dry run, and writes nothing", async () => {
    const checked = await preview(
      admin,
      await upload(
        admin,
        "stale.csv",
        csv([HR_HEADERS, ["E6", "Renamed", "roster", "", "Social Worker", "Unit N2", "E5", ""]]),
      ),
    );
    expect(checked.preview?.counts.changed).toBe(1);
    await db
      .updateTable("people")
      .set({ given_name: "Meanwhile" })
      .where("id", "=", world.people.workerN2.id)
      .execute();
    const before = await peopleOf(world.agency.id);
    const apply = await admin.request("POST", `/api/roster-imports/${checked.id}/apply`);
    expect(apply.statusCode).toBe(409);
    expect(await peopleOf(world.agency.id)).toEqual(before);
  });

  it("rolls back every row when a write fails midway", async () => {
    const rows = [
      HR_HEADERS,
      ["N-300", "First", "Written", "", "Social Worker", "Unit S1", "E7", ""],
      ["N-301", "Second", "Written", "", "Social Worker", "Unit S1", "E7", ""],
    ];
    const checked = await preview(admin, await upload(admin, "race.csv", csv(rows)));
    // Someone adds N-301 by hand after the dry run: the diff no longer holds, so nothing is written.
    await admin.request("POST", "/api/people", {
      employeeId: "N-301",
      givenName: "Hand",
      familyName: "Made",
      jobRole: "social_worker",
      level: "practice",
      orgUnitId: world.units.unitS1.id,
    });
    const apply = await admin.request("POST", `/api/roster-imports/${checked.id}/apply`);
    expect(apply.statusCode).toBe(409);
    expect(await personByEmployeeId("N-300")).toBeUndefined();
  });

  it("applies a file once when two requests race to apply it", async () => {
    const checked = await preview(
      admin,
      await upload(
        admin,
        "twice.csv",
        csv([HR_HEADERS, ["N-500", "Only", "Once", "", "Social Worker", "Unit S1", "E7", ""]]),
      ),
    );
    const url = `/api/roster-imports/${checked.id}/apply`;
    const answers = await Promise.all([admin.request("POST", url), admin.request("POST", url)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const rows = await db.selectFrom("people").select("id").where("employee_id", "=", "N-500").execute();
    expect(rows).toHaveLength(1);
  });

  it("streams progress as newline-delimited JSON, ending with the result", async () => {
    const checked = await preview(
      admin,
      await upload(
        admin,
        "stream.csv",
        csv([HR_HEADERS, ["N-400", "Streamed", "Hire", "", "Social Worker", "Unit S1", "E7", ""]]),
      ),
    );
    const response = await app.inject({
      method: "POST",
      url: `/api/roster-imports/${checked.id}/apply`,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken, accept: "application/x-ndjson" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/x-ndjson/);
    const lines = response.body
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; phase?: string });
    expect(lines[0]).toMatchObject({ type: "progress", phase: "checking" });
    expect(lines.at(-1)).toEqual({ type: "done", result: { created: 1, updated: 0, unchanged: 0 } });
    expect(await personByEmployeeId("N-400")).toMatchObject({ given_name: "Streamed" });
  });

  it("closes the account of someone whose end date in the file has passed, as ending employment by hand does", async () => {
    const account = await signIn(app, world.emails.staff);
    const checked = await preview(
      admin,
      await upload(
        admin,
        "leaver.csv",
        csv([
          [...HR_HEADERS, "End Date"],
          ["E4", "Worker", "roster", "worker@roster.test", "Social Worker", "Unit N1", "E3", "", "2020-06-30"],
        ]),
      ),
    );
    expect(checked.preview?.changed[0]?.changes).toEqual([{ field: "endDate", from: "", to: "2020-06-30" }]);
    expect((await admin.request("POST", `/api/roster-imports/${checked.id}/apply`)).statusCode).toBe(200);
    const user = await db
      .selectFrom("users")
      .select("is_active")
      .where("person_id", "=", world.people.workerN1.id)
      .executeTakeFirstOrThrow();
    expect(user.is_active).toBe(0);
    expect((await account.request("GET", "/api/auth/session")).statusCode).toBe(401);
  });

  it("sends progress lines over the network while the transaction is still running", async () => {
    const hires = Array.from({ length: 1200 }, (_, i) => [
      `P-${i}`,
      "Progress",
      `Hire ${i}`,
      "",
      "Social Worker",
      "Unit S1",
      "E7",
      "",
    ]);
    const checked = await preview(admin, await upload(admin, "progress.csv", csv([HR_HEADERS, ...hires])));
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    const response = await fetch(`${address}/api/roster-imports/${checked.id}/apply`, {
      method: "POST",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken, accept: "application/x-ndjson" },
    });
    if (!response.body) throw new Error("the apply answered without a body");
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const reads: string[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      reads.push(decoder.decode(next.value, { stream: true }));
    }
    const lines = reads
      .join("")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; phase?: string });
    expect(lines.filter((l) => l.phase === "writing").length).toBeGreaterThanOrEqual(3);
    expect(lines.at(-1)?.type).toBe("done");
    // The lines came in pieces, not all at once after the commit.
    expect(reads.length).toBeGreaterThan(3);
  });

  it("imports an XLSX workbook, with text, number and date cells", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Staff");
    sheet.addRow(HR_HEADERS);
    sheet.addRow([
      "007",
      "Bond",
      "Ångström",
      "bond@roster.test",
      "Social Worker",
      "Unit S1",
      "E7",
      new Date(Date.UTC(2024, 2, 31)),
    ]);
    sheet.addRow([4242, "王", "小明", "", "case aide", "Unit S1", "E7", "2024-04-01"]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const checked = await preview(admin, await upload(admin, "staff.xlsx", content));
    expect(checked.preview?.counts).toMatchObject({ new: 2, errors: 0 });
    expect((await admin.request("POST", `/api/roster-imports/${checked.id}/apply`)).statusCode).toBe(200);
    expect(await personByEmployeeId("007")).toMatchObject({ family_name: "Ångström", hire_date: "2024-03-31" });
    expect(await personByEmployeeId("4242")).toMatchObject({
      given_name: "王",
      family_name: "小明",
      job_role: "case_aide",
    });
  });
});

describe("export", () => {
  async function exportAs(client: Client, format: "csv" | "xlsx", filters: object = {}) {
    const response = await client.request("POST", "/api/people/export", { format, ...filters });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  }

  it("neutralizes formula cells in CSV and XLSX, and the import reads them back exactly", async () => {
    await admin.request("POST", "/api/people", {
      employeeId: "-0042",
      givenName: '=HYPERLINK("http://evil.example")',
      familyName: "@SUM(A1)",
      workEmail: "",
      jobRole: "social_worker",
      level: "practice",
      orgUnitId: world.units.unitS1.id,
      languages: ["+Esperanto", "'Quoted"],
    });
    const csvResponse = await exportAs(admin, "csv", { q: "-0042" });
    expect(csvResponse.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csvResponse.headers["content-disposition"]).toMatch(/attachment; filename="people-.*\.csv"/);
    const text = csvResponse.body;
    expect(text).toContain(`'-0042,"'=HYPERLINK(""http://evil.example"")",'@SUM(A1)`);
    expect(text).toContain("'+Esperanto; 'Quoted");
    for (const line of text
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .slice(1)) {
      for (const cell of line.split(",")) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r]/);
    }
    const sheet = parseCsv(text);
    expect(sheet.rows[0]?.slice(0, 3)).toEqual(["-0042", '=HYPERLINK("http://evil.example")', "@SUM(A1)"]);

    const xlsx = await exportAs(admin, "xlsx", { q: "-0042" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const raw = workbook.worksheets[0]?.getRow(2).getCell(2).value;
    expect(raw).toBe(`'=HYPERLINK("http://evil.example")`);
    expect((await parseXlsx(xlsx.rawPayload)).rows[0]?.slice(0, 3)).toEqual([
      "-0042",
      '=HYPERLINK("http://evil.example")',
      "@SUM(A1)",
    ]);

    // The exported file imported as it is changes nothing.
    const reimport = await preview(admin, await upload(admin, "export.csv", text));
    expect(reimport.preview?.counts).toMatchObject({ rows: 1, unchanged: 1, changed: 0, new: 0, errors: 0 });
    const reimportXlsx = await preview(admin, await upload(admin, "export.xlsx", xlsx.rawPayload));
    expect(reimportXlsx.preview?.counts).toMatchObject({ rows: 1, unchanged: 1, errors: 0 });
  });

  it("exports the whole agency for an administrator and only the actor's subtree for a supervisor, and audits it", async () => {
    const all = parseCsv((await exportAs(admin, "csv")).body);
    const ids = (await peopleOf(world.agency.id)).map((p) => p.employee_id).filter((id) => id !== null);
    expect(all.rows.map((r) => r[0]).sort()).toEqual([...ids].sort());
    const otherIds = (await peopleOf(other.agency.id)).map((p) => p.work_email).filter((e) => e !== null);
    for (const email of otherIds) expect(all.rows.some((r) => r.includes(email))).toBe(false);

    const supervisor = await signIn(app, world.emails.supervisor);
    const mine = parseCsv((await exportAs(supervisor, "csv")).body);
    expect(mine.rows.map((r) => r[1]).sort()).toEqual(["Supervisor", "Worker"]);
    const audit = await db
      .selectFrom("audit_events")
      .select("summary")
      .where("agency_id", "=", world.agency.id)
      .where("entity_type", "=", "people_export")
      .execute();
    expect(audit.map((a) => a.summary)).toContain("Exported 2 people as CSV");
  });
});
