import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { demoEmail, mainHeading, signIn } from "./support/cascade.js";

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

async function openPartner(page: Page, name: string) {
  await mainNav(page).getByRole("link", { name: "Partners", exact: true }).click();
  await expect.poll(() => mainHeading(page).textContent()).toBe("Partners");
  await page.getByRole("link", { name, exact: true }).click();
  await expect.poll(() => mainHeading(page).textContent()).toBe(name);
}

describe.skipIf(!browserIsAvailable())("partners and teams", () => {
  const browser = useBrowser();

  it("lists partners by kind and shows a partner person's budget, warning at 80% and refusing to go over unconfirmed", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("training_coordinator"));
    await mainNav(page).getByRole("link", { name: "Partners", exact: true }).click();
    await page.getByRole("link", { name: "Eastside Family Resource Center" }).waitFor();
    await expectAccessible(page, "the partner list");
    await page.getByLabel("Show kind").selectOption("tribe");
    await expect.poll(() => page.locator("table tbody tr").count()).toBe(1);
    expect(await page.locator("table tbody tr").textContent()).toContain("Three Rivers Band of Ojibwe");

    await page.getByRole("link", { name: "Three Rivers Band of Ojibwe" }).click();
    await page.getByRole("link", { name: "Winona Bearheart" }).waitFor();
    await expectAccessible(page, "a partner organization");

    await page.getByRole("link", { name: "Winona Bearheart" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Winona Bearheart");
    const bar = page.getByRole("progressbar");
    await bar.waitFor();
    expect(await page.getByText("34.5 h of 40 h used (86%)").count()).toBe(1);
    expect(await page.getByText("Budget warning:").count()).toBe(1);
    await expectAccessible(page, "a partner person with an agreement near its budget");

    await page.getByLabel("Hours", { exact: true }).fill("6");
    await page.getByLabel("Date worked").fill("2026-11-18");
    await page.getByRole("button", { name: "Log hours" }).click();
    const confirm = page.getByLabel("Log these hours even though they go over the budget");
    await confirm.waitFor();
    expect(await page.locator(".field-error").first().textContent()).toContain("40.5 of 40 budgeted");
    await expectAccessible(page, "the over-budget refusal");
    await confirm.check();
    await page.getByRole("button", { name: "Log hours" }).click();
    await page.getByText("0.5 h over budget").waitFor();
    expect(await page.getByRole("cell", { name: "6 h", exact: true }).count()).toBeGreaterThan(0);
  });

  it("lets an administrator add a partner, a person with roles and an agreement, with errors beside the fields", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("admin"));
    await mainNav(page).getByRole("link", { name: "Partners", exact: true }).click();
    await page.getByRole("button", { name: "Add a partner" }).click();
    await page.getByRole("button", { name: "Add partner" }).click();
    const nameField = page.locator(".field", { has: page.getByLabel("Name", { exact: true }) });
    await expect.poll(() => nameField.locator(".field-error").textContent()).toContain("Enter a name.");
    await expectAccessible(page, "the add-partner form with an error");
    await page.getByLabel("Kind", { exact: true }).selectOption("tribe");
    await page.getByLabel("Name", { exact: true }).fill("Pine Hollow Nation");
    await page.getByRole("button", { name: "Add partner" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Pine Hollow Nation");

    await page.getByRole("button", { name: "Add a person" }).click();
    await page.getByLabel("Full name").fill("Lena Pinehollow");
    await page.getByLabel("Co-trainer").check();
    await page.getByLabel("Cultural broker").check();
    await expectAccessible(page, "the add-person form");
    await page.getByRole("button", { name: "Add person" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Lena Pinehollow");
    expect(await page.locator(".details").textContent()).toContain("Co-trainer, Cultural broker");

    await page.getByRole("button", { name: "Add an agreement" }).click();
    await page.getByLabel("Rate in dollars").fill("45");
    await page.getByLabel("Budgeted hours").fill("20");
    await page.getByLabel("Start date").fill("2026-11-01");
    await page.getByLabel("End date").fill("2026-10-01");
    await page.getByRole("button", { name: "Add agreement" }).click();
    const endField = page.locator(".field", { has: page.getByLabel("End date") });
    await expect.poll(() => endField.locator(".field-error").textContent()).toContain("cannot be before the start");
    await page.getByLabel("End date").fill("2027-10-31");
    await page.getByRole("button", { name: "Add agreement" }).click();
    await page.getByText("$45.00 per hour").waitFor();
    await page.getByText("0 h of 20 h used (0%)").waitFor();
    await expectAccessible(page, "a partner person with a new agreement");
  });

  it("shows both versions when someone else edited the partner first", async () => {
    const first = await browser.newPage();
    const second = await browser.newPage();
    await signIn(first, demoEmail("admin"));
    await signIn(second, demoEmail("implementation_lead"));
    await openPartner(first, "Wexler Parent Advocates");
    await openPartner(second, "Wexler Parent Advocates");
    await first.getByRole("button", { name: "Edit partner" }).click();
    await second.getByRole("button", { name: "Edit partner" }).click();
    await first.getByLabel("Contact person").fill("Dana Ruiz");
    await first.getByRole("button", { name: "Save changes" }).click();
    await first.getByText("Saved.").waitFor();

    await second.getByLabel("Contact phone").fill("555-0199");
    await second.getByRole("button", { name: "Save changes" }).click();
    await second.getByRole("heading", { name: "Someone else changed this while you were editing" }).waitFor();
    await expectAccessible(second, "the partner conflict view");
    await second.getByRole("button", { name: "Save my changes on top of the current version" }).click();
    await second.getByText("Saved.").waitFor();
    const contact = await second.locator(".details").textContent();
    expect(contact).toContain("Dana Ruiz");
    expect(contact).toContain("555-0199");
  });

  it("shows the escalation tree and a team's chain, and lets an administrator add and remove a partner member", async () => {
    const staff = await browser.newPage();
    await signIn(staff, demoEmail("staff"));
    await mainNav(staff).getByRole("link", { name: "Teams", exact: true }).click();
    await staff.getByRole("heading", { name: "Escalation structure" }).waitFor();
    const nested = staff
      .locator(".team-tree .team-tree .team-tree")
      .getByRole("link", { name: "Region 1 Unit 1 Team" });
    expect(await nested.count()).toBe(1);
    await expectAccessible(staff, "the teams list");
    await nested.click();
    await expect.poll(() => mainHeading(staff).textContent()).toBe("Region 1 Unit 1 Team");
    expect(await staff.locator(".escalation-chain li").allTextContents()).toEqual([
      "Region 1 Site Implementation Team · Site implementation team",
      "Executive Leadership Team · Executive team",
    ]);
    expect(await staff.getByRole("button", { name: "Add a member" }).count()).toBe(0);
    await expectAccessible(staff, "a team page");

    const admin = await browser.newPage();
    await signIn(admin, demoEmail("admin"));
    await mainNav(admin).getByRole("link", { name: "Teams", exact: true }).click();
    await admin.getByRole("link", { name: "Coaching Collaborative" }).click();
    await expect.poll(() => mainHeading(admin).textContent()).toBe("Coaching Collaborative");
    await admin.getByRole("button", { name: "Add a member" }).click();
    await admin.getByLabel("A partner person").check();
    await admin.getByLabel("Partner", { exact: true }).selectOption({ label: "Eastside Family Resource Center" });
    await admin.getByLabel("Partner person", { exact: true }).selectOption({ label: "Rosa Delgado" });
    await admin.getByLabel("Role in the team").selectOption("advisor");
    await expectAccessible(admin, "the add-member form");
    await admin.getByRole("button", { name: "Add member" }).click();
    await admin.getByText("Added Rosa Delgado as advisor.").waitFor();
    const row = admin.locator("table tbody tr", { hasText: "Rosa Delgado" });
    await expect.poll(() => row.locator("td").nth(2).textContent()).toBe("Advisor");
    await admin.getByRole("button", { name: "Remove Rosa Delgado" }).click();
    await admin.getByText("Removed Rosa Delgado from the team.").waitFor();
    // The notice comes with the server's answer; the member list follows when it is fetched again.
    await expect.poll(() => admin.locator("table tbody tr", { hasText: "Rosa Delgado" }).count()).toBe(0);
  });

  it("shows partner viewers neither partners nor teams", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("partner_viewer"));
    const links = await mainNav(page).getByRole("link").allTextContents();
    expect(links).not.toContain("Partners");
    expect(links).not.toContain("Teams");
  });
});
