import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { SessionInfo } from "../../src/features/accounts/auth.schema.js";
import type { ZAuditPage } from "../../src/features/audit/audit.schema.js";
import type { ZOrgTree } from "../../src/features/org/org-unit.schema.js";
import type { Person, ZPeoplePage } from "../../src/features/people/person.schema.js";
import { formatInZone } from "../../src/shared/time.js";
import { nextDay } from "../../web/src/app/format.js";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, DEMO_PASSWORD, demoEmail, signIn } from "./support/cascade.js";

/**
 * Each test edits a social worker of its own unit in the last region, where no demo account
 * lives, so tests neither disturb each other nor the people who sign in.
 */
async function socialWorkerOf(page: Page, unitName: string): Promise<Person> {
  const { units } = await apiGet<z.infer<typeof ZOrgTree>>(page, "/api/org-units");
  const unit = units.find((u) => u.name === unitName);
  if (!unit) throw new Error(`the demo agency has no unit named ${unitName}`);
  const people = await apiGet<z.infer<typeof ZPeoplePage>>(
    page,
    `/api/people?orgUnitId=${unit.id}&jobRole=social_worker&pageSize=1`,
  );
  const person = people.items[0];
  if (!person) throw new Error(`${unitName} has no social worker`);
  return person;
}

const fullName = (person: Person) => `${person.givenName} ${person.familyName}`;

async function openEditForm(page: Page, person: Person) {
  await page.goto(`/people/${person.id}`);
  await page.getByRole("button", { name: "Edit details" }).click();
  await page.getByRole("heading", { name: "Edit details" }).waitFor();
}

/** The value shown for a label in the person's details. */
async function detail(page: Page, label: string): Promise<string> {
  const row = page.locator(".details > div").filter({ has: page.getByText(label, { exact: true }) });
  return ((await row.locator("dd").textContent()) ?? "").trim();
}

async function waitForSaved(page: Page) {
  await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
}

