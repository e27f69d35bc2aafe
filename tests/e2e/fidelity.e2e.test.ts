import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PARTNER_OBSERVER_EMAIL } from "../../src/features/demo/demo-fidelity.js";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, demoEmail, mainHeading, signIn } from "./support/cascade.js";

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const MEASURES = [
  "Respectful welcome",
  "Family voice",
  "Natural supports at the table",
  "Strengths and needs understood together",
  "Safety discussed plainly",
  "A plan the family owns",
  "Connection to community resources",
  "Cultural humility",
  "Advocacy and follow-through",
];

async function displayNameOf(page: Page, email: string) {
  await signIn(page, email);
  const session = await apiGet<{ user: { displayName: string } }>(page, "/api/auth/session");
  await page.context().clearCookies();
  return session.user.displayName;
}

async function rateEveryMeasure(page: Page, ratings: number[]) {
  for (const [index, measure] of MEASURES.entries()) {
    await page.getByLabel(`Rating for ${measure}`).selectOption(String(ratings[index]));
  }
}

describe.skipIf(!browserIsAvailable())("fidelity assessment", () => {
  const browser = useBrowser();

  it("walks sample → schedule → two blind ratings → reconcile → debrief → reliability", async () => {
    const page = await browser.newPage();
    const workerName = await displayNameOf(page, demoEmail("staff"));
    const observerName = await displayNameOf(page, demoEmail("fidelity_observer"));

    // The implementation lead draws the whole first unit as a sample and schedules the worker.
    await signIn(page, demoEmail("implementation_lead"));
    await mainNav(page).getByRole("link", { name: "Fidelity", exact: true }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Fidelity");
    await expectAccessible(page, "the fidelity page");
    await page.getByLabel("Unit", { exact: true }).selectOption({ label: "Region 1 Unit 1" });
    await page.getByLabel("How many staff").fill("20");
    await page.getByRole("button", { name: "Draw sample" }).click();
    const scheduleButton = page.getByRole("button", { name: `Schedule an observation of ${workerName}` });
    await scheduleButton.waitFor();
    expect(await page.locator(".fidelity-seed").textContent()).toMatch(/^[a-z0-9]{8}$/);
    await scheduleButton.click();
    await page
      .getByLabel("Community partner observer")
      .selectOption({ label: "Lorraine Whitefeather (certified to 2027-10-31)" });
    await page
      .getByLabel("Agency partner observer")
      .selectOption({ label: `${observerName} (certified to 2027-10-31)` });
    await page.getByLabel("Consent reference").fill("CF-2026-0142");
    await expectAccessible(page, "the schedule form");
    await page.getByRole("button", { name: "Schedule observation" }).click();
    await page.locator(".field-error").first().waitFor();
    await page.getByLabel("The family agreed to the observers being present").check();
    await page.getByRole("button", { name: "Schedule observation" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toContain(workerName);
    const observationUrl = page.url();
    await page.context().clearCookies();

    // The community observer rates on their own and submits.
    await signIn(page, DEMO_PARTNER_OBSERVER_EMAIL);
    await page.goto(observationUrl);
    await page.getByRole("heading", { name: "Your ratings" }).waitFor();
    await expectAccessible(page, "the rating form");
    await rateEveryMeasure(page, [3, 3, 4, 2, 3, 3, 4, 3, 2]);
    await page.getByLabel("Notes on Family voice").fill("The mother set the agenda.");
    await page.getByRole("button", { name: "Submit ratings" }).click();
    await page.getByText("Your ratings are submitted.").waitFor();
    await page.context().clearCookies();

    // The agency observer sees that the partner submitted, not what they rated.
    await signIn(page, demoEmail("fidelity_observer"));
    await page.goto(observationUrl);
    await page.getByRole("heading", { name: "Your ratings" }).waitFor();
    expect(await page.getByText("Lorraine Whitefeather (community partner): submitted").count()).toBe(1);
    expect(await page.getByRole("heading", { name: "Ratings side by side" }).count()).toBe(0);
    expect(await page.getByText("The mother set the agenda.").count()).toBe(0);
    await rateEveryMeasure(page, [3, 2, 4, 2, 3, 4, 4, 3, 3]);
    await page.getByRole("button", { name: "Submit ratings" }).click();
    await page.getByRole("heading", { name: "Ratings side by side" }).waitFor();

    // Both see both now; they reconcile and write the debrief.
    await rateEveryMeasure(page, [3, 3, 4, 2, 3, 3, 4, 3, 3]);
    await page
      .getByLabel("Strengths seen (shared with the staff member first)")
      .fill("The family led the meeting from the start.");
    await page.getByLabel("Next steps to try").fill("Name safety worries in plain words.");
    await expectAccessible(page, "the reconcile form");
    await page.getByRole("button", { name: "Save consensus and debrief" }).click();
    await page.getByText("Fidelity met").waitFor();
    await page.context().clearCookies();

    // The worker reads the debrief: strengths first, consensus only.
    await signIn(page, demoEmail("staff"));
    await mainNav(page).getByRole("link", { name: "Debriefs", exact: true }).click();
    await page
      .getByRole("link", { name: /debrief of/ })
      .first()
      .click();
    await page.getByText("The family led the meeting from the start.").waitFor();
    expect(await page.getByText("The mother set the agenda.").count()).toBe(0);
    await expectAccessible(page, "a debrief");
    await page.context().clearCookies();

    // The lead checks reliability, where the demo's drifting pair is flagged.
    await signIn(page, demoEmail("implementation_lead"));
    await page.goto("/fidelity/reliability");
    await page.getByRole("heading", { name: "Observer pairs" }).waitFor();
    await page.getByText(/Drift in \d{4}-Q\d/).waitFor();
    await expectAccessible(page, "the reliability page");
    await page.context().clearCookies();

    // A partner viewer sees aggregate results only.
    await signIn(page, demoEmail("partner_viewer"));
    await mainNav(page).getByRole("link", { name: "Fidelity results", exact: true }).click();
    await page.getByLabel("Group by").selectOption("unit");
    await page.getByRole("cell", { name: "8", exact: true }).first().waitFor();
    await expectAccessible(page, "the results page");
    await page.getByLabel("Group by").selectOption("cohort");
    await page.getByRole("rowheader", { name: "Not yet trained" }).waitFor();
    await page.getByRole("rowheader", { name: "Trained", exact: true }).waitFor();
    await page.getByText(/counts as trained when the observed worker attended/).waitFor();
    await expectAccessible(page, "the results page by training cohort");
  });
});
