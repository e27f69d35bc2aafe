import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, demoEmail, mainHeading, signIn } from "./support/cascade.js";

interface DebriefList {
  items: { observationId: string; staffPersonId: string; staffName: string }[];
}

describe.skipIf(!browserIsAvailable())("fidelity debriefs for supervisors", () => {
  const browser = useBrowser();

  it("a supervisor opens their staff's debrief with the agreed ratings only, and sees results for their unit", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("supervisor"));
    const session = await apiGet<{ user: { personId: string } }>(page, "/api/auth/session");
    const list = await apiGet<DebriefList>(page, "/api/fidelity/debriefs");
    const ofStaff = list.items.find((d) => d.staffPersonId !== session.user.personId);
    if (!ofStaff) throw new Error("the demo supervisor's staff have no debriefs");

    await page.goto("/fidelity/debriefs");
    await expect.poll(() => mainHeading(page).textContent()).toBe("Fidelity debriefs");
    await page.getByLabel("Person").selectOption({ label: ofStaff.staffName });
    await page.getByRole("cell", { name: ofStaff.staffName }).first().waitFor();
    await expectAccessible(page, "the supervisor's debriefs list");
    await page
      .getByRole("link", { name: new RegExp(`debrief of ${ofStaff.staffName}`) })
      .first()
      .click();
    await expect.poll(() => mainHeading(page).textContent()).toBe(`Debrief: ${ofStaff.staffName}`);
    // Strengths come first, then next steps, then the agreed ratings.
    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings.slice(0, 3)).toEqual(["What went well", "Next steps to try", "Agreed ratings"]);
    const columns = await page.getByRole("columnheader").allTextContents();
    expect(columns).toEqual(["Measure", "Agreed level", "What this level looks like", "Observers' notes"]);
    expect(await page.getByText("Your ratings").count()).toBe(0);
    await expectAccessible(page, "a debrief");

    await page.goto("/fidelity/results");
    await page.getByText(/Showing your part of the organization/).waitFor();
    await page.getByRole("heading", { name: "The staff you supervise" }).waitFor();
    await page.getByRole("rowheader", { name: new RegExp(ofStaff.staffName) }).waitFor();
    await expectAccessible(page, "the supervisor's results");
  });

  it("a staff member sees only their own debriefs", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("staff"));
    const session = await apiGet<{ user: { personId: string; displayName: string } }>(page, "/api/auth/session");
    const list = await apiGet<DebriefList>(page, "/api/fidelity/debriefs");
    expect(list.items.every((d) => d.staffPersonId === session.user.personId)).toBe(true);
    await page.goto("/fidelity/debriefs");
    await expect.poll(() => mainHeading(page).textContent()).toBe("Fidelity debriefs");
    // With only their own debriefs there is nobody else to choose.
    expect(await page.getByLabel("Person").count()).toBe(0);
    await expectAccessible(page, "the staff member's debriefs");
    const first = list.items[0];
    if (!first) throw new Error("the demo staff member has no debriefs");
    await page
      .getByRole("link", { name: /debrief of/ })
      .first()
      .click();
    await expect.poll(() => mainHeading(page).textContent()).toBe(`Debrief: ${first.staffName}`);
    await page.getByRole("heading", { name: "What went well" }).waitFor();
  });
});
