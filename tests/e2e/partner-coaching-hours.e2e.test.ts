import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, demoEmail, signIn } from "./support/cascade.js";

interface Waiting {
  items: { sessionId: string; sessionDate: string; coachName: string; hours: number }[];
}

describe.skipIf(!browserIsAvailable())("partner coaches' hours", () => {
  const browser = useBrowser();

  it("lets the coaching supervisor log a waiting partner coach's session into their compensation log", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("coaching_supervisor"));
    await page.goto("/coaching");
    const section = page.getByRole("region", { name: "Partner coaching hours to log" });
    await section.getByRole("table").waitFor();
    await expectAccessible(page, "the coaching page with partner coaching hours to log");

    const { items } = await apiGet<Waiting>(page, "/api/coaching/partner-hours");
    const session = items[0];
    if (!session) throw new Error("the demo agency has no partner coaching session waiting to be logged");
    const label = `Log hours: ${session.coachName}, session of ${session.sessionDate}`;
    const button = section.getByRole("button", { name: label, exact: true });
    await button.focus();
    await page.keyboard.press("Enter");

    await section
      .getByRole("status")
      .getByText(`${session.coachName}, session of ${session.sessionDate}: ${session.hours} h logged.`)
      .waitFor();
    await button.waitFor({ state: "detached" });
    const after = await apiGet<Waiting>(page, "/api/coaching/partner-hours");
    expect(after.items.map((i) => i.sessionId)).not.toContain(session.sessionId);
    await expectAccessible(page, "the coaching page after logging partner coaching hours");
  });
});
