import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, demoEmail, signIn } from "./support/cascade.js";

/**
 * The follow-up reads the agency's most recent rollout plan, and other tests import plans of their
 * own. So this file imports one first: Region 3's units trained in early 2024, long over, most of
 * them without coaching since.
 */
async function importLongFinishedPlan(page: Page) {
  const { csrfToken } = await apiGet<{ csrfToken: string }>(page, "/api/auth/session");
  const text = `Region\tJan '24\tMar '24\nWexler County/ Region 3\tUnits 1-10\t\n`;
  const created = await page.request.post("/api/rollout-plans/import", {
    data: { name: `Region 3 catch-up ${Date.now()}`, text },
    headers: { "x-csrf-token": csrfToken },
  });
  expect(created.status(), await created.text()).toBe(201);
}

describe.skipIf(!browserIsAvailable())("trained units waiting for coaching", () => {
  const browser = useBrowser();

  beforeAll(async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("training_coordinator"));
    await importLongFinishedPlan(page);
    await page.close();
  });

  it("shows the coaching supervisor which trained units to match a coach in", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("coaching_supervisor"));
    await page.goto("/coaching");
    const section = page.getByRole("region", { name: "Trained units waiting for coaching" });
    await section
      .getByText(/training ended \d+ days ago/)
      .first()
      .waitFor();
    await section.getByText("Next step: match a coach for someone in this unit.").first().waitFor();
    await expectAccessible(page, "the coaching page with trained units waiting for coaching");
  });

  it("shows the training coordinator the same units on the rollout plans page", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("training_coordinator"));
    await page.goto("/training/plans");
    const section = page.getByRole("region", { name: "Trained units waiting for coaching" });
    await section.getByText("Next step: ask the coaching supervisor to match a coach").first().waitFor();
    await expectAccessible(page, "the rollout plans page with trained units waiting for coaching");
  });
});
