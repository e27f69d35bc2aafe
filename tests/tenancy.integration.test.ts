import { beforeAll, describe, expect, it } from "vitest";
import { buildPerson, buildUser } from "../src/features/demo/builders.js";
import { parseXlsx } from "../src/features/people/roster-format.js";
import { buildPartnersAndTeams, type PartnersAndTeams } from "./support/partners-and-teams.js";
import { buildPracticeModel, practiceModelFile, resetPracticeModel } from "./support/practice-models.js";
import { type Client, signIn, startTestApp } from "./support/test-app.js";
import { buildWorld, TEST_PASSWORD, type World } from "./support/world.js";

/**
 * An agency is a tenant: nothing one agency's users do may read, list, count or change
 * another agency's rows. Alpha's users act throughout; beta is the agency they must never see.
 */

const { app, db } = await startTestApp();

let alpha: World;
let beta: World;
let alphaAdmin: Client;
let betaAdmin: Client;
/** A person only beta has, with an employee id and email that nothing in alpha shares. */
let betaOnly: { id: string; employeeId: string; workEmail: string };

interface PersonItem {
  id: string;
}
interface PeoplePage {
  items: PersonItem[];
  total: number;
}

async function personIdsOf(agencyId: string): Promise<string[]> {
  const rows = await db.selectFrom("people").select("id").where("agency_id", "=", agencyId).execute();
  return rows.map((r) => r.id);
}

/** Every row of beta's tenant-owned tables, to prove a request changed none of them. */
async function snapshotOf(agencyId: string) {
  const [agency, units, people, users, roles] = await Promise.all([
    db.selectFrom("agencies").selectAll().where("id", "=", agencyId).execute(),
    db.selectFrom("org_units").selectAll().where("agency_id", "=", agencyId).orderBy("id").execute(),
    db.selectFrom("people").selectAll().where("agency_id", "=", agencyId).orderBy("id").execute(),
    db
      .selectFrom("users")
      .select(["id", "person_id", "email", "is_active", "totp_enabled", "version"])
      .where("agency_id", "=", agencyId)
      .orderBy("id")
      .execute(),
    db.selectFrom("user_roles").selectAll().where("agency_id", "=", agencyId).orderBy("user_id").execute(),
  ]);
  return { agency, units, people, users, roles };
}

beforeAll(async () => {
  alpha = await buildWorld(db, "alpha");
  beta = await buildWorld(db, "beta");
  const person = await buildPerson(db, beta.agency.id, {
    givenName: "Unmistakable",
    familyName: "Betaperson",
    jobRole: "social_worker",
    level: "practice",
    orgUnitId: beta.units.unitN1.id,
    supervisorId: beta.people.supervisorN1.id,
    employeeId: "BETA-77812",
    workEmail: "unmistakable@beta.test",
  });
  await buildUser(db, beta.agency.id, {
    email: "unmistakable@beta.test",
    displayName: "Unmistakable Betaperson",
    personId: person.id,
    roles: ["staff"],
    password: TEST_PASSWORD,
  });
  betaOnly = { id: person.id, employeeId: "BETA-77812", workEmail: "unmistakable@beta.test" };
  alphaAdmin = await signIn(app, alpha.emails.admin);
  betaAdmin = await signIn(app, beta.emails.admin);
});

