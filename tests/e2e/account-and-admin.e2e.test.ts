import { Secret, TOTP } from "otpauth";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { SessionInfo } from "../../src/features/accounts/auth.schema.js";
import type { Agency } from "../../src/features/agencies/agency.schema.js";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, DEMO_PASSWORD, demoEmail, mainHeading, signIn } from "./support/cascade.js";

/** What an authenticator app would show now for a setup key. */
function codeFor(secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate();
}

/**
 * Puts an account back the way the demo agency has it, through the API, so a failure part-way
 * through a test does not leave two-factor on for the other test files.
 */
async function turnOffTwoFactorQuietly(context: BrowserContext, email: string, secret: string) {
  const login = await context.request.post("/api/auth/login", {
    data: { email, password: DEMO_PASSWORD, totpCode: codeFor(secret) },
  });
  if (!login.ok()) return;
  const { csrfToken } = (await login.json()) as SessionInfo;
  await context.request.post("/api/auth/totp/disable", {
    data: { code: codeFor(secret) },
    headers: { "x-csrf-token": csrfToken },
  });
}

async function setRequireTotp(page: Page, requireTotp: boolean) {
  const { csrfToken } = await apiGet<SessionInfo>(page, "/api/auth/session");
  const agency = await apiGet<Agency>(page, "/api/agency");
  const response = await page.request.put("/api/agency", {
    data: { name: agency.name, timeZone: agency.timeZone, requireTotp, version: agency.version },
    headers: { "x-csrf-token": csrfToken },
  });
  if (!response.ok()) throw new Error(`could not change the two-factor rule: ${await response.text()}`);
}

describe.skipIf(!browserIsAvailable())("account and admin settings", () => {
  const browser = useBrowser();

  it("turns on two-factor with the shown key, then signs in with a code, then turns it off", async () => {
    const email = demoEmail("fidelity_observer");
    const page = await browser.newPage();
    await signIn(page, email);
    await page.getByRole("link", { name: "Account", exact: true }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Your account");
    await expectAccessible(page, "the account page");

    await page.getByRole("button", { name: "Start setting up two-factor sign-in" }).click();
    await page.getByRole("img", { name: /QR code/ }).waitFor();
    const secret = ((await page.locator("code.secret").textContent()) ?? "").replace(/\s+/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    try {
      await expectAccessible(page, "two-factor setup");
      await page.getByLabel("Six-digit code").fill(codeFor(secret));
      await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
      await page.getByRole("status").filter({ hasText: "Two-factor sign-in is on." }).waitFor();

      await page.getByRole("button", { name: "Sign out" }).click();
      await expect.poll(() => mainHeading(page).textContent()).toBe("Sign in");
      await page.getByLabel("Work email").fill(email);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      const codeField = page.getByLabel("Two-factor code");
      await codeField.waitFor();
      expect(await page.getByLabel("Work email").inputValue()).toBe(email);
      expect(await page.getByLabel("Password").inputValue()).toBe(DEMO_PASSWORD);
      await expectAccessible(page, "the sign-in page asking for a two-factor code");
      await codeField.fill(codeFor(secret));
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("navigation", { name: "Main" }).waitFor();

      await page.getByRole("link", { name: "Account", exact: true }).click();
      await page.getByLabel("Six-digit code").fill(codeFor(secret));
      await page.getByRole("button", { name: "Turn off two-factor sign-in" }).click();
      await page.getByRole("status").filter({ hasText: "Two-factor sign-in is off." }).waitFor();
    } finally {
      await turnOffTwoFactorQuietly(await browser.newContext(), email, secret);
    }
  });

  it("shows a wrong current password next to its field", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("trainer"));
    await page.goto("/account");
    await page.getByLabel("Current password").fill("this is not it at all");
    await page.getByLabel("New password", { exact: true }).fill("river lantern orchard violet");
    await page.getByLabel("New password again").fill("river lantern orchard violet");
    await page.getByRole("button", { name: "Change password" }).click();
    const field = page.locator(".field").filter({ has: page.getByLabel("Current password") });
    await field.locator(".field-error").filter({ hasText: "not your current password" }).waitFor();
    await expectAccessible(page, "the account page with a password error");
  });

  it("turns on a private calendar feed whose address a calendar program can read without signing in", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("coach"));
    await page.goto("/account");
    await page.getByRole("button", { name: "Turn on my calendar feed" }).click();
    const address = await page.getByLabel("Calendar address").inputValue();
    expect(address).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await expectAccessible(page, "the account page showing a new calendar address");

    const outsider = await browser.newContext();
    const feed = await outsider.request.get(address);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR/);

    await page.reload();
    await page.getByText("Your calendar feed is on").waitFor();
    await page.getByRole("button", { name: "Turn off my calendar feed" }).click();
    await page.getByText("Your calendar feed is off.").waitFor();
    expect((await outsider.request.get(address)).status()).toBe(404);
  });

  it("lets an admin change agency settings, with field errors, and a required two-factor reaches everyone", async () => {
    const admin = await browser.newPage();
    await signIn(admin, demoEmail("admin"));
    await admin.getByRole("link", { name: "Admin", exact: true }).click();
    await admin.getByRole("link", { name: "Agency settings" }).first().click();
    await expect.poll(() => mainHeading(admin).textContent()).toBe("Agency settings");
    const agency = await apiGet<Agency>(admin, "/api/agency");
    expect(await admin.getByLabel("Agency name").inputValue()).toBe(agency.name);
    expect(await admin.getByLabel("Time zone").inputValue()).toBe(agency.timeZone);
    await expectAccessible(admin, "agency settings");

    await admin.getByLabel("Agency name").fill("W");
    await admin.getByRole("button", { name: "Save settings" }).click();
    const nameField = admin.locator(".field").filter({ has: admin.getByLabel("Agency name") });
    await nameField.locator(".field-error").filter({ hasText: "at least 2 characters" }).waitFor();
    expect(await admin.getByLabel("Agency name").inputValue()).toBe("W");
    await expectAccessible(admin, "agency settings showing an error");
    expect((await apiGet<Agency>(admin, "/api/agency")).name).toBe(agency.name);

    await admin.getByLabel("Agency name").fill(agency.name);
    await admin.getByLabel("Require two-factor sign-in for everyone").check();
    try {
      await admin.getByRole("button", { name: "Save settings" }).click();
      await admin.getByRole("status").filter({ hasText: "Saved." }).waitFor();
      expect((await apiGet<Agency>(admin, "/api/agency")).requireTotp).toBe(true);

      const coordinator = await browser.newPage();
      await coordinator.goto("/");
      await coordinator.getByLabel("Work email").fill(demoEmail("training_coordinator"));
      await coordinator.getByLabel("Password").fill(DEMO_PASSWORD);
      await coordinator.getByRole("button", { name: "Sign in" }).click();
      await expect.poll(() => mainHeading(coordinator).textContent()).toBe("Set up two-factor sign-in");
      expect(await coordinator.getByRole("navigation", { name: "Main" }).count()).toBe(0);
      await coordinator.getByRole("button", { name: "Start setting up two-factor sign-in" }).waitFor();
      await expectAccessible(coordinator, "the two-factor setup the agency requires");
      await coordinator.getByRole("button", { name: "Sign out" }).click();
      await expect.poll(() => mainHeading(coordinator).textContent()).toBe("Sign in");
    } finally {
      await setRequireTotp(admin, false);
    }
  });
});