describe.skipIf(!browserIsAvailable())("editing a person", () => {
  const browser = useBrowser();

  it("saves an admin's edit, shows it, and records it in the audit log in the agency's time", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("admin"));
    const person = await socialWorkerOf(page, "Region 3 Unit 20");

    await openEditForm(page, person);
    await expectAccessible(page, "the person edit form");
    await page.getByLabel("Languages").fill("English, Korean");
    await page.getByLabel("Job role").selectOption({ label: "Case aide" });
    await page.getByRole("button", { name: "Save changes" }).click();
    await waitForSaved(page);
    expect(await detail(page, "Languages")).toBe("English, Korean");
    expect(await detail(page, "Job role")).toBe("Case aide");
    await page.reload();
    await page.getByRole("heading", { name: "Details" }).waitFor();
    expect(await detail(page, "Languages")).toBe("English, Korean");

    await page.getByRole("link", { name: "Admin", exact: true }).click();
    await page.getByRole("link", { name: "Audit log" }).first().click();
    await page.getByLabel("What happened").selectOption({ label: "Changed" });
    await page.getByLabel("Record").selectOption({ label: "Person" });
    await page.getByRole("button", { name: "Show events" }).click();
    const firstRow = page.locator("table tbody tr").first();
    await firstRow.filter({ hasText: `Edited ${fullName(person)}` }).waitFor();

    const session = await apiGet<SessionInfo>(page, "/api/auth/session");
    const events = await apiGet<z.infer<typeof ZAuditPage>>(page, "/api/audit-events?action=update&entityType=person");
    const event = events.items[0];
    if (!event) throw new Error("the edit left no audit event");
    expect(await firstRow.locator("time").textContent()).toBe(formatInZone(event.occurredAt, session.agency.timeZone));
    await firstRow.getByText("Before and after").click();
    expect(await firstRow.locator("pre").last().textContent()).toContain("Korean");
    expect(await firstRow.locator("pre").first().textContent()).not.toContain("Korean");
    await expectAccessible(page, "the audit log with an event opened");

    // Date filters are calendar days in the agency's time zone.
    const eventDay = new Intl.DateTimeFormat("en-CA", { timeZone: session.agency.timeZone }).format(
      new Date(event.occurredAt),
    );
    await page.getByLabel("From (first day)").fill(eventDay);
    await page.getByLabel("To (last day)").fill(eventDay);
    await page.getByRole("button", { name: "Show events" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("from")).toBe(eventDay);
    await firstRow.filter({ hasText: `Edited ${fullName(person)}` }).waitFor();
    await page.getByLabel("From (first day)").fill(nextDay(eventDay));
    await page.getByLabel("To (last day)").fill(nextDay(eventDay));
    await page.getByRole("button", { name: "Show events" }).click();
    await page.getByText("No events match these filters.").waitFor();
  });

  it("shows a bad email next to its field, keeps what was typed, and changes nothing", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("admin"));
    const person = await socialWorkerOf(page, "Region 3 Unit 21");

    await openEditForm(page, person);
    await page.getByLabel("Work email").fill("not-an-email");
    await page.getByLabel("Languages").fill("English, Navajo");
    await page.getByRole("button", { name: "Save changes" }).click();

    const emailField = page.locator(".field").filter({ has: page.getByLabel("Work email") });
    await emailField.locator(".field-error").waitFor();
    expect(await emailField.locator(".field-error").textContent()).toContain("Enter a work email");
    expect(await page.getByLabel("Work email").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Work email").inputValue()).toBe("not-an-email");
    expect(await page.getByLabel("Languages").inputValue()).toBe("English, Navajo");
    await page.getByRole("alert").filter({ hasText: "Some fields need attention" }).waitFor();
    await expectAccessible(page, "the person edit form showing errors");

    const stored = await apiGet<Person>(page, `/api/people/${person.id}`);
    expect(stored.workEmail).toBe(person.workEmail);
    expect(stored.languages).toEqual(person.languages);
    expect(stored.version).toBe(person.version);
  });

  it("shows both versions when someone else saved first, keeps the typed text, and applies it on top", async () => {
    const first = await browser.newPage();
    const second = await browser.newPage();
    await signIn(first, demoEmail("admin"));
    await signIn(second, demoEmail("admin"));
    const person = await socialWorkerOf(first, "Region 3 Unit 22");
    const typedEmail = `conflict.${person.id.slice(0, 8).toLowerCase()}@wexler.example`;

    await openEditForm(first, person);
    await openEditForm(second, person);
    await first.getByLabel("Languages").fill("English, Arabic");
    await first.getByRole("button", { name: "Save changes" }).click();
    await waitForSaved(first);

    await second.getByLabel("Work email").fill(typedEmail);
    await second.getByRole("button", { name: "Save changes" }).click();
    await second.getByRole("heading", { name: "Someone else changed this while you were editing" }).waitFor();
    const rowOf = (label: string) =>
      second
        .locator(".conflict-table tbody tr")
        .filter({ has: second.getByRole("rowheader", { name: new RegExp(`^${label}`) }) });
    expect(await rowOf("Work email").locator("td").allTextContents()).toEqual([typedEmail, person.workEmail]);
    expect(await rowOf("Languages").locator("td").allTextContents()).toEqual([
      person.languages.join(", "),
      "English, Arabic",
    ]);
    expect(await second.getByLabel("Work email").inputValue()).toBe(typedEmail);
    await expectAccessible(second, "the conflict view");

    await second.getByRole("button", { name: "Save my changes on top of the current version" }).click();
    await waitForSaved(second);
    expect(await detail(second, "Work email")).toBe(typedEmail);
    expect(await detail(second, "Languages")).toBe("English, Arabic");
    const stored = await apiGet<Person>(second, `/api/people/${person.id}`);
    expect(stored.workEmail).toBe(typedEmail);
    expect(stored.languages).toEqual(["English", "Arabic"]);
    expect(stored.version).toBe(person.version + 2);
  });

  it("asks to sign in again when the session has ended, then finishes the save without retyping", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("admin"));
    const person = await socialWorkerOf(page, "Region 3 Unit 23");

    await openEditForm(page, person);
    await page.getByLabel("Languages").fill("English, Cantonese");
    await page.context().clearCookies();
    await page.getByRole("button", { name: "Save changes" }).click();

    const dialog = page.getByRole("dialog", { name: "Sign in again to continue" });
    await dialog.waitFor();
    expect(await dialog.getByLabel("Work email").inputValue()).toBe(demoEmail("admin"));
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest("dialog")))).toBe(true);
    await expectAccessible(page, "the sign-in-again dialog");
    await dialog.getByLabel("Password").fill(DEMO_PASSWORD);
    await dialog.getByRole("button", { name: "Sign in and continue" }).click();

    await waitForSaved(page);
    expect(await dialog.count()).toBe(0);
    expect(await detail(page, "Languages")).toBe("English, Cantonese");
    const stored = await apiGet<Person>(page, `/api/people/${person.id}`);
    expect(stored.languages).toEqual(["English", "Cantonese"]);
  });

  it("deactivates an account after confirming, ending that person's session at once, and reactivates it", async () => {
    const coach = await browser.newPage();
    await signIn(coach, demoEmail("coach"));
    const { user } = await apiGet<SessionInfo>(coach, "/api/auth/session");
    if (!user.personId) throw new Error("the demo coach has no person record");
    const admin = await browser.newPage();
    await signIn(admin, demoEmail("admin"));
    await admin.goto(`/people/${user.personId}`);

    await admin.getByRole("button", { name: "Deactivate account" }).click();
    const confirmDeactivate = admin.getByRole("dialog", { name: /^Deactivate .+'s account\?$/ });
    await confirmDeactivate.waitFor();
    await expectAccessible(admin, "the deactivation confirmation");
    try {
      await confirmDeactivate.getByRole("button", { name: "Yes, deactivate the account" }).click();
      await admin.getByRole("status").filter({ hasText: "The account is deactivated" }).waitFor();
      await admin.getByText("Deactivated: cannot sign in.").waitFor();

      await coach.getByRole("link", { name: "Organization", exact: true }).click();
      const renew = coach.getByRole("dialog", { name: "Sign in again to continue" });
      await renew.waitFor();
      await renew.getByLabel("Password").fill(DEMO_PASSWORD);
      await renew.getByRole("button", { name: "Sign in and continue" }).click();
      await renew.getByRole("alert").filter({ hasText: "do not match an active account" }).waitFor();

      await admin.getByRole("button", { name: "Reactivate account" }).click();
      await admin
        .getByRole("dialog", { name: /^Reactivate .+'s account\?$/ })
        .getByRole("button", { name: "Yes, reactivate the account" })
        .click();
      await admin.getByRole("status").filter({ hasText: "The account is active again" }).waitFor();

      await renew.getByRole("button", { name: "Sign in and continue" }).click();
      await coach.getByRole("heading", { name: "Organization", level: 1 }).waitFor();
      expect(await renew.count()).toBe(0);
    } finally {
      const { csrfToken } = await apiGet<SessionInfo>(admin, "/api/auth/session");
      await admin.request.post(`/api/people/${user.personId}/account/reactivate`, {
        headers: { "x-csrf-token": csrfToken },
      });
    }
  });
});
