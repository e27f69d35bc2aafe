import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, demoEmail, mainHeading, signIn } from "./support/cascade.js";

interface EngagementList {
  items: { id: string; relation: string; coachName: string }[];
}

describe.skipIf(!browserIsAvailable())("the coaching log of a partner coach without an account", () => {
  const browser = useBrowser();

  it("is kept by the coachee, and the logged session waits for the partner's hours", async () => {
    const page = await browser.newPage();
    // In the demo the director is coached by a community partner coach.
    await signIn(page, demoEmail("executive"));
    const { items } = await apiGet<EngagementList>(page, "/api/coaching/engagements?page=1&pageSize=50");
    const engagement = items.find((e) => e.relation === "coachee");
    if (!engagement) throw new Error("the demo director has no coach");
    await page.goto(`/coaching/engagements/${engagement.id}`);
    await page.getByText(`${engagement.coachName} coaches as a community partner without a Cascade account`).waitFor();
    await expectAccessible(page, "the engagement page for the coachee of a partner coach");

    const summary = `Planned the next staff message together (${Date.now()}).`;
    await page.getByRole("button", { name: "Log a session" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toContain("Coaching session of");
    await page.getByLabel("Shared summary").fill(summary);
    await page.getByRole("button", { name: "Log session" }).click();
    await page.getByText("Logged.").waitFor();
    const sessionId = new URL(page.url()).pathname.split("/").pop();

    const supervisor = await browser.newPage();
    await signIn(supervisor, demoEmail("coaching_supervisor"));
    const waiting = await apiGet<{ items: { sessionId: string }[] }>(supervisor, "/api/coaching/partner-hours");
    expect(waiting.items.map((s) => s.sessionId)).toContain(sessionId);
  });
});
