import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, demoEmail, mainHeading, signIn } from "./support/cascade.js";

interface Directory {
  ownCoachId: string | null;
  coaches: { coachId: string; name: string; relation: string }[];
}

describe.skipIf(!browserIsAvailable())("coaches' own development", () => {
  const browser = useBrowser();

  // The two views meet on one page: the mentor rates first, then the mentee rates themself.
  it("lets a mentor rate the coach they mentor", async () => {
    const mentor = await browser.newPage();
    await signIn(mentor, demoEmail("coach"));
    const directory = await apiGet<Directory>(mentor, "/api/coaching/development");
    const mentee = directory.coaches.find((c) => c.relation === "mentor");
    if (!mentee) throw new Error("the demo coach mentors nobody");

    await mentor.goto("/coaching");
    await mentor.getByRole("region", { name: "Coaches' development" }).getByRole("link", { name: mentee.name }).click();
    await mainHeading(mentor)
      .filter({ hasText: `${mentee.name}: development as a coach` })
      .waitFor();
    const mentorForm = mentor.getByRole("region", { name: `Rate ${mentee.name}'s skills as mentor` });
    await mentorForm.getByLabel("Rated on").fill("2026-10-01");
    await mentorForm.getByRole("group", { name: "Inquiry" }).getByLabel("Level").selectOption("3");
    await mentorForm
      .getByRole("group", { name: "Inquiry" })
      .getByLabel("Note (optional)")
      .fill("Lets silence work now.");
    await mentorForm.getByRole("button", { name: "Save ratings" }).click();
    await mentor.getByRole("status").filter({ hasText: "Ratings saved" }).waitFor();
    await expectAccessible(mentor, "a mentee's development page, seen by their mentor");
  });

  it("lets the mentee rate themself and see their rating next to their mentor's", async () => {
    const coach = await browser.newPage();
    await signIn(coach, demoEmail("supervisor"));
    await coach.goto("/coaching");
    await coach.getByRole("link", { name: "My development" }).click();
    await mainHeading(coach).filter({ hasText: "My development as a coach" }).waitFor();
    const selfForm = coach.getByRole("region", { name: "Rate your coaching skills" });
    await selfForm.getByLabel("Rated on").fill("2026-10-02");
    await selfForm.getByRole("group", { name: "Inquiry" }).getByLabel("Level").selectOption("2");
    await selfForm.getByRole("button", { name: "Save ratings" }).click();
    await coach.getByRole("status").filter({ hasText: "Ratings saved" }).waitFor();

    const inquiry = coach
      .getByRole("region", { name: "Skills profile: latest ratings" })
      .getByRole("row", { name: /^Inquiry/ });
    await inquiry.getByText("2 Developing").waitFor();
    await inquiry.getByText("3 Proficient").waitFor();
    expect(await inquiry.textContent()).toContain("2026-10-01");
    await coach
      .getByRole("region", { name: "Ratings over time" })
      .getByRole("row", { name: /2026-10-02 Coach 1 2/ })
      .waitFor();
    await expectAccessible(coach, "my development page");
  });

  it("lets the coaching supervisor schedule a roundtable and record who came", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("coaching_supervisor"));
    await page.goto("/coaching");
    await page.getByRole("link", { name: "Peer roundtables" }).click();
    await mainHeading(page).filter({ hasText: "Peer roundtables" }).waitFor();
    const roster = await apiGet<{ items: { id: string; name: string; personId: string | null }[] }>(
      page,
      "/api/coaching/coaches",
    );
    const [first, second] = roster.items;
    if (!first || !second) throw new Error("the demo roster has fewer than two coaches");

    const form = page.getByRole("region", { name: "Schedule a roundtable" });
    await form.getByLabel("Title").fill("Browser test roundtable");
    await form.getByLabel("Date").fill("2026-11-03");
    await form.getByLabel("Start time (agency time)").fill("10:00");
    await form.getByLabel("Length in minutes").fill("60");
    await form.getByLabel("Topics, one per line").fill("Opening a first session\nEnding a coaching relationship well");
    await form.getByRole("group", { name: "Coaches invited" }).getByLabel(first.name, { exact: true }).check();
    await form.getByRole("group", { name: "Coaches invited" }).getByLabel(second.name, { exact: true }).check();
    await form.getByRole("button", { name: "Schedule roundtable" }).click();
    await page.getByRole("status").filter({ hasText: "Roundtable scheduled" }).waitFor();

    const item = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: /Browser test roundtable/ }) });
    await item.getByText("Ending a coaching relationship well").waitFor();
    await item.getByRole("group", { name: first.name }).getByLabel("Present").check();
    await item.getByRole("group", { name: second.name }).getByLabel("Absent").check();
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/attendance") && r.request().method() === "PUT"),
      item.getByRole("button", { name: "Save attendance for Browser test roundtable" }).click(),
    ]);

    await page.reload();
    const reloaded = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: /Browser test roundtable/ }) });
    await reloaded.getByRole("group", { name: first.name }).getByLabel("Present").waitFor();
    expect(await reloaded.getByRole("group", { name: first.name }).getByLabel("Present").isChecked()).toBe(true);
    expect(await reloaded.getByRole("group", { name: second.name }).getByLabel("Absent").isChecked()).toBe(true);
    await expectAccessible(page, "the peer roundtables page");
  });
});
