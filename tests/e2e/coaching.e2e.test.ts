import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, demoEmail, mainHeading, signIn } from "./support/cascade.js";

const GOALS = "Teach the model with families in mind";
const PRIVATE_NOTE = "Unsure about teaching the engagement module next month.";
const ACTION_ITEM = "Open the next module with a family story";
const BARRIER = "Training room has no space for role plays";

async function openCoaching(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Coaching", exact: true }).click();
  await expect.poll(() => mainHeading(page).textContent()).toBe("Coaching");
}

async function openAs(browser: ReturnType<typeof useBrowser>, role: Parameters<typeof demoEmail>[0], path: string) {
  const page = await browser.newPage();
  await signIn(page, demoEmail(role));
  await page.goto(path);
  return page;
}

describe.skipIf(!browserIsAvailable())("coaching", () => {
  const browser = useBrowser();

  it("walks a request to a match, an agreement both acknowledge, a logged session and the coachee's feedback", async () => {
    const trainer = await browser.newPage();
    await signIn(trainer, demoEmail("trainer"));
    await openCoaching(trainer);
    await expectAccessible(trainer, "the coaching page of someone who is not coached yet");
    await trainer.getByLabel("Your goals").fill(GOALS);
    await trainer.getByRole("button", { name: "Ask for a coach" }).click();
    await trainer.getByText("Your request is in.").waitFor();

    const supervisor = await browser.newPage();
    await signIn(supervisor, demoEmail("coaching_supervisor"));
    await openCoaching(supervisor);
    await supervisor.getByRole("heading", { name: "Coverage by level" }).waitFor();
    await supervisor.locator("li", { hasText: GOALS }).waitFor();
    await expectAccessible(supervisor, "the coaching supervisor's coaching page with coverage");
    await supervisor.locator("li", { hasText: GOALS }).getByRole("link").click();
    await supervisor.getByRole("button", { name: "Confirm coach" }).waitFor();
    expect(await supervisor.getByText("(top suggestion)").count()).toBe(1);
    await expectAccessible(supervisor, "the matching page");
    // The demo coach login takes this request; other tests may have added a coach who ranks higher.
    const coachName = (
      await apiGet<{ user: { displayName: string } }>(await openAs(browser, "coach", "/"), "/api/auth/session")
    ).user.displayName;
    const choice = supervisor.getByLabel(new RegExp(`^${coachName} — `));
    await choice.check();
    const choiceLabel = await supervisor.locator(`label[for="${await choice.getAttribute("id")}"]`).textContent();
    if (!choiceLabel?.includes("(top suggestion)")) {
      await supervisor.getByLabel("Why this coach rather than the top suggestion").fill("Already works with trainers.");
    }
    await supervisor.getByRole("button", { name: "Confirm coach" }).click();
    await expect.poll(() => mainHeading(supervisor).textContent()).toContain("Coaching:");
    const engagementPath = new URL(supervisor.url()).pathname;

    const coach = await openAs(browser, "coach", engagementPath);
    await coach.getByLabel("How often").fill("Every two weeks");
    await coach.getByLabel("How you meet").fill("In person, observing one training each month");
    await coach.getByLabel("For how long").fill("Three months");
    await coach.getByRole("button", { name: "Save agreement" }).click();
    await coach.getByRole("button", { name: "I agree to this agreement" }).click();
    await expect.poll(() => coach.locator(".details").textContent()).not.toContain("Coach acknowledgedNot yet");
    await expectAccessible(coach, "the engagement page for the coach");

    const coachee = await openAs(browser, "trainer", engagementPath);
    await coachee.getByRole("button", { name: "I agree to this agreement" }).click();
    await expect.poll(() => coachee.locator(".details").textContent()).not.toContain("Not yet");

    await coach.reload();
    await coach.getByRole("button", { name: "Log a session" }).click();
    await expect.poll(() => mainHeading(coach).textContent()).toContain("Coaching session of");
    await coach.getByLabel("Feedback", { exact: true }).check();
    await coach.getByLabel("Private notes").fill(PRIVATE_NOTE);
    await coach.getByLabel("Shared summary").fill("Planned how to open the module with a family story.");
    await coach.getByRole("button", { name: "Add an action item" }).click();
    await coach.getByLabel("Action item 1", { exact: true }).fill(ACTION_ITEM);
    await coach.getByLabel("Due date of action item 1").fill("2020-01-31");
    await coach.getByRole("button", { name: "Add a barrier" }).click();
    await coach.getByLabel("Barrier 1", { exact: true }).fill(BARRIER);
    await coach.getByLabel("Category of barrier 1").selectOption("workload");
    await expectAccessible(coach, "the session log form");
    await coach.getByRole("button", { name: "Log session" }).click();
    await coach.getByText("Logged.").waitFor();

    await coachee.reload();
    await coachee.getByRole("heading", { name: "How is coaching going for you?" }).waitFor();
    await expectAccessible(coachee, "the engagement page for the coachee");
    await coachee.getByLabel("Usefulness (1 to 5)").selectOption("4");
    await coachee.getByRole("button", { name: "Send feedback" }).click();
    await coachee.getByText("Thank you, your feedback is in.").waitFor();

    // Following up after the session: the coachee settles the overdue item; the barrier stays listed.
    const item = coachee.getByRole("row", { name: new RegExp(ACTION_ITEM) });
    expect(await item.textContent()).toContain("Overdue");
    const barriers = coachee.getByRole("region", { name: "Barriers raised" });
    expect(await barriers.getByRole("row", { name: new RegExp(BARRIER) }).textContent()).toContain("Workload");
    await expectAccessible(coachee, "the engagement page with action items and barriers");
    await item.getByRole("button", { name: /^Mark done/ }).click();
    await coachee.getByText(`Marked "${ACTION_ITEM}" as done.`).waitFor();
    await coachee.getByText("No open action items.").waitFor();
    await barriers.getByRole("link").first().click();
    await expect.poll(() => mainHeading(coachee).textContent()).toContain("Coaching session of");
    await coachee.getByText(`${ACTION_ITEM} · due 2020-01-31 · done`).waitFor();
    await expectAccessible(coachee, "a logged session with its action items, for the coachee");

    await supervisor.reload();
    await supervisor.getByRole("heading", { name: "Coaching log" }).waitFor();
    await supervisor.getByText("has private notes").waitFor();
    expect(await supervisor.getByText(PRIVATE_NOTE).count()).toBe(0);
    expect(await supervisor.getByRole("heading", { name: "Open action items" }).count()).toBe(0);
    expect(await supervisor.getByText(BARRIER).count()).toBe(0);
  });

  it("shows the coach their coachee's goal progress as a chart and a table", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("coach"));
    await openCoaching(page);
    await page.getByRole("cell", { name: "You coach" }).first().waitFor();
    const firstCoachee = page.locator("tbody tr", { hasText: "Under way" }).first().getByRole("link");
    await firstCoachee.click();
    await page.getByRole("heading", { name: "Progress on the goals" }).waitFor();
    const progressTable = page.locator("table", { hasText: "Progress ratings" });
    await expect.poll(() => progressTable.locator("tbody tr").count()).toBe(3);
    expect(await page.locator(".coaching-progress-chart svg").count()).toBeGreaterThan(0);
    await expectAccessible(page, "an engagement with progress ratings");
  });
});