describe("people", () => {
  it("lists only the own agency's people, and totals count only them", async () => {
    const response = await alphaAdmin.request("GET", "/api/people?active=all&pageSize=200");
    expect(response.statusCode).toBe(200);
    const page = response.json<PeoplePage>();
    const alphaIds = await personIdsOf(alpha.agency.id);
    expect(page.items.map((p) => p.id).sort()).toEqual([...alphaIds].sort());
    expect(page.total).toBe(alphaIds.length);
  });

  it("finds nothing when searching for the other agency's exact employee id, email or name", async () => {
    for (const q of [betaOnly.employeeId, betaOnly.workEmail, "Unmistakable", "Betaperson"]) {
      const response = await alphaAdmin.request("GET", `/api/people?active=all&q=${encodeURIComponent(q)}`);
      expect(response.statusCode, q).toBe(200);
      expect(response.json<PeoplePage>(), q).toEqual(expect.objectContaining({ items: [], total: 0 }));
    }
    // The same search from inside beta does find the person, so the query itself is sound.
    const fromBeta = await betaAdmin.request("GET", `/api/people?q=${betaOnly.employeeId}`);
    expect(fromBeta.json<PeoplePage>().items.map((p) => p.id)).toEqual([betaOnly.id]);
  });

  it("returns only the own agency's match for an employee id both agencies use", async () => {
    const response = await alphaAdmin.request("GET", "/api/people?q=E4");
    expect(response.json<PeoplePage>().items.map((p) => p.id)).toEqual([alpha.people.workerN1.id]);
  });

  it("refuses to filter by the other agency's org unit instead of listing its people", async () => {
    const response = await alphaAdmin.request("GET", `/api/people?orgUnitId=${beta.units.unitN1.id}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: "orgUnitId", message: expect.any(String) }]);
    expect(response.body).not.toContain(betaOnly.id);
  });

  it("answers 404 for the other agency's person on every person route, and changes nothing", async () => {
    const before = await snapshotOf(beta.agency.id);
    const edit = {
      givenName: "Changed",
      familyName: "ByAlpha",
      workEmail: "",
      jobRole: "social_worker",
      level: "practice",
      hireDate: "",
      endDate: "2020-01-01",
      languages: [],
      version: 1,
    };
    const attempts = [
      await alphaAdmin.request("GET", `/api/people/${betaOnly.id}`),
      await alphaAdmin.request("PUT", `/api/people/${betaOnly.id}`, edit),
      await alphaAdmin.request("POST", `/api/people/${betaOnly.id}/account/deactivate`),
      await alphaAdmin.request("POST", `/api/people/${beta.people.director.id}/account/deactivate`),
      await alphaAdmin.request("POST", `/api/people/${betaOnly.id}/account/reactivate`),
    ];
    for (const response of attempts) {
      expect(response.statusCode).toBe(404);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(response.body).not.toContain("Unmistakable");
    }
    expect(await snapshotOf(beta.agency.id)).toEqual(before);
    // Beta's own sessions still work: deactivation attempts from alpha ended nothing.
    expect((await betaAdmin.request("GET", "/api/auth/session")).statusCode).toBe(200);
  });

  it("cannot hire into, transfer to, or report to the other agency, nor end its people's employment", async () => {
    const before = await snapshotOf(beta.agency.id);
    const alphaPeopleBefore = (await snapshotOf(alpha.agency.id)).people;
    const worker = (
      await db
        .selectFrom("people")
        .select("version")
        .where("id", "=", alpha.people.workerN2.id)
        .executeTakeFirstOrThrow()
    ).version;
    const hire = { givenName: "Cross", familyName: "Border", jobRole: "social_worker", level: "practice" };
    const badReferences = [
      ["orgUnitId", await alphaAdmin.request("POST", "/api/people", { ...hire, orgUnitId: beta.units.unitN1.id })],
      [
        "supervisorId",
        await alphaAdmin.request("POST", "/api/people", {
          ...hire,
          orgUnitId: alpha.units.unitN1.id,
          supervisorId: beta.people.supervisorN1.id,
        }),
      ],
      [
        "orgUnitId",
        await alphaAdmin.request("POST", `/api/people/${alpha.people.workerN2.id}/transfer`, {
          orgUnitId: beta.units.unitN1.id,
          version: worker,
        }),
      ],
      [
        "supervisorId",
        await alphaAdmin.request("POST", `/api/people/${alpha.people.workerN2.id}/transfer`, {
          orgUnitId: alpha.units.unitN2.id,
          supervisorId: beta.people.supervisorN2.id,
          version: worker,
        }),
      ],
    ] as const;
    for (const [field, response] of badReferences) {
      expect(response.statusCode, field).toBe(400);
      expect(response.json().errors, field).toEqual([{ field, message: expect.any(String) }]);
    }
    const ending = await alphaAdmin.request("POST", `/api/people/${betaOnly.id}/end-employment`, {
      endDate: "2026-01-31",
      version: 1,
    });
    expect(ending.statusCode).toBe(404);
    expect(await snapshotOf(beta.agency.id)).toEqual(before);
    expect((await snapshotOf(alpha.agency.id)).people).toEqual(alphaPeopleBefore);
  });

  it("never shows the other agency's people in a reporting line or as direct reports", async () => {
    const response = await alphaAdmin.request("GET", `/api/people/${alpha.people.supervisorN1.id}`);
    const detail = response.json<{ reportingLine: PersonItem[]; directReports: PersonItem[] }>();
    const alphaIds = await personIdsOf(alpha.agency.id);
    for (const p of [...detail.reportingLine, ...detail.directReports]) expect(alphaIds).toContain(p.id);
    expect(detail.directReports.map((p) => p.id)).toEqual([alpha.people.workerN1.id]);
  });
});

describe("organization", () => {
  it("shows only the own agency's org tree, with head counts of its own people", async () => {
    const response = await alphaAdmin.request("GET", "/api/org-units");
    expect(response.statusCode).toBe(200);
    const units = response.json<{
      units: { id: string; parentId: string | null; headCount: number; directHeadCount: number }[];
    }>().units;
    expect(units.map((u) => u.id).sort()).toEqual(
      Object.values(alpha.units)
        .map((u) => u.id)
        .sort(),
    );
    const alphaPeople = (await personIdsOf(alpha.agency.id)).length;
    const root = units.find((u) => u.parentId === null);
    expect(root?.headCount).toBe(alphaPeople);
    expect(units.reduce((sum, u) => sum + u.directHeadCount, 0)).toBe(alphaPeople);
    const unitN1 = units.find((u) => u.id === alpha.units.unitN1.id);
    expect(unitN1?.headCount).toBe(2);
  });

  it("cannot rename, move, retire or build under the other agency's units, and changes nothing", async () => {
    const before = await snapshotOf(beta.agency.id);
    const alphaBefore = await snapshotOf(alpha.agency.id);
    const betaUnit = beta.units.unitN1;
    const refused = [
      await alphaAdmin.request("PUT", `/api/org-units/${betaUnit.id}/name`, { name: "Taken over", version: 1 }),
      await alphaAdmin.request("POST", `/api/org-units/${betaUnit.id}/move`, {
        parentId: alpha.units.south.id,
        version: 1,
      }),
      await alphaAdmin.request("POST", `/api/org-units/${betaUnit.id}/retirement`, { retired: true, version: 1 }),
    ];
    for (const response of refused) expect(response.statusCode).toBe(404);

    // Naming the other agency's unit as a parent is a bad reference, whichever way it is tried.
    const underBeta = await alphaAdmin.request("POST", "/api/org-units", {
      parentId: beta.units.north.id,
      name: "Annex",
      kind: "unit",
    });
    const moveIntoBeta = await alphaAdmin.request("POST", `/api/org-units/${alpha.units.unitS1.id}/move`, {
      parentId: beta.units.north.id,
      version: 1,
    });
    for (const response of [underBeta, moveIntoBeta]) {
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([{ field: "parentId", message: expect.any(String) }]);
    }
    expect(await snapshotOf(beta.agency.id)).toEqual(before);
    expect((await snapshotOf(alpha.agency.id)).units).toEqual(alphaBefore.units);
  });

  it("counts only the own agency on the home page", async () => {
    const home = (await alphaAdmin.request("GET", "/api/home")).json<{
      peopleInScope: number;
      unitsInAgency: number;
      agencyName: string;
    }>();
    expect(home.agencyName).toBe(alpha.agency.name);
    expect(home.peopleInScope).toBe((await personIdsOf(alpha.agency.id)).length);
    expect(home.unitsInAgency).toBe(3);
  });
});

describe("audit trail", () => {
  it("lists and counts only the own agency's events", async () => {
    const betaEdit = await betaAdmin.request("PUT", `/api/people/${betaOnly.id}`, {
      givenName: "Unmistakable",
      familyName: "Betaperson",
      workEmail: betaOnly.workEmail,
      jobRole: "social_worker",
      level: "practice",
      hireDate: "",
      endDate: "",
      languages: ["English", "Tagalog"],
      version: 1,
    });
    expect(betaEdit.statusCode).toBe(200);

    const response = await alphaAdmin.request("GET", "/api/audit-events?pageSize=200");
    expect(response.statusCode).toBe(200);
    const page = response.json<{ items: { id: number }[]; total: number }>();
    const own = await db.selectFrom("audit_events").select("id").where("agency_id", "=", alpha.agency.id).execute();
    expect(page.items.map((e) => e.id).sort()).toEqual(own.map((e) => Number(e.id)).sort());
    expect(page.total).toBe(own.length);
    expect(response.body).not.toContain(betaOnly.id);

    const targeted = await alphaAdmin.request("GET", `/api/audit-events?entityId=${betaOnly.id}`);
    expect(targeted.json()).toEqual(expect.objectContaining({ items: [], total: 0 }));
  });
});

describe("agency settings", () => {
  it("reads and changes only the own agency", async () => {
    const read = await alphaAdmin.request("GET", "/api/agency");
    expect(read.json()).toEqual(expect.objectContaining({ id: alpha.agency.id, name: alpha.agency.name }));

    const before = await snapshotOf(beta.agency.id);
    const current = read.json<{ version: number }>();
    const change = await alphaAdmin.request("PUT", "/api/agency", {
      name: "Alpha County Children's Services",
      timeZone: "America/Denver",
      requireTotp: false,
      version: current.version,
    });
    expect(change.statusCode).toBe(200);
    expect(change.json()).toEqual(expect.objectContaining({ id: alpha.agency.id, timeZone: "America/Denver" }));
    expect(await snapshotOf(beta.agency.id)).toEqual(before);
    const betaView = (await betaAdmin.request("GET", "/api/agency")).json();
    expect(betaView).toEqual(expect.objectContaining({ id: beta.agency.id, name: beta.agency.name }));
  });
});

describe("partners and teams", () => {
  let alphaRecords: PartnersAndTeams;
  let betaRecords: PartnersAndTeams;
  beforeAll(async () => {
    alphaRecords = await buildPartnersAndTeams(db, alpha);
    betaRecords = await buildPartnersAndTeams(db, beta);
  });

  /** Every partner and team row of an agency, to prove a request changed none of them. */
  async function partnerSnapshotOf(agencyId: string) {
    const tables = [
      "partner_organizations",
      "partner_people",
      "compensation_agreements",
      "partner_hours",
      "teams",
      "team_members",
    ] as const;
    const rows = await Promise.all(
      tables.map((t) => db.selectFrom(t).selectAll().where("agency_id", "=", agencyId).orderBy("id").execute()),
    );
    const users = await db
      .selectFrom("users")
      .select(["id", "partner_person_id"])
      .where("agency_id", "=", agencyId)
      .orderBy("id")
      .execute();
    return { rows, users };
  }

  it("lists only the own agency's partners and teams", async () => {
    const partners = (await alphaAdmin.request("GET", "/api/partner-organizations?includeRetired=true")).json<{
      items: { id: string }[];
    }>();
    expect(partners.items.map((p) => p.id)).toEqual([alphaRecords.partnerOrganization]);
    const teams = (await alphaAdmin.request("GET", "/api/teams")).json<{ items: { id: string }[] }>();
    expect(teams.items.map((t) => t.id).sort()).toEqual([alphaRecords.team, alphaRecords.parentTeam].sort());
  });

  it("answers 404 for the other agency's partners, agreements and teams, and changes nothing", async () => {
    const before = await partnerSnapshotOf(beta.agency.id);
    const b = betaRecords;
    const attempts = [
      await alphaAdmin.request("GET", `/api/partner-organizations/${b.partnerOrganization}`),
      await alphaAdmin.request("PUT", `/api/partner-organizations/${b.partnerOrganization}`, {
        kind: "tribe",
        name: "Taken over",
        retired: true,
        version: 1,
      }),
      await alphaAdmin.request("POST", `/api/partner-organizations/${b.partnerOrganization}/people`, {
        fullName: "Intruder",
      }),
      await alphaAdmin.request("GET", `/api/partner-people/${b.partnerPerson}`),
      await alphaAdmin.request("PUT", `/api/partner-people/${b.partnerPerson}`, { fullName: "Renamed", version: 1 }),
      await alphaAdmin.request("POST", `/api/partner-people/${b.partnerPerson}/account`, {
        email: "intruder@alpha.test",
        password: "a long and unusual passphrase",
      }),
      await alphaAdmin.request("POST", `/api/partner-people/${b.partnerPerson}/agreements`, {
        kind: "hourly",
        rateCents: 1,
        rateUnit: "hour",
        budgetedHours: 1,
        startDate: "2026-01-01",
        endDate: "",
      }),
      await alphaAdmin.request("PUT", `/api/partner-agreements/${b.agreement}`, {
        kind: "hourly",
        rateCents: 1,
        rateUnit: "hour",
        budgetedHours: 1,
        startDate: "2020-01-01",
        endDate: "",
        version: 1,
      }),
      await alphaAdmin.request("POST", `/api/partner-agreements/${b.agreement}/hours`, {
        activity: "training",
        workDate: "2026-02-01",
        hours: 2,
        overBudgetConfirmed: true,
      }),
      await alphaAdmin.request("GET", `/api/teams/${b.team}`),
      await alphaAdmin.request("PUT", `/api/teams/${b.team}`, { name: "Ours now", kind: "other", version: 1 }),
      await alphaAdmin.request("POST", `/api/teams/${b.team}/members`, { personId: alpha.people.director.id }),
    ];
    const member = await db
      .selectFrom("team_members")
      .select("id")
      .where("team_id", "=", b.team)
      .executeTakeFirstOrThrow();
    attempts.push(await alphaAdmin.request("DELETE", `/api/teams/${b.team}/members/${member.id}`));
    // A member id of the other agency under one of the own agency's teams is not found either.
    attempts.push(await alphaAdmin.request("DELETE", `/api/teams/${alphaRecords.team}/members/${member.id}`));
    for (const response of attempts) {
      expect(response.statusCode, response.body).toBe(404);
      expect(response.body).not.toContain(beta.agency.slug);
    }
    expect(await partnerSnapshotOf(beta.agency.id)).toEqual(before);
  });

  it("refuses the other agency's people, partner people, units and teams as references in the own teams", async () => {
    const before = await partnerSnapshotOf(beta.agency.id);
    const alphaBefore = await partnerSnapshotOf(alpha.agency.id);
    const team = await db
      .selectFrom("teams")
      .select("version")
      .where("id", "=", alphaRecords.team)
      .executeTakeFirstOrThrow();
    const badReferences = [
      [
        "personId",
        await alphaAdmin.request("POST", `/api/teams/${alphaRecords.team}/members`, {
          personId: beta.people.director.id,
        }),
      ],
      [
        "partnerPersonId",
        await alphaAdmin.request("POST", `/api/teams/${alphaRecords.team}/members`, {
          partnerPersonId: betaRecords.partnerPerson,
        }),
      ],
      [
        "parentTeamId",
        await alphaAdmin.request("POST", "/api/teams", { name: "Spy", kind: "other", parentTeamId: betaRecords.team }),
      ],
      [
        "orgUnitId",
        await alphaAdmin.request("POST", "/api/teams", { name: "Spy", kind: "other", orgUnitId: beta.units.north.id }),
      ],
      [
        "parentTeamId",
        await alphaAdmin.request("PUT", `/api/teams/${alphaRecords.team}`, {
          name: "Site",
          kind: "site_implementation_team",
          parentTeamId: betaRecords.parentTeam,
          version: team.version,
        }),
      ],
    ] as const;
    for (const [field, response] of badReferences) {
      expect(response.statusCode, field).toBe(400);
      expect(response.json().errors, field).toEqual([{ field, message: expect.any(String) }]);
    }
    expect(await partnerSnapshotOf(beta.agency.id)).toEqual(before);
    expect(await partnerSnapshotOf(alpha.agency.id)).toEqual(alphaBefore);
  });
});

describe("roster import and export", () => {
  const rosterFile = (rows: string[][]) =>
    Buffer.from(
      [["Emp ID", "First Name", "Last Name", "Position", "Unit", "Supervisor Emp ID"], ...rows]
        .map((r) => r.join(","))
        .join("\n"),
    ).toString("base64");

  async function rosterImportRow(id: string) {
    return db.selectFrom("roster_imports").selectAll().where("id", "=", id).executeTakeFirst();
  }

  it("answers 404 for the other agency's roster import on every route, and changes nothing", async () => {
    const upload = await betaAdmin.request("POST", "/api/roster-imports", {
      fileName: "beta.csv",
      content: rosterFile([["E4", "Worker", "beta", "Social Worker", "Unit N1", "E3"]]),
    });
    expect(upload.statusCode).toBe(201);
    const betaImport = upload.json<{ id: string; mapping: object }>();
    const previewed = await betaAdmin.request(
      "POST",
      `/api/roster-imports/${betaImport.id}/preview`,
      betaImport.mapping,
    );
    expect(previewed.statusCode).toBe(200);
    const before = { people: await snapshotOf(beta.agency.id), roster: await rosterImportRow(betaImport.id) };

    const attempts = [
      await alphaAdmin.request("GET", `/api/roster-imports/${betaImport.id}`),
      await alphaAdmin.request("POST", `/api/roster-imports/${betaImport.id}/preview`, betaImport.mapping),
      await alphaAdmin.request("POST", `/api/roster-imports/${betaImport.id}/apply`),
    ];
    for (const response of attempts) {
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain("beta.csv");
    }
    expect({ people: await snapshotOf(beta.agency.id), roster: await rosterImportRow(betaImport.id) }).toEqual(before);
  });

  it("matches an import's units, supervisors and employee ids within the own agency only", async () => {
    const upload = await alphaAdmin.request("POST", "/api/roster-imports", {
      fileName: "alpha.csv",
      content: rosterFile([
        [betaOnly.employeeId, "Namesake", "alpha", "Social Worker", "Unit N1", "E3"],
        ["A-1", "Reports", "ToBeta", "Social Worker", "Unit N1", betaOnly.employeeId.replace("77812", "77813")],
      ]),
    });
    const imported = upload.json<{ id: string; mapping: object }>();
    const preview = (
      await alphaAdmin.request("POST", `/api/roster-imports/${imported.id}/preview`, imported.mapping)
    ).json<{ preview: { counts: { new: number; changed: number }; errors: { row: number; field: string }[] } }>()
      .preview;
    // Beta's employee id is a new person in alpha, not a change to beta's; a beta-only supervisor is unknown.
    expect(preview.counts).toMatchObject({ new: 1, changed: 0 });
    expect(preview.errors.map((e) => [e.row, e.field])).toEqual([[3, "supervisorEmployeeId"]]);

    const betaSupervisor = await alphaAdmin.request("POST", "/api/roster-imports", {
      fileName: "alpha-2.csv",
      content: rosterFile([["A-2", "Reports", "ToBeta", "Social Worker", "Unit N1", betaOnly.employeeId]]),
    });
    const second = betaSupervisor.json<{ id: string; mapping: object }>();
    const secondPreview = (
      await alphaAdmin.request("POST", `/api/roster-imports/${second.id}/preview`, second.mapping)
    ).json<{ preview: { errors: { field: string }[] } }>().preview;
    expect(secondPreview.errors.map((e) => e.field)).toEqual(["supervisorEmployeeId"]);
  });

  it("never exports the other agency's people", async () => {
    for (const format of ["csv", "xlsx"] as const) {
      const response = await alphaAdmin.request("POST", "/api/people/export", { format });
      expect(response.statusCode).toBe(200);
      const text = format === "csv" ? response.body : JSON.stringify(await parseXlsx(response.rawPayload));
      expect(text).not.toContain(betaOnly.employeeId);
    }
    const csv = (await alphaAdmin.request("POST", "/api/people/export", { format: "csv" })).body;
    for (const needle of [betaOnly.workEmail, "Unmistakable", "@beta.test"]) expect(csv).not.toContain(needle);
    const filtered = await alphaAdmin.request("POST", "/api/people/export", { orgUnitId: beta.units.unitN1.id });
    expect(filtered.statusCode).toBe(400);
  });
});

describe("practice models", () => {
  let alphaModel: string;
  let betaModel: string;
  beforeAll(async () => {
    alphaModel = await buildPracticeModel(db, alpha.agency.id, alpha.emails.admin);
    betaModel = await buildPracticeModel(db, beta.agency.id, beta.emails.admin);
    await resetPracticeModel(db, betaModel, true);
  });

  async function modelSnapshotOf(agencyId: string) {
    return Promise.all(
      (["practice_models", "model_versions"] as const).map((t) =>
        db.selectFrom(t).selectAll().where("agency_id", "=", agencyId).orderBy("id").execute(),
      ),
    );
  }

  it("lists only the own agency's models", async () => {
    const list = (await alphaAdmin.request("GET", "/api/models")).json<{ items: { id: string }[] }>();
    expect(list.items.map((m) => m.id)).toContain(alphaModel);
    expect(list.items.map((m) => m.id)).not.toContain(betaModel);
  });

  it("answers 404 for the other agency's model on every model route, and changes nothing", async () => {
    const before = await modelSnapshotOf(beta.agency.id);
    const draft = (await betaAdmin.request("GET", `/api/models/${betaModel}/draft`)).json<{
      content: unknown;
      version: number;
    }>();
    const attempts = [
      await alphaAdmin.request("GET", `/api/models/${betaModel}`),
      await alphaAdmin.request("PUT", `/api/models/${betaModel}`, { name: "Ours now", version: 1 }),
      await alphaAdmin.request("GET", `/api/models/${betaModel}/versions`),
      await alphaAdmin.request("GET", `/api/models/${betaModel}/versions/1`),
      await alphaAdmin.request("GET", `/api/models/${betaModel}/versions/1/export`),
      await alphaAdmin.request("GET", `/api/models/${betaModel}/draft`),
      await alphaAdmin.request("PUT", `/api/models/${betaModel}/draft`, draft),
      await alphaAdmin.request("POST", `/api/models/${betaModel}/draft`),
      await alphaAdmin.request("POST", `/api/models/${betaModel}/publish`, { version: draft.version }),
      await alphaAdmin.request("GET", `/api/models/${betaModel}/compare?from=1&to=draft`),
      await alphaAdmin.request("GET", `/api/models/${betaModel}/versions/1/booklet.pdf?kind=booklet`),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual(attempts.map(() => 404));
    expect(await modelSnapshotOf(beta.agency.id)).toEqual(before);
  });

  it("imports another agency's file into the own agency only", async () => {
    const before = await modelSnapshotOf(beta.agency.id);
    const response = await alphaAdmin.request("POST", "/api/models/import", {
      document: await practiceModelFile(db, betaModel),
    });
    expect(response.statusCode).toBe(201);
    const created = await db
      .selectFrom("practice_models")
      .select("agency_id")
      .where("id", "=", response.json<{ id: string }>().id)
      .executeTakeFirstOrThrow();
    expect(created.agency_id).toBe(alpha.agency.id);
    expect(await modelSnapshotOf(beta.agency.id)).toEqual(before);
  });
});

describe("monthly team focus", () => {
  const month = "2030-02";

  it("never sets, clears or lists a focus of another agency's unit, nor lets one point at its model", async () => {
    const alphaModel = await buildPracticeModel(db, alpha.agency.id, alpha.emails.admin);
    const betaModel = await buildPracticeModel(db, beta.agency.id, beta.emails.admin);
    const itemOf = async (client: Client, modelId: string) =>
      (await client.request("GET", `/api/models/${modelId}/versions/1`)).json<{
        content: { elements: { id: string }[] };
      }>().content.elements[0]?.id;
    const alphaItem = await itemOf(alphaAdmin, alphaModel);
    const betaItem = await itemOf(betaAdmin, betaModel);
    const betaUnit = beta.units.unitN1.id;
    const set = await betaAdmin.request("PUT", `/api/model-focus/${betaUnit}/${month}`, { itemId: betaItem });
    expect(set.statusCode).toBe(200);
    const before = await db.selectFrom("model_focuses").selectAll().where("agency_id", "=", beta.agency.id).execute();

    const attempts = [
      await alphaAdmin.request("PUT", `/api/model-focus/${betaUnit}/${month}`, { itemId: alphaItem, version: 1 }),
      await alphaAdmin.request("DELETE", `/api/model-focus/${betaUnit}/${month}?version=1`),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual([404, 404]);
    // Alpha's own unit cannot be pointed at beta's model either.
    const foreignItem = await alphaAdmin.request("PUT", `/api/model-focus/${alpha.units.unitN1.id}/${month}`, {
      itemId: betaItem,
    });
    expect(foreignItem.statusCode).toBe(400);
    const board = (await alphaAdmin.request("GET", `/api/model-focus?month=${month}`)).json<{
      units: { orgUnitId: string; focus: unknown }[];
    }>();
    expect(board.units.map((u) => u.orgUnitId)).not.toContain(betaUnit);
    expect(board.units.every((u) => u.focus === null)).toBe(true);
    expect(await db.selectFrom("model_focuses").selectAll().where("agency_id", "=", beta.agency.id).execute()).toEqual(
      before,
    );
  });
});
