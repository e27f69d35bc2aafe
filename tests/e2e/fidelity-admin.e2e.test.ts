import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PARTNER_OBSERVER_EMAIL } from "../../src/features/demo/demo-fidelity.js";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, demoEmail, mainHeading, signIn } from "./support/cascade.js";

async function openFromFidelityPage(page: Page, link: string, heading: string) {
  await page.goto("/fidelity");
  await page.getByRole("link", { name: link, exact: true }).click();
  await expect.poll(() => mainHeading(page).textContent()).toBe(heading);
}

describe.skipIf(!browserIsAvailable())("fidelity administration", () => {
  const browser = useBrowser();

  it("edits a new draft of the instrument, with an error next to the field, and publishes it", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("implementation_lead"));
    await openFromFidelityPage(page, "Instruments", "Fidelity instruments");
    await expectAccessible(page, "the instruments page");
    await page.getByRole("link", { name: "Family meeting fidelity" }).click();
    await page.getByRole("button", { name: "Start a new draft from version 1" }).click();
    const threshold = page.getByLabel("The mean of the measures is at least");
    await threshold.fill("9");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.locator(".field-error", { hasText: "Use a value on the scale." }).waitFor();
    expect(await threshold.inputValue()).toBe("9");
    await expectAccessible(page, "the instrument editor with an error");
    await threshold.fill("3.2");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText("Draft saved.").waitFor();
    await page.getByRole("button", { name: "Publish as version 2" }).click();
    await page.getByRole("button", { name: "Yes, publish version 2" }).click();
    await page.getByText("Published version 2. New observations use it.").waitFor();
    await page.getByText(/Version 2, published/).waitFor();
  });

  it("adds a staff member to the observer roster", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("implementation_lead"));
    const people = await apiGet<{ items: { givenName: string; familyName: string; orgUnitName: string | null }[] }>(
      page,
      "/api/people?pageSize=50&sort=hireDate&direction=desc",
    );
    const person = people.items.find((p) => p.orgUnitName?.includes("Unit"));
    if (!person) throw new Error("no staff person found");
    await openFromFidelityPage(page, "Observer roster", "Observer roster");
    await expectAccessible(page, "the observer roster");
    await page.getByRole("button", { name: "Add an observer" }).click();
    await page.getByLabel("Observes as").selectOption("agency_partner");
    await page.getByLabel("Find the staff member").fill(person.familyName);
    const fullName = `${person.givenName} ${person.familyName}`;
    const choice = page.getByLabel("Staff member", { exact: true });
    await expect.poll(async () => (await choice.locator("option").allTextContents()).join("|")).toContain(fullName);
    await choice.selectOption({
      label: (await choice.locator("option", { hasText: fullName }).first().textContent()) ?? "",
    });
    await page.getByLabel("Trained on").fill("2026-01-10");
    await page.getByLabel("Certified on").fill("2026-02-01");
    await expectAccessible(page, "the add observer form");
    await page.getByRole("button", { name: "Add observer", exact: true }).click();
    await page.getByText(`Added ${fullName} to the roster.`).waitFor();
    await page
      .getByRole("row", { name: new RegExp(fullName) })
      .getByText("Certified without calibration")
      .waitFor();
  });

  it("checks an observation history file, then imports it", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("implementation_lead"));
    const people = await apiGet<{ items: { employeeId: string | null; orgUnitName: string | null }[] }>(
      page,
      "/api/people?pageSize=50",
    );
    const staff = people.items.find((p) => p.employeeId && p.orgUnitName?.includes("Unit"));
    if (!staff) throw new Error("no staff person with an employee id");
    await openFromFidelityPage(page, "Import observation history", "Import observation history");
    await expectAccessible(page, "the history import page");
    const csv = [
      "observation_id,date,unit,staff_id,observer_id,observer_type,measure_code,rating",
      `PAPER-1,2025-03-04,${staff.orgUnitName},${staff.employeeId},${DEMO_PARTNER_OBSERVER_EMAIL},community_partner,M1,3`,
      `PAPER-1,2025-03-04,${staff.orgUnitName},${staff.employeeId},${DEMO_PARTNER_OBSERVER_EMAIL},community_partner,M2,2`,
    ].join("\n");
    await page.getByLabel("Or paste the CSV").fill(csv);
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByText(/2 rows read\. Ready: 1 observations with 2 ratings would be imported\./).waitFor();
    await expectAccessible(page, "the check result");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByText(/Imported 1 observations with 2 ratings\./).waitFor();
  });

  it("lets an observer rate the reference case blind and then see how they agree with it", async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO_PARTNER_OBSERVER_EMAIL);
    await page.goto("/fidelity");
    await page.getByRole("link", { name: "Calibration", exact: true }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Calibration");
    await expectAccessible(page, "the calibration page");
    await page.getByRole("link", { name: "Family meeting after a placement with an aunt" }).click();
    await page.getByRole("heading", { name: "Your ratings" }).waitFor();
    expect(await page.getByText("Why the reference is at this level").count()).toBe(0);
    await expectAccessible(page, "the calibration rating form");
    const ratings = [4, 3, 3, 3, 4, 2, 2, 3, 2];
    const selects = page.locator("select");
    for (const [index, rating] of ratings.entries()) await selects.nth(index).selectOption(String(rating));
    await page.getByRole("button", { name: "Submit and compare with the reference" }).click();
    await page.getByRole("heading", { name: "Your ratings and the reference" }).waitFor();
    // Against the demo reference 4 3 3 3 4 2 2 3 1 only the last measure differs, by one level.
    await page.getByText(/Passed\. Exact agreement 89%, within one level 100%/).waitFor();
    await page.getByText("No next meeting and no one named for each task: follow-through is left open.").waitFor();
    await expectAccessible(page, "the calibration comparison");
  });
});
