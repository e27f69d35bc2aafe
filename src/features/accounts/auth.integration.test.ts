import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, TEST_PASSWORD, type World } from "../../../tests/support/world.js";
import { hashSessionToken } from "./auth.service.js";
import { currentTotpCode } from "./totp.js";

const { app, db } = await startTestApp({ loginMaxFailuresPerAccount: 3 });
let world: World;
beforeAll(async () => {
  world = await buildWorld(db, "alpha");
});

describe("signing in", () => {
  it("sets an httpOnly SameSite session cookie whose token is stored only as a hash", async () => {
    const response = await anonymous(app).request("POST", "/api/auth/login", {
      email: world.emails.staff,
      password: TEST_PASSWORD,
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === "cascade_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(Buffer.from(cookie?.value ?? "", "base64url").length).toBeGreaterThanOrEqual(16);
    const stored = await db.selectFrom("sessions").select("token_hash").execute();
    expect(stored.map((s) => s.token_hash)).toContain(hashSessionToken(cookie?.value ?? ""));
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie?.value);
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("refuses a wrong password with the same message as an unknown email", async () => {
    const wrong = await anonymous(app).request("POST", "/api/auth/login", {
      email: world.emails.admin,
      password: "nope nope nope",
    });
    const unknown = await anonymous(app).request("POST", "/api/auth/login", {
      email: "nobody@x.test",
      password: "nope nope nope",
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it("locks an account out after repeated failures, even with the right password", async () => {
    for (let i = 0; i < 3; i++) {
      await anonymous(app).request("POST", "/api/auth/login", {
        email: world.emails.coach,
        password: "wrong password here",
      });
    }
    const locked = await anonymous(app).request("POST", "/api/auth/login", {
      email: world.emails.coach,
      password: TEST_PASSWORD,
    });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("rejects writes that lack the CSRF token", async () => {
    const client = await signIn(app, world.emails.admin);
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: client.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("CSRF");
  });

  it("ends the session on sign-out", async () => {
    const client = await signIn(app, world.emails.trainer);
    expect((await client.request("POST", "/api/auth/logout")).statusCode).toBe(200);
    expect((await client.request("GET", "/api/auth/session")).statusCode).toBe(401);
  });
});

describe("session timeouts", () => {
  it("ends a session idle for longer than the idle timeout", async () => {
    const client = await signIn(app, world.emails.executive);
    const longAgo = new Date(Date.now() - 31 * 60_000).toISOString();
    await db.updateTable("sessions").set({ last_seen_at: longAgo }).execute();
    expect((await client.request("GET", "/api/auth/session")).statusCode).toBe(401);
  });

  it("ends a session past its absolute lifetime even when active", async () => {
    const client = await signIn(app, world.emails.manager);
    await db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect((await client.request("GET", "/api/auth/session")).statusCode).toBe(401);
  });
});

describe("passwords", () => {
  it("refuses a common password and a short one, field by field, and keeps the old password", async () => {
    const client = await signIn(app, world.emails.supervisor);
    const common = await client.request("POST", "/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "password1234",
    });
    expect(common.statusCode).toBe(400);
    expect(common.json().errors).toEqual([{ field: "newPassword", message: expect.stringMatching(/common/) }]);
    const short = await client.request("POST", "/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "short",
    });
    expect(short.json().errors[0].field).toBe("newPassword");
    await signIn(app, world.emails.supervisor);
  });

  it("accepts a long passphrase with spaces and no special characters", async () => {
    const client = await signIn(app, world.emails.implementation_lead);
    const passphrase = "the river runs past the old mill in spring";
    const response = await client.request("POST", "/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: passphrase,
    });
    expect(response.statusCode).toBe(200);
    await signIn(app, world.emails.implementation_lead, passphrase);
  });
});

describe("two-factor sign-in", () => {
  it("once turned on, asks for a code and accepts only a valid one", async () => {
    const client = await signIn(app, world.emails.training_coordinator);
    const setup = await client.request("POST", "/api/auth/totp/setup", {});
    const { secret } = setup.json<{ secret: string }>();
    expect((await client.request("POST", "/api/auth/totp/enable", { code: "000000" })).statusCode).toBe(400);
    expect((await client.request("POST", "/api/auth/totp/enable", { code: currentTotpCode(secret) })).statusCode).toBe(
      200,
    );

    const login = { email: world.emails.training_coordinator, password: TEST_PASSWORD };
    const withoutCode = await anonymous(app).request("POST", "/api/auth/login", login);
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json().code).toBe("TOTP_REQUIRED");
    const withCode = await anonymous(app).request("POST", "/api/auth/login", {
      ...login,
      totpCode: currentTotpCode(secret),
    });
    expect(withCode.statusCode).toBe(200);
  });

  it("when the agency requires it, holds a new session at setup until two-factor is on", async () => {
    const admin = await signIn(app, world.emails.admin);
    const agency = (await admin.request("GET", "/api/agency")).json();
    const updated = await admin.request("PUT", "/api/agency", {
      name: agency.name,
      timeZone: agency.timeZone,
      requireTotp: true,
      version: agency.version,
    });
    expect(updated.statusCode).toBe(200);

    const staff = await signIn(app, world.emails.fidelity_observer);
    expect((await staff.request("GET", "/api/auth/session")).json().totpSetupRequired).toBe(true);
    expect((await staff.request("GET", "/api/org-units")).json().code).toBe("TOTP_SETUP_REQUIRED");
    const { secret } = (await staff.request("POST", "/api/auth/totp/setup", {})).json();
    await staff.request("POST", "/api/auth/totp/enable", { code: currentTotpCode(secret) });
    expect((await staff.request("GET", "/api/org-units")).statusCode).toBe(200);

    const now = (await admin.request("GET", "/api/agency")).json();
    await admin.request("PUT", "/api/agency", { ...now, requireTotp: false });
  });
});

describe("deactivation", () => {
  it("ends every session of a deactivated person at once", async () => {
    const admin = await signIn(app, world.emails.admin);
    const worker = await signIn(app, world.emails.staff);
    expect((await worker.request("GET", "/api/home")).statusCode).toBe(200);
    const response = await admin.request("POST", `/api/people/${world.people.workerN1.id}/account/deactivate`);
    expect(response.statusCode).toBe(200);
    expect((await worker.request("GET", "/api/home")).statusCode).toBe(401);
    const again = await anonymous(app).request("POST", "/api/auth/login", {
      email: world.emails.staff,
      password: TEST_PASSWORD,
    });
    expect(again.statusCode).toBe(401);
  });
});
