import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { ZOrgTree } from "../../src/features/org/org-unit.schema.js";
import type { ZPeoplePage, ZPersonDetail } from "../../src/features/people/person.schema.js";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, demoEmail, mainHeading, signIn } from "./support/cascade.js";

type OrgTree = z.infer<typeof ZOrgTree>;
type PeoplePage = z.infer<typeof ZPeoplePage>;
type PersonDetail = z.infer<typeof ZPersonDetail>;

const peopleCount = (count: number) => (count === 1 ? "1 person" : `${count} people`);

/** The people table as text, row by row and cell by cell. */
function tableRows(page: Page): Promise<string[][]> {
  return page
    .locator("table tbody tr")
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? "").trim())));
}

/** The text of one column for every row of the people table. */
async function column(page: Page, index: number): Promise<string[]> {
  return (await tableRows(page)).map((row) => row[index] ?? "");
}

/** Waits until the table shows what the address bar asks for. */
async function waitForRows(page: Page, expected: (rows: string[][]) => boolean) {
  await expect.poll(async () => expected(await tableRows(page))).toBe(true);
}

describe.skipIf(!browserIsAvailable())("the organization and its people", () => {
  const browser = useBrowser();

  it("shows the unit tree with head counts, opened by mouse and by keyboard", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("admin"));
    const { units } = await apiGet<OrgTree>(page, "/api/org-units");
    const region = units.find((u) => u.kind === "region");
    const office = units.find((u) => u.kind === "office" && u.parentId === region?.id);
    const unit = units.find((u) => u.kind === "unit" && u.parentId === office?.id);
    if (!region || !office || !unit) throw new Error("the demo agency has no region → office → unit");

    await page.getByRole("link", { name: "Organization", exact: true }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Organization");
    const regionButton = page.getByRole("button", { name: region.name, exact: true });
    await regionButton.waitFor();
    expect(await regionButton.getAttribute("aria-expanded")).toBe("false");
    const regionRow = page.locator(".org-row", { has: regionButton });
    expect(await regionRow.textContent()).toContain(peopleCount(region.headCount));
    await expectAccessible(page, "the organization tree");

    await regionButton.click();
    expect(await regionButton.getAttribute("aria-expanded")).toBe("true");
    const officeButton = page.getByRole("button", { name: office.name, exact: true });
    expect(await page.locator(".org-row", { has: officeButton }).textContent()).toContain(
      peopleCount(office.headCount),
    );

    await officeButton.focus();
    await page.keyboard.press("Enter");
    expect(await officeButton.getAttribute("aria-expanded")).toBe("true");
    const unitRow = page.locator(".org-row").filter({ has: page.getByText(unit.name, { exact: true }) });
    expect(await unitRow.textContent()).toContain(peopleCount(unit.headCount));
    await expectAccessible(page, "the organization tree, opened");

    await unitRow.getByRole("link", { name: `See people in ${unit.name}` }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("People");
    expect(new URL(page.url()).searchParams.get("orgUnitId")).toBe(unit.id);
    await waitForRows(page, (rows) => rows.length > 0 && rows.every((row) => row[3] === unit.name));
    expect((await column(page, 0)).length).toBe(unit.headCount);
  });

  it("searches, filters, sorts and pages through people, keeping the filters in the address", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("admin"));
    const everyone = await apiGet<PeoplePage>(page, "/api/people?pageSize=1");
    await page.goto("/people");
    await page.locator("caption", { hasText: peopleCount(everyone.total) }).waitFor();
    await expectAccessible(page, "the people list");

    await page.getByRole("button", { name: "Next page" }).click();
    await page.getByText(`Showing 51–100 of ${everyone.total} people`).waitFor();
    expect(new URL(page.url()).searchParams.get("page")).toBe("2");

    const hireHeader = page.getByRole("columnheader", { name: /Hire date/ });
    await hireHeader.getByRole("button").click();
    await expect.poll(() => hireHeader.getAttribute("aria-sort")).toBe("ascending");
    expect(new URL(page.url()).searchParams.get("page")).toBeNull();
    // aria-sort follows the address at once; the rows follow when the new page of data arrives.
    const hireDates = async () => (await column(page, 4)).map((text) => Date.parse(text));
    const sortedBy = (order: (a: number, b: number) => number) => async () => {
      const dates = await hireDates();
      return dates.length > 0 && dates.every((date, i) => i === 0 || order(dates[i - 1] ?? date, date) <= 0);
    };
    await expect.poll(sortedBy((a, b) => a - b)).toBe(true);
    const ascending = await hireDates();
    await hireHeader.getByRole("button").click();
    await expect.poll(() => hireHeader.getAttribute("aria-sort")).toBe("descending");
    await expect.poll(sortedBy((a, b) => b - a)).toBe(true);
    const descending = await hireDates();
    expect(descending[0]).toBeGreaterThan(ascending[0] ?? 0);

    await page.getByLabel("Job role").selectOption({ label: "Supervisor" });
    await page.getByRole("button", { name: "Show people" }).click();
    await waitForRows(page, (rows) => rows.length > 0 && rows.every((row) => row[1] === "Supervisor"));
    expect(new URL(page.url()).searchParams.get("jobRole")).toBe("supervisor");

    const familyName = (await column(page, 0))[0]?.split(",")[0] ?? "";
    await page.getByLabel("Search").fill(familyName);
    await page.getByRole("button", { name: "Show people" }).click();
    await waitForRows(page, (rows) => rows.length > 0 && rows.every((row) => row[0]?.startsWith(`${familyName},`)));

    await page.reload();
    expect(await page.getByLabel("Search").inputValue()).toBe(familyName);
    expect(await page.getByLabel("Job role").inputValue()).toBe("supervisor");
    await waitForRows(page, (rows) => rows.length > 0 && rows.every((row) => row[1] === "Supervisor"));
  });

  it("shows a supervisor only the people of their own unit", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("supervisor"));
    const unitFact = page.locator(".fact", { hasText: "Your unit" }).locator("dd");
    await unitFact.waitFor();
    const ownUnit = (await unitFact.textContent()) ?? "";
    expect(ownUnit).not.toBe("");

    await page.getByRole("link", { name: "People", exact: true }).click();
    await waitForRows(page, (rows) => rows.length > 0);
    expect(new Set(await column(page, 3))).toEqual(new Set([ownUnit]));
    const visible = await apiGet<PeoplePage>(page, "/api/people?pageSize=200");
    expect(await page.locator("caption").textContent()).toContain(peopleCount(visible.total));
    await expectAccessible(page, "the supervisor's people list");
  });

  it("shows a person with their reporting line and direct reports, and refuses one out of scope", async () => {
    const admin = await browser.newPage();
    await signIn(admin, demoEmail("admin"));
    const supervisors = await apiGet<PeoplePage>(admin, "/api/people?jobRole=supervisor&sort=unit&direction=desc");
    const outsider = supervisors.items[0];
    if (!outsider) throw new Error("the demo agency has no supervisors");
    const detail = await apiGet<PersonDetail>(admin, `/api/people/${outsider.id}`);

    await admin.goto(`/people/${outsider.id}`);
    await expect.poll(() => mainHeading(admin).textContent()).toBe(`${outsider.givenName} ${outsider.familyName}`);
    const line = admin.locator(".reporting-line li");
    expect(await line.count()).toBe(detail.reportingLine.length + 1);
    const top = detail.reportingLine.at(-1);
    expect(await line.first().textContent()).toContain(`${top?.givenName} ${top?.familyName}`);
    const firstReport = detail.directReports[0];
    if (!firstReport) throw new Error("a demo supervisor has no direct reports");
    await expectAccessible(admin, "a person's page");
    await admin
      .getByRole("link", { name: `${firstReport.givenName} ${firstReport.familyName}` })
      .first()
      .click();
    await expect
      .poll(() => mainHeading(admin).textContent())
      .toBe(`${firstReport.givenName} ${firstReport.familyName}`);

    const supervisor = await browser.newPage();
    await signIn(supervisor, demoEmail("supervisor"));
    await supervisor.goto(`/people/${outsider.id}`);
    await supervisor.getByRole("heading", { name: "You do not have access to this person" }).waitFor();
  });
});
