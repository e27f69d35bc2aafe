import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import { logPartnerHours } from "./partner.service.js";

const { app, db } = await startTestApp();
let world: World;
let admin: Client;
let coordinator: Client;
let staff: Client;

interface Agreement {
  id: string;
  version: number;
  budgetedHours: number;
  loggedHours: number;
  remainingHours: number;
  nearBudget: boolean;
}

beforeAll(async () => {
  world = await buildWorld(db, "partners");
  admin = await signIn(app, world.emails.admin);
  coordinator = await signIn(app, world.emails.training_coordinator);
  staff = await signIn(app, world.emails.staff);
});

async function addOrganization(name: string, kind: "tribe" | "community_organization") {
  const response = await admin.request("POST", "/api/partner-organizations", {
    kind,
    name,
    contactName: "Front Desk",
    contactEmail: "",
    contactPhone: "555-0100",
    notes: "",
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string; version: number }>();
}

async function addPerson(organizationId: string, fullName: string, roles: string[]) {
  const response = await admin.request("POST", `/api/partner-organizations/${organizationId}/people`, {
    fullName,
    email: `${fullName.split(" ")[0]?.toLowerCase()}@partner.test`,
    phone: "",
    languages: ["English", "Lakota"],
    roles,
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string; version: number; roles: string[] }>();
}

async function addAgreement(partnerPersonId: string, budgetedHours: number) {
  const response = await admin.request("POST", `/api/partner-people/${partnerPersonId}/agreements`, {
    kind: "hourly",
    rateCents: 4500,
    rateUnit: "hour",
    budgetedHours,
    startDate: "2026-01-01",
    endDate: "2026-12-31",
  });
  expect(response.statusCode).toBe(201);
  return response.json<Agreement>();
}

const logHours = (client: Client, agreementId: string, hours: number, extra: object = {}) =>
  client.request("POST", `/api/partner-agreements/${agreementId}/hours`, {
    activity: "coaching",
    workDate: "2026-03-02",
    hours,
    note: "",
    ...extra,
  });

describe("partner organizations and their people", () => {
  it("lists partners filtered by kind, with people counts, and hides retired ones unless asked", async () => {
    const tribe = await addOrganization("Red Willow Band", "tribe");
    const community = await addOrganization("Eastside Family Center", "community_organization");
    await addPerson(tribe.id, "Ada Runningwater", ["co_trainer", "cultural_broker"]);

    const tribes = (await staff.request("GET", "/api/partner-organizations?kind=tribe")).json<{
      items: { id: string; peopleCount: number }[];
    }>();
    expect(tribes.items.map((o) => o.id)).toEqual([tribe.id]);
    expect(tribes.items[0]?.peopleCount).toBe(1);

    const retire = await admin.request("PUT", `/api/partner-organizations/${community.id}`, {
      kind: "community_organization",
      name: "Eastside Family Center",
      contactName: "",
      contactEmail: "",
      contactPhone: "",
      notes: "Program ended",
      retired: true,
      version: community.version,
    });
    expect(retire.statusCode).toBe(200);
    const open = (await admin.request("GET", "/api/partner-organizations")).json<{ items: { id: string }[] }>();
    expect(open.items.map((o) => o.id)).not.toContain(community.id);
    const all = (await admin.request("GET", "/api/partner-organizations?includeRetired=true")).json<{
      items: { id: string; retired: boolean }[];
    }>();
    expect(all.items.find((o) => o.id === community.id)?.retired).toBe(true);
  });

  it("answers 409 with the current record for a stale edit, and audits edits", async () => {
    const org = await addOrganization("Northwoods Circle", "community_organization");
    const body = {
      kind: "community_organization",
      name: "Northwoods Circle Inc.",
      contactName: "",
      contactEmail: "",
      contactPhone: "",
      notes: "",
      retired: false,
    };
    expect(
      (await admin.request("PUT", `/api/partner-organizations/${org.id}`, { ...body, version: org.version }))
        .statusCode,
    ).toBe(200);
    const stale = await admin.request("PUT", `/api/partner-organizations/${org.id}`, {
      ...body,
      name: "Late",
      version: org.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ current: { name: string } }>().current.name).toBe("Northwoods Circle Inc.");
    const events = await db
      .selectFrom("audit_events")
      .select(["action", "summary"])
      .where("entity_id", "=", org.id)
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.action)).toEqual(["create", "update"]);
  });

  it("keeps several roles per partner person and names a bad role as a field error", async () => {
    const org = await addOrganization("Lakeshore Youth Network", "community_organization");
    const person = await addPerson(org.id, "Bea Lindqvist", ["coach", "fidelity_observer"]);
    const read = (await staff.request("GET", `/api/partner-people/${person.id}`)).json<{ roles: string[] }>();
    expect(read.roles).toEqual(["coach", "fidelity_observer"]);
    const bad = await admin.request("PUT", `/api/partner-people/${person.id}`, {
      fullName: "Bea Lindqvist",
      email: "",
      phone: "",
      languages: [],
      roles: ["juggler"],
      version: person.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { field: string }[] }>().errors[0]?.field).toMatch(/^roles/);
  });
});

