import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { demoEmail, mainHeading, signIn } from "./support/cascade.js";

describe.skipIf(!browserIsAvailable())("enrolling a whole unit in a new session", () => {
  const browser = useBrowser();

  it("says how many were added, and says so when the unit could not be read, keeping what was typed", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("training_coordinator"));
    await page.goto("/training/sessions/new");
    await expect.poll(() => mainHeading(page).textContent()).toBe("Schedule a session");
    await page.getByLabel("Title", { exact: true }).fill("Whole-unit enrollment check");

    const unitPicker = page.getByLabel("Unit", { exact: true });
    await expect.poll(() => unitPicker.locator("option").count()).toBeGreaterThan(1);
    const labels = await unitPicker.locator("option").allTextContents();
    const staffed = labels.findIndex((label) => Number(/\((\d+)\)$/.exec(label)?.[1] ?? 0) > 0);
    await unitPicker.selectOption({ index: staffed });
    const unitName = labels[staffed]?.replace(/ \(\d+\)$/, "") ?? "";

    // The people list cannot be reached: nothing is added, and the page says why.
    const unitPeople = (url: URL) => url.pathname === "/api/people" && url.searchParams.has("orgUnitId");
    await page.route(unitPeople, (route) => route.abort("failed"));
    await page.getByRole("button", { name: "Enroll the whole unit" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Nobody was added from ${unitName}` })
      .waitFor();
    const legend = page.getByRole("group", { name: /^Cohort/ }).locator("legend");
    expect(await legend.textContent()).toContain("(0 enrolled)");
    expect(await page.getByLabel("Title", { exact: true }).inputValue()).toBe("Whole-unit enrollment check");
    await expectAccessible(page, "the session form after a failed whole-unit enrollment");

    await page.unroute(unitPeople);
    await page.getByRole("button", { name: "Enroll the whole unit" }).click();
    await page
      .getByRole("status")
      .filter({
        hasText: new RegExp(`^Added \\d+ (person|people) from ${unitName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.$`),
      })
      .waitFor();
    expect(await legend.textContent()).not.toContain("(0 enrolled)");
  });
});
