import { readFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, demoEmail, mainHeading, signIn } from "./support/cascade.js";

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const sampleGrid = readFileSync(new URL("../fixtures/rollout/sample-grid.tsv", import.meta.url), "utf8");

/** What a screen reader reads after a field's name: its hint and error, by aria-describedby. */
function descriptionOf(field: Locator) {
  return field.evaluate((element) =>
    (element.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
}

/** The row of the "units using the model" table for one period, as text. */
function summaryRow(page: Page, period: string) {
  return page
    .getByRole("table", { name: "Units and staff using the model after each period" })
    .getByRole("row", { name: new RegExp(`^${period}`) });
}

describe.skipIf(!browserIsAvailable())("training: rollout planning", () => {
  const browser = useBrowser();

  it("imports the seeds' sample grid pasted from a spreadsheet and shows its total row, after pointing at a bad cell", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("training_coordinator"));
    await mainNav(page).getByRole("link", { name: "Training", exact: true }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Rollout plans");
    await page.getByRole("link", { name: "Practice model rollout 2026–2027" }).waitFor();
    await expectAccessible(page, "the rollout plan list");

    await page.getByRole("button", { name: "Import a plan" }).click();
    await page.getByLabel("Plan name").fill("Sample schedule");
    await page.getByLabel("The plan", { exact: true }).fill(sampleGrid.replace("Units 3-5", "Units 5-3"));
    await page.getByRole("button", { name: "Import plan" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "nothing was saved" });
    await summary.waitFor();
    expect(await summary.textContent()).toContain("Row 3, column C");
    expect(await descriptionOf(page.getByLabel("The plan", { exact: true }))).toContain("Row 3, column C");
    await expectAccessible(page, "the import form with a problem");

    await page.getByLabel("The plan", { exact: true }).fill(sampleGrid);
    await page.getByRole("button", { name: "Import plan" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Sample schedule");
    const cumulative = [];
    for (const period of [
      "May '12",
      "July '12",
      "Sep '12",
      "Nov '12",
      "Jan '13",
      "Mar '13",
      "May '13",
      "July '13",
      "Sep '13",
      "Nov '13",
    ]) {
      const cells = await summaryRow(page, period).getByRole("cell").allTextContents();
      cumulative.push(Number(cells[1]));
    }
    expect(cumulative).toEqual([8, 17, 26, 35, 44, 52, 57, 63, 66, 70]);
    // The demo agency's regions and units carry the sample's names, so every unit links and its staff count.
    expect(await page.getByText("Units not linked").count()).toBe(0);
    const lastRow = await summaryRow(page, "Nov '13").getByRole("cell").allTextContents();
    expect(Number(lastRow[3])).toBeGreaterThan(70 * 6);
    await expectAccessible(page, "an imported rollout plan");
  });

  it("edits a grid cell of the demo plan, and the totals follow", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("training_coordinator"));
    await mainNav(page).getByRole("link", { name: "Training", exact: true }).click();
    await page.getByRole("link", { name: "Practice model rollout 2026–2027" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Practice model rollout 2026–2027");
    await page.getByText("Problem · Leaders first:").first().waitFor();
    await expectAccessible(page, "the demo rollout plan with its checks, curve, grid and units");

    expect(await summaryRow(page, "Jan '26").getByRole("cell").first().textContent()).toBe("8");
    await page.getByLabel("Wexler County/ Region 1, Jan '26").fill("Unit 1");
    await page.getByLabel("Wexler County/ Region 1, Mar '26").fill("Units 2-5");
    await page.getByRole("button", { name: "Save grid" }).click();
    await page.getByText("Grid saved.").waitFor();
    await expect.poll(() => summaryRow(page, "Jan '26").getByRole("cell").first().textContent()).toBe("7");
    expect(await summaryRow(page, "Mar '26").getByRole("cell").nth(1).textContent()).toBe("17");
    expect(await page.getByLabel("Wexler County/ Region 1, Mar '26").inputValue()).toBe("Units 2-5");
  });

  it("keeps unsaved choices in the grid and in other units when one unit is saved", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("training_coordinator"));
    const { csrfToken } = await apiGet<{ csrfToken: string }>(page, "/api/auth/session");
    const region = `Hillside ${Date.now()}`;
    const created = await page.request.post("/api/rollout-plans/import", {
      data: { name: `Plan of ${region}`, text: `Region\tJan '30\tMar '30\n${region}\tUnits 1,2\tUnit 3\n` },
      headers: { "x-csrf-token": csrfToken },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await page.goto(`/training/plans/${id}`);
    await expect.poll(() => mainHeading(page).textContent()).toBe(`Plan of ${region}`);

    const cell = page.getByLabel(`${region}, Mar '30`);
    await cell.fill("Units 3,4");
    const secondVolunteers = page.getByLabel(`Unit 2 of ${region} volunteers`);
    await secondVolunteers.check();
    const third = page.getByRole("row", { name: new RegExp(`^Unit 3 of ${region}`) });
    await third.getByLabel(`When the leaders of Unit 3 of ${region} train`).selectOption({ label: "Jan '30" });
    const unitSaved = page.waitForResponse((r) => r.request().method() === "PUT" && r.url().includes("/units/"));
    await third.getByRole("button", { name: "Save" }).click();
    expect((await unitSaved).status()).toBe(200);
    await expect.poll(() => third.getByRole("button", { name: "Save" }).isDisabled()).toBe(true);
    expect(await secondVolunteers.isChecked()).toBe(true);
    expect(await cell.inputValue()).toBe("Units 3,4");

    // The grid saves without a conflict: the unit's save did not change it.
    await page.getByRole("button", { name: "Save grid" }).click();
    await page.getByText("Grid saved.").waitFor();
    await page.getByRole("row", { name: new RegExp(`^Unit 4 of ${region}`) }).waitFor();
    expect(await secondVolunteers.isChecked()).toBe(true);
    await page
      .getByRole("row", { name: new RegExp(`^Unit 2 of ${region}`) })
      .getByRole("button", { name: "Save" })
      .click();
    await expect
      .poll(async () => {
        const plan = await apiGet<{ units: { unitLabel: string; volunteer: boolean }[] }>(
          page,
          `/api/rollout-plans/${id}`,
        );
        return plan.units.map((u) => `${u.unitLabel}${u.volunteer ? " (volunteer)" : ""}`);
      })
      .toEqual(["Unit 1", "Unit 2 (volunteer)", "Unit 3", "Unit 4"]);

    // A cell that does not read: the summary names it and links to it, and the cell says why.
    const first = page.getByLabel(`${region}, Jan '30`);
    await first.fill("Units 2-1");
    await page.getByRole("button", { name: "Save grid" }).click();
    await page
      .getByRole("alert")
      .getByRole("link", { name: `${region}, Jan '30: The range 2-1 runs backwards; write it as 1-2.` })
      .click();
    await expect.poll(() => first.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await descriptionOf(first)).toContain("The range 2-1 runs backwards");
    expect(await first.inputValue()).toBe("Units 2-1");
    await expectAccessible(page, "the rollout grid with a cell to fix");
  });

  it("lets staff read a plan without the editing tools", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("staff"));
    await mainNav(page).getByRole("link", { name: "Training", exact: true }).click();
    await page.getByRole("link", { name: "Practice model rollout 2026–2027" }).click();
    await page.getByRole("table", { name: "Units and staff using the model after each period" }).waitFor();
    expect(await page.getByRole("button", { name: "Save grid" }).count()).toBe(0);
    await expectAccessible(page, "a rollout plan as staff see it");
  });
});

describe.skipIf(!browserIsAvailable())("training: a session with attendance", () => {
  const browser = useBrowser();

  it("lets the trainer record who came, asking for minutes when someone was there for part of it", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("trainer"));
    await mainNav(page).getByRole("link", { name: "Training", exact: true }).click();
    await page.getByRole("navigation", { name: "Training" }).getByRole("link", { name: "Sessions" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Training sessions");
    await expectAccessible(page, "the training session list");
    await page.getByRole("link", { name: "Practice model foundations: Region 1, cohort 2" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Practice model foundations: Region 1, cohort 2");
    await expectAccessible(page, "a training session with the attendance form");

    const selects = page.getByRole("combobox", { name: /^Attendance of / });
    await expect.poll(() => selects.count()).toBeGreaterThan(2);
    await selects.nth(0).selectOption("present");
    await selects.nth(1).selectOption("partial");
    await page.getByRole("button", { name: "Save attendance" }).click();
    const problem = page.getByRole("alert").filter({ hasText: "Enter the minutes attended." });
    await problem.waitFor();
    await expectAccessible(page, "the attendance form with a problem");

    await page.getByRole("textbox", { name: /^Minutes .* attended$/ }).fill("75");
    await page.getByRole("button", { name: "Save attendance" }).click();
    await page.getByText("Attendance saved.").waitFor();
    const sessions = await apiGet<{ items: { id: string; title: string }[] }>(page, "/api/training-sessions");
    const id = sessions.items.find((s) => s.title.endsWith("cohort 2"))?.id;
    const detail = await apiGet<{ enrollments: { attendance: string | null; minutesAttended: number | null }[] }>(
      page,
      `/api/training-sessions/${id}`,
    );
    expect(detail.enrollments.filter((e) => e.attendance === "present")).toHaveLength(1);
    expect(detail.enrollments.filter((e) => e.attendance === "partial").map((e) => e.minutesAttended)).toEqual([75]);
  });

  it("shows staff the attendance without the form", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("staff"));
    await page.goto("/training/sessions");
    await page.getByRole("link", { name: "Practice model foundations: Region 1, cohort 1" }).click();
    await page.getByRole("table", { name: "Attendance" }).waitFor();
    expect(await page.getByRole("button", { name: "Save attendance" }).count()).toBe(0);
    expect(await page.getByRole("cell", { name: "Absent" }).count()).toBe(1);
    await expectAccessible(page, "a held session as staff see it");
  });

  it("shows a supervisor who of their unit is trained, scheduled or missing", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("supervisor"));
    await page.goto("/training/staff");
    await expect.poll(() => mainHeading(page).textContent()).toBe("Who is trained");
    await page.getByRole("table", { name: "Training status of your staff" }).waitFor();
    await page.getByLabel("Show").selectOption("trained");
    await expect.poll(() => page.locator("table tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator("table tbody tr td:nth-child(3)").allTextContents()).not.toContain("Scheduled");
    await expectAccessible(page, "who is trained, as a supervisor");
  });
});
