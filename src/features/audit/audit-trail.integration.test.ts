import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, TEST_PASSWORD, type World } from "../../../tests/support/world.js";
import { currentTotpCode } from "../accounts/totp.js";

const { app, db, dialect } = await startTestApp();

interface AuditItem {
  id: number;
  occurredAt: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  actorUserId: string | null;
  actorName: string | null;
  before: unknown;
  after: unknown;
}
interface AuditPage {
  items: AuditItem[];
  total: number;
  page: number;
  pageSize: number;
}

let alpha: World;
let admin: Client;
let adminUserId: string;

async function userIdOf(email: string): Promise<string> {
  return (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

/** The audit entries a block of work added, as the API shows them, oldest first. */
async function entriesWrittenBy(work: () => Promise<void>): Promise<AuditItem[]> {
  const before = await db
    .selectFrom("audit_events")
    .select((eb) => eb.fn.max("id").as("last"))
    .executeTakeFirst();
  const lastId = Number(before?.last ?? 0);
  await work();
  const page = (await admin.request("GET", "/api/audit-events?pageSize=200")).json<AuditPage>();
  return page.items.filter((e) => e.id > lastId).reverse();
}

/** Checks the who / agency / when of an entry against the database row behind it. */
async function expectStamped(entry: AuditItem, actorUserId: string, startedAt: string) {
  expect(entry.actorUserId).toBe(actorUserId);
  expect(entry.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  expect(entry.occurredAt >= startedAt).toBe(true);
  expect(entry.occurredAt <= new Date().toISOString()).toBe(true);
  const row = await db
    .selectFrom("audit_events")
    .select("agency_id")
    .where("id", "=", entry.id)
    .executeTakeFirstOrThrow();
  expect(row.agency_id).toBe(alpha.agency.id);
}

beforeAll(async () => {
  alpha = await buildWorld(db, "alpha");
  await buildWorld(db, "beta");
  admin = await signIn(app, alpha.emails.admin);
  adminUserId = await userIdOf(alpha.emails.admin);
});

describe("what the audit trail records", () => {
  it("records a person edit with who, when, and the record before and after", async () => {
    const startedAt = new Date().toISOString();
    const person = alpha.people.workerS1;
    const entries = await entriesWrittenBy(async () => {
      const response = await admin.request("PUT", `/api/people/${person.id}`, {
        givenName: "Renamed",
        familyName: person.familyName,
        workEmail: person.workEmail,
        jobRole: "case_aide",
        level: "practice",
        hireDate: "2021-04-01",
        endDate: "",
        languages: ["English", "Spanish"],
        version: 1,
      });
      expect(response.statusCode).toBe(200);
    });
    expect(entries).toHaveLength(1);
    const [entry] = entries as [AuditItem];
    expect(entry).toMatchObject({ action: "update", entityType: "person", entityId: person.id });
    expect(entry.before).toMatchObject({ givenName: person.givenName, jobRole: "social_worker", version: 1 });
    expect(entry.after).toMatchObject({
      givenName: "Renamed",
      jobRole: "case_aide",
      hireDate: "2021-04-01",
      version: 2,
    });
    await expectStamped(entry, adminUserId, startedAt);
  });

  it("records deactivating and reactivating an account", async () => {
    const startedAt = new Date().toISOString();
    const staff = alpha.people.workerN1;
    const entries = await entriesWrittenBy(async () => {
      expect((await admin.request("POST", `/api/people/${staff.id}/account/deactivate`)).statusCode).toBe(200);
      expect((await admin.request("POST", `/api/people/${staff.id}/account/reactivate`)).statusCode).toBe(200);
    });
    const staffUserId = await userIdOf(alpha.emails.staff);
    expect(entries.map((e) => [e.action, e.entityType, e.entityId, e.before, e.after])).toEqual([
      ["update", "account", staffUserId, { active: true }, { active: false }],
      ["update", "account", staffUserId, { active: false }, { active: true }],
    ]);
    for (const entry of entries) await expectStamped(entry, adminUserId, startedAt);
  });

  it("records a change of agency settings", async () => {
    const startedAt = new Date().toISOString();
    const current = (await admin.request("GET", "/api/agency")).json<{ version: number; timeZone: string }>();
    const entries = await entriesWrittenBy(async () => {
      const response = await admin.request("PUT", "/api/agency", {
        name: "Alpha Family Services",
        timeZone: "America/New_York",
        requireTotp: false,
        version: current.version,
      });
      expect(response.statusCode).toBe(200);
    });
    expect(entries).toHaveLength(1);
    const [entry] = entries as [AuditItem];
    expect(entry).toMatchObject({ action: "update", entityType: "agency", entityId: alpha.agency.id });
    expect(entry.before).toMatchObject({ name: alpha.agency.name, timeZone: current.timeZone });
    expect(entry.after).toMatchObject({ name: "Alpha Family Services", timeZone: "America/New_York" });
    await expectStamped(entry, adminUserId, startedAt);
  });

  it("records a password change without the password or its hash", async () => {
    const startedAt = new Date().toISOString();
    const coach = await signIn(app, alpha.emails.coach);
    const coachUserId = await userIdOf(alpha.emails.coach);
    const newPassword = "lanterns along the winter harbor";
    const entries = await entriesWrittenBy(async () => {
      const response = await coach.request("POST", "/api/auth/password", {
        currentPassword: TEST_PASSWORD,
        newPassword,
      });
      expect(response.statusCode).toBe(200);
    });
    expect(entries).toHaveLength(1);
    const [entry] = entries as [AuditItem];
    expect(entry).toMatchObject({ action: "update", entityType: "account", entityId: coachUserId });
    await expectStamped(entry, coachUserId, startedAt);
    const { password_hash } = await db
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", coachUserId)
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(
      await db.selectFrom("audit_events").selectAll().where("id", "=", entry.id).executeTakeFirstOrThrow(),
    );
    for (const secret of [newPassword, TEST_PASSWORD, password_hash]) expect(stored).not.toContain(secret);
  });

  it("records turning on two-factor sign-in, without the secret", async () => {
    const startedAt = new Date().toISOString();
    const trainer = await signIn(app, alpha.emails.trainer);
    const trainerUserId = await userIdOf(alpha.emails.trainer);
    let secret = "";
    const entries = await entriesWrittenBy(async () => {
      const setup = await trainer.request("POST", "/api/auth/totp/setup", {});
      secret = setup.json<{ secret: string }>().secret;
      const enable = await trainer.request("POST", "/api/auth/totp/enable", { code: currentTotpCode(secret) });
      expect(enable.statusCode).toBe(200);
    });
    const turnedOn = entries.filter((e) => JSON.stringify(e.after) === JSON.stringify({ totpEnabled: true }));
    expect(turnedOn).toHaveLength(1);
    const [entry] = turnedOn as [AuditItem];
    expect(entry).toMatchObject({ action: "update", entityType: "account", entityId: trainerUserId });
    expect(entry.before).toEqual({ totpEnabled: false });
    await expectStamped(entry, trainerUserId, startedAt);
    expect(JSON.stringify(entries)).not.toContain(secret);
  });

  it("names the person who acted", async () => {
    const page = (await admin.request("GET", "/api/audit-events?entityType=agency")).json<AuditPage>();
    expect(page.items[0]?.actorName).toBe("admin of alpha");
  });
});

describe("an append-only trail", () => {
  async function snapshot() {
    return db.selectFrom("audit_events").selectAll().orderBy("id").execute();
  }

  it("is refused UPDATE and DELETE by the database itself", async () => {
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(0);
    await expect(db.updateTable("audit_events").set({ summary: "rewritten" }).execute()).rejects.toThrow(/append-only/);
    await expect(
      db
        .updateTable("audit_events")
        .set({ agency_id: alpha.agency.id })
        .where("id", "=", before[0]?.id ?? 0)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("audit_events").execute()).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_events WHERE id = ${before[0]?.id ?? 0}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it.runIf(dialect === "postgres")("is refused TRUNCATE on PostgreSQL", async () => {
    const before = await snapshot();
    await expect(sql`TRUNCATE audit_events`.execute(db)).rejects.toThrow(/append-only/);
    expect(await snapshot()).toEqual(before);
  });
});

describe("browsing the trail", () => {
  const FIXTURE = "filter_fixture";
  const times = [
    "2026-01-10T08:00:00.000Z",
    "2026-02-10T08:00:00.000Z",
    "2026-02-20T23:59:59.999Z",
    "2026-03-10T08:00:00.000Z",
  ];

  beforeAll(async () => {
    // Entries at known instants: the API only ever stamps "now", so these go in directly.
    for (const [i, occurredAt] of times.entries()) {
      await db
        .insertInto("audit_events")
        .values({
          agency_id: alpha.agency.id,
          actor_user_id: adminUserId,
          occurred_at: occurredAt,
          action: i % 2 === 0 ? "create" : "delete",
          entity_type: FIXTURE,
          entity_id: `fixture-${i}`,
          summary: `Fixture ${i}`,
          before_json: null,
          after_json: null,
        })
        .execute();
    }
  });

  async function browse(query: string): Promise<AuditPage> {
    const response = await admin.request("GET", `/api/audit-events?entityType=${FIXTURE}&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<AuditPage>();
  }
  const ids = (page: AuditPage) => page.items.map((e) => e.entityId);

  it("lists newest first", async () => {
    expect(ids(await browse(""))).toEqual(["fixture-3", "fixture-2", "fixture-1", "fixture-0"]);
  });

  it("filters by action and by entity type", async () => {
    expect(ids(await browse("action=delete"))).toEqual(["fixture-3", "fixture-1"]);
    const people = (await admin.request("GET", "/api/audit-events?entityType=person")).json<AuditPage>();
    expect(people.total).toBeGreaterThan(0);
    expect(people.items.every((e) => e.entityType === "person")).toBe(true);
    const updates = (await admin.request("GET", "/api/audit-events?action=update")).json<AuditPage>();
    expect(updates.items.every((e) => e.action === "update")).toBe(true);
    expect(updates.items.map((e) => e.entityType)).toEqual(expect.arrayContaining(["person", "account", "agency"]));
  });

  it("filters by a time window that includes its start and excludes its end", async () => {
    expect(ids(await browse("from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z"))).toEqual(["fixture-2", "fixture-1"]);
    expect(ids(await browse("from=2026-02-10T08:00:00.000Z&to=2026-03-10T08:00:00.000Z"))).toEqual([
      "fixture-2",
      "fixture-1",
    ]);
    expect(ids(await browse("to=2026-02-01T00:00:00Z"))).toEqual(["fixture-0"]);
  });

  it("pages without overlap and reports the full total", async () => {
    const first = await browse("pageSize=3&page=1");
    const second = await browse("pageSize=3&page=2");
    expect([first.total, second.total]).toEqual([4, 4]);
    expect(ids(first)).toEqual(["fixture-3", "fixture-2", "fixture-1"]);
    expect(ids(second)).toEqual(["fixture-0"]);
    expect(second).toMatchObject({ page: 2, pageSize: 3 });
  });

  it("rejects a malformed time with a field-level error", async () => {
    const response = await admin.request("GET", "/api/audit-events?from=last%20tuesday");
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(response.json().errors).toEqual([{ field: "from", message: expect.stringContaining("UTC") }]);
  });
});