describe("compensation agreements and hours", () => {
  let partnerPersonId: string;
  beforeAll(async () => {
    const org = await addOrganization("Stone Creek Nation", "tribe");
    partnerPersonId = (await addPerson(org.id, "Cal Stonecreek", ["co_trainer"])).id;
  });

  it("shows agreements to those who manage partners or log hours, and to nobody else", async () => {
    await addAgreement(partnerPersonId, 10);
    const forCoordinator = (await coordinator.request("GET", `/api/partner-people/${partnerPersonId}`)).json<{
      agreements: { rateCents: number }[] | null;
    }>();
    expect(forCoordinator.agreements?.[0]?.rateCents).toBe(4500);
    const forStaff = await staff.request("GET", `/api/partner-people/${partnerPersonId}`);
    expect(forStaff.statusCode).toBe(200);
    expect(forStaff.json<{ agreements: null }>().agreements).toBeNull();
    expect(forStaff.body).not.toContain("4500");
  });

  it("counts down the remaining budget, warns at 80%, and refuses going over unless confirmed", async () => {
    const agreement = await addAgreement(partnerPersonId, 10);
    const first = await logHours(coordinator, agreement.id, 7.5);
    expect(first.statusCode).toBe(201);
    expect(first.json<{ agreement: Agreement }>().agreement).toMatchObject({
      loggedHours: 7.5,
      remainingHours: 2.5,
      nearBudget: false,
    });
    const second = (await logHours(coordinator, agreement.id, 0.5)).json<{ agreement: Agreement }>();
    expect(second.agreement).toMatchObject({ loggedHours: 8, remainingHours: 2, nearBudget: true });

    const over = await logHours(coordinator, agreement.id, 2.25);
    expect(over.statusCode).toBe(400);
    expect(over.json<{ errors: { field: string; message: string }[] }>().errors[0]).toMatchObject({
      field: "overBudgetConfirmed",
      message: expect.stringContaining("10.25 of 10"),
    });
    const exactlyAtBudget = await logHours(coordinator, agreement.id, 2);
    expect(exactlyAtBudget.json<{ agreement: Agreement }>().agreement.remainingHours).toBe(0);
    const confirmed = await logHours(coordinator, agreement.id, 1, { overBudgetConfirmed: true });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json<{ agreement: Agreement }>().agreement.remainingHours).toBe(-1);

    const detail = (await admin.request("GET", `/api/partner-people/${partnerPersonId}`)).json<{
      agreements: { id: string; hours: { hours: number }[] }[];
    }>();
    // Newest first: the log reads like a timesheet kept up to date.
    expect(detail.agreements.find((a) => a.id === agreement.id)?.hours.map((h) => h.hours)).toEqual([1, 2, 0.5, 7.5]);
    const audits = await db
      .selectFrom("audit_events")
      .select("id")
      .where("entity_type", "=", "partner_hours")
      .execute();
    expect(audits).toHaveLength(4);
  });

  it("refuses hours dated outside the agreement, and hours from staff who do not log them", async () => {
    const agreement = await addAgreement(partnerPersonId, 5);
    const early = await logHours(coordinator, agreement.id, 1, { workDate: "2025-12-31" });
    expect(early.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("workDate");
    expect((await logHours(staff, agreement.id, 1)).statusCode).toBe(403);
  });

  it("lets another domain log hours through the service inside its own transaction", async () => {
    const agreement = await addAgreement(partnerPersonId, 3);
    const actor = {
      userId: (
        await db
          .selectFrom("users")
          .select("id")
          .where("email", "=", world.emails.training_coordinator)
          .executeTakeFirstOrThrow()
      ).id,
      agencyId: world.agency.id,
      personId: null,
      roles: ["training_coordinator" as const],
      orgUnitPath: null,
    };
    await db.transaction().execute(async (trx) => {
      await logPartnerHours(trx, actor, {
        agreementId: agreement.id,
        activity: "training",
        workDate: "2026-04-01",
        hours: 3,
        source: { type: "training_session", id: "session-1" },
      });
    });
    const row = await db
      .selectFrom("partner_hours")
      .selectAll()
      .where("agreement_id", "=", agreement.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ minutes: 180, source_type: "training_session", source_id: "session-1" });
  });

  it("refuses a stale agreement edit with 409", async () => {
    const agreement = await addAgreement(partnerPersonId, 4);
    const body = {
      kind: "stipend",
      rateCents: 50000,
      rateUnit: "month",
      budgetedHours: 40,
      startDate: "2026-01-01",
      endDate: "",
    };
    expect(
      (await admin.request("PUT", `/api/partner-agreements/${agreement.id}`, { ...body, version: agreement.version }))
        .statusCode,
    ).toBe(200);
    expect(
      (await admin.request("PUT", `/api/partner-agreements/${agreement.id}`, { ...body, version: agreement.version }))
        .statusCode,
    ).toBe(409);
  });
});

describe("partner viewer accounts", () => {
  it("opens a partner-viewer account that signs in and sees nothing row-level", async () => {
    const org = await addOrganization("Bright Path Mentors", "community_organization");
    const person = await addPerson(org.id, "Dee Okafor", ["coach"]);
    const weak = await admin.request("POST", `/api/partner-people/${person.id}/account`, {
      email: "dee@partner.test",
      password: "short",
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("password");

    const password = "seven quiet herons at dusk";
    const created = await admin.request("POST", `/api/partner-people/${person.id}/account`, {
      email: "Dee@Partner.test",
      password,
    });
    expect(created.statusCode).toBe(201);
    const user = await db
      .selectFrom("users")
      .select(["partner_person_id", "person_id", "email"])
      .where("email", "=", "dee@partner.test")
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ partner_person_id: person.id, person_id: null, email: "dee@partner.test" });

    const again = await admin.request("POST", `/api/partner-people/${person.id}/account`, {
      email: "dee2@partner.test",
      password,
    });
    expect(again.statusCode).toBe(409);

    const viewer = await signIn(app, "dee@partner.test", password);
    expect((await viewer.request("GET", "/api/partner-organizations")).statusCode).toBe(403);
    expect((await viewer.request("GET", `/api/partner-people/${person.id}`)).statusCode).toBe(403);
    expect((await viewer.request("GET", "/api/teams")).statusCode).toBe(403);
  });
});
