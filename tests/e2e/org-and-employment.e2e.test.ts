import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { SessionInfo } from "../../src/features/accounts/auth.schema.js";
import type { OrgUnitNode, ZOrgTree, ZOrgUnit } from "../../src/features/org/org-unit.schema.js";
import type { Person, ZPeoplePage, ZPersonDetail } from "../../src/features/people/person.schema.js";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, demoEmail, mainHeading, signIn } from "./support/cascade.js";

type OrgTree = z.infer<typeof ZOrgTree>;
type OrgUnit = z.infer<typeof ZOrgUnit>;
type PeoplePage = z.infer<typeof ZPeoplePage>;
type PersonDetail = z.infer<typeof ZPersonDetail>;

/**
 * These tests change the organization, so each works in units it creates itself (names end in
 * a run tag) inside Region 2, away from the units and people the other browser tests use.
 */
const runTag = Date.now().toString(36).slice(-5);

const fullName = (person: { givenName: string; familyName: string }) => `${person.givenName} ${person.familyName}`;
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

async function unitNamed(page: Page, name: string): Promise<OrgUnitNode> {
  const { units } = await apiGet<OrgTree>(page, "/api/org-units");
  const unit = units.find((u) => u.name === name);
  if (!unit) throw new Error(`the demo agency has no unit named ${name}`);
  return unit;
}

/** Writes through the API with the page's own session, for setup a test is not about. */
async function apiSend<T>(page: Page, method: "POST" | "PUT", path: string, data: unknown): Promise<T> {
  const { csrfToken } = await apiGet<SessionInfo>(page, "/api/auth/session");
  const response = await page.request.fetch(path, { method, data, headers: { "x-csrf-token": csrfToken } });
  if (!response.ok()) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

const addUnit = (page: Page, parentId: string, name: string) =>
  apiSend<OrgUnit>(page, "POST", "/api/org-units", { parentId, name, kind: "unit" });

async function supervisorOf(page: Page, unitName: string): Promise<Person> {
  const unit = await unitNamed(page, unitName);
  const found = await apiGet<PeoplePage>(page, `/api/people?orgUnitId=${unit.id}&jobRole=supervisor&pageSize=1`);
  const supervisor = found.items[0];
  if (!supervisor) throw new Error(`${unitName} has no supervisor`);
  return supervisor;
}

/** A unit's name in the tree (not the unit names hidden inside its action buttons). */
const treeName = (page: Page, name: string) => page.locator(".org-name").filter({ hasText: exactly(name) });

/** The value shown for a label in the person's details. */
async function detail(page: Page, label: string): Promise<string> {
  const row = page.locator(".details > div").filter({ has: page.getByText(label, { exact: true }) });
  return ((await row.locator("dd").textContent()) ?? "").trim();
}

/**
 * Chooses a supervisor in the picker. The demo agency repeats family names, so the search uses
 * the work email, which the search matches too and which is unique.
 */
async function chooseSupervisor(page: Page, supervisor: Person) {
  const search = page.getByLabel("Find a supervisor by name");
  await search.fill(supervisor.workEmail ?? supervisor.familyName);
  // Enter searches; it must not submit the form around the picker.
  await search.press("Enter");
  const radio = page.getByRole("radio", {
    name: `${fullName(supervisor)} · Supervisor, ${supervisor.orgUnitName}`,
    exact: true,
  });
  await radio.check();
  expect(await radio.isChecked()).toBe(true);
}

const agencyToday = (timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

describe.skipIf(!browserIsAvailable())("managing the org tree and people's employment", () => {
  const browser = useBrowser();

  it("adds a unit, refuses a duplicate name next to its field, then renames, moves and retires it", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("admin"));
    const office = await unitNamed(page, "Region 2 North Office");
    const otherOffice = await unitNamed(page, "Region 2 South Office");
    const name = `Kinship Unit ${runTag}`;

    await page.getByRole("link", { name: "Organization", exact: true }).click();
    await page.getByRole("button", { name: "Add a unit" }).click();
    const addDialog = page.getByRole("dialog", { name: "Add a unit" });
    await addDialog.waitFor();
    await expectAccessible(page, "the add-a-unit dialog");
    await addDialog.getByLabel("Where it sits").selectOption(office.id);
    expect(await addDialog.getByLabel("Kind", { exact: true }).inputValue()).toBe("unit");
    await addDialog.getByLabel("Name", { exact: true }).fill(name);
    await addDialog.getByRole("button", { name: "Add the unit" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Added ${name} under ${office.name}.` })
      .waitFor();
    await treeName(page, name).waitFor();
    const { units } = await apiGet<OrgTree>(page, "/api/org-units");
    const added = units.find((u) => u.name === name);
    expect(added).toMatchObject({ parentId: office.id, kind: "unit", retired: false });
    if (!added) throw new Error("the new unit was not saved");

    await page.getByRole("button", { name: "Add a unit" }).click();
    await addDialog.getByLabel("Where it sits").selectOption(office.id);
    await addDialog.getByLabel("Name", { exact: true }).fill(name);
    await addDialog.getByRole("button", { name: "Add the unit" }).click();
    const nameField = addDialog.locator(".field").filter({ has: page.getByLabel("Name", { exact: true }) });
    await nameField.locator(".field-error").filter({ hasText: "already a unit named" }).waitFor();
    expect(await addDialog.getByLabel("Name", { exact: true }).inputValue()).toBe(name);
    expect(await addDialog.getByLabel("Name", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "the add-a-unit dialog showing a duplicate name");
    await addDialog.getByRole("button", { name: "Cancel" }).click();
    expect(await addDialog.count()).toBe(0);
    const sameName = (await apiGet<OrgTree>(page, "/api/org-units")).units.filter((u) => u.name === name);
    expect(sameName).toHaveLength(1);

    // Someone else renames the unit while the dialog is open: both versions are shown, the typed name is kept.
    const renamed = `Kinship and Relative Care ${runTag}`;
    await page.getByRole("button", { name: `Rename ${name}`, exact: true }).click();
    const renameDialog = page.getByRole("dialog", { name: `Rename ${name}` });
    await renameDialog.waitFor();
    await expectAccessible(page, "the rename dialog");
    await apiSend(page, "PUT", `/api/org-units/${added.id}/name`, { name: `${name} East`, version: added.version });
    await renameDialog.getByLabel("New name").fill(renamed);
    await renameDialog.getByRole("button", { name: "Save the new name" }).click();
    await renameDialog.getByRole("heading", { name: "Someone else changed this while you were editing" }).waitFor();
    const nameRow = renameDialog.locator(".conflict-table tbody tr").filter({ hasText: /^Name/ });
    expect(await nameRow.locator("td").allTextContents()).toEqual([renamed, `${name} East`]);
    expect(await renameDialog.getByLabel("New name").inputValue()).toBe(renamed);
    await expectAccessible(page, "the rename dialog showing a conflict");
    await renameDialog.getByRole("button", { name: "Save my changes on top of the current version" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Renamed ${name} to ${renamed}.` })
      .waitFor();
    await treeName(page, renamed).waitFor();

    const child = await addUnit(page, added.id, `Kinship Team ${runTag}`);
    await page.getByRole("button", { name: `Move ${renamed}`, exact: true }).click();
    const moveDialog = page.getByRole("dialog", { name: `Move ${renamed}` });
    await moveDialog.waitFor();
    await expectAccessible(page, "the move dialog");
    const choices = await moveDialog
      .getByLabel("Move it under")
      .locator("option")
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(choices).toContain(otherOffice.id);
    expect(choices).not.toContain(added.id);
    expect(choices).not.toContain(child.id);
    await moveDialog.getByLabel("Move it under").selectOption(otherOffice.id);
    await moveDialog.getByRole("button", { name: "Move the unit" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Moved ${renamed} under ${otherOffice.name}.` })
      .waitFor();
    await page
      .locator(`#org-children-${otherOffice.id}`)
      .locator(".org-name")
      .filter({ hasText: exactly(renamed) })
      .waitFor();
    const moved = (await apiGet<OrgTree>(page, "/api/org-units")).units.find((u) => u.id === added.id);
    expect(moved?.parentId).toBe(otherOffice.id);

    // A unit with an active sub-unit cannot be retired; the dialog says why.
    await page.getByRole("button", { name: `Retire ${renamed}`, exact: true }).click();
    const retireDialog = page.getByRole("dialog", { name: `Retire ${renamed}?` });
    await retireDialog.waitFor();
    await expectAccessible(page, "the retire confirmation");
    await retireDialog.getByRole("button", { name: "Yes, retire the unit" }).click();
    await retireDialog.getByRole("alert").filter({ hasText: "still has active sub-units" }).waitFor();
    await expectAccessible(page, "the retire confirmation explaining a refusal");
    await retireDialog.getByRole("button", { name: "Cancel" }).click();

    await apiSend(page, "POST", `/api/org-units/${child.id}/retirement`, { retired: true, version: child.version });
    await page.getByRole("button", { name: `Retire ${renamed}`, exact: true }).click();
    await retireDialog.getByRole("button", { name: "Yes, retire the unit" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Retired ${renamed}.` })
      .waitFor();
    await expect.poll(() => treeName(page, renamed).count()).toBe(0);
    await page.getByLabel(/^Show retired units/).check();
    const retiredRow = page.locator(".org-row").filter({ has: treeName(page, renamed) });
    await retiredRow.getByText("Retired", { exact: true }).waitFor();
    expect(await retiredRow.getByRole("button", { name: `Reopen ${renamed}`, exact: true }).count()).toBe(1);
    expect(await retiredRow.getByRole("button", { name: `Move ${renamed}`, exact: true }).count()).toBe(0);
    await expectAccessible(page, "the organization tree showing retired units");
    expect((await apiGet<OrgTree>(page, "/api/org-units")).units.find((u) => u.id === added.id)?.retired).toBe(true);
  });

  it("hires a person into a unit under a supervisor, transfers them, and ends their employment", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("admin"));
    const session = await apiGet<SessionInfo>(page, "/api/auth/session");
    const office = await unitNamed(page, "Region 2 Central Office");
    const firstUnit = await addUnit(page, office.id, `Intake Unit ${runTag}`);
    const secondUnit = await addUnit(page, office.id, `Permanency Unit ${runTag}`);
    const firstSupervisor = await supervisorOf(page, "Region 2 Unit 5");
    const secondSupervisor = await supervisorOf(page, "Region 2 Unit 6");
    const hire = { givenName: "Ximena", familyName: `Okafor-${runTag}` };
    const name = fullName(hire);

    await page.getByRole("link", { name: "People", exact: true }).click();
    await page.getByRole("link", { name: "Add a person" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Add a person");
    await expectAccessible(page, "the add-a-person page");

    await page.getByRole("button", { name: "Add the person" }).click();
    await page.getByRole("alert").filter({ hasText: "Some fields need attention" }).waitFor();
    const unitField = page.locator(".field").filter({ has: page.getByLabel("Unit", { exact: true }) });
    expect(await unitField.locator(".field-error").textContent()).toContain("Choose the person's unit.");
    await expectAccessible(page, "the add-a-person page showing errors");

    await page.getByLabel("Given name").fill(hire.givenName);
    await page.getByLabel("Family name").fill(hire.familyName);
    await page.getByLabel("Unit", { exact: true }).selectOption(firstUnit.id);
    await page.getByText(`No one at supervisory level works in ${firstUnit.name} yet.`).waitFor();
    await chooseSupervisor(page, firstSupervisor);
    await page.getByLabel("Hire date").fill("2026-02-02");
    await page.getByLabel("Languages").fill("English, Tagalog");
    await expectAccessible(page, "the add-a-person page, filled in");
    await page.getByRole("button", { name: "Add the person" }).click();

    await expect.poll(() => mainHeading(page).textContent()).toBe(name);
    await page
      .getByRole("status")
      .filter({ hasText: `Added ${name} to ${firstUnit.name}.` })
      .waitFor();
    const personId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    expect(await detail(page, "Unit")).toBe(firstUnit.name);
    expect(await detail(page, "Languages")).toBe("English, Tagalog");
    expect(await page.locator(".reporting-line li").first().textContent()).not.toBe("");
    await page
      .locator(".reporting-line")
      .getByRole("link", { name: fullName(firstSupervisor) })
      .waitFor();
    await expectAccessible(page, "the new person's page");
    const stored = await apiGet<PersonDetail>(page, `/api/people/${personId}`);
    expect(stored).toMatchObject({ orgUnitId: firstUnit.id, supervisorId: firstSupervisor.id, hireDate: "2026-02-02" });

    await page.locator(".details").getByRole("link", { name: firstUnit.name }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("People");
    await page
      .getByRole("row")
      .filter({ hasText: `${hire.familyName}, ${hire.givenName}` })
      .waitFor();

    await page.goto(`/people/${personId}`);
    await page.getByRole("button", { name: "Transfer" }).click();
    await page.getByRole("heading", { name: `Transfer ${name}` }).waitFor();
    await page.getByRole("radio", { name: new RegExp(`^${fullName(firstSupervisor)} ·`) }).waitFor();
    await expectAccessible(page, "the transfer form");
    await page.getByLabel("New unit").selectOption(secondUnit.id);
    await chooseSupervisor(page, secondSupervisor);
    await page.getByRole("button", { name: `Transfer ${name}` }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Transferred ${name} to ${secondUnit.name}.` })
      .waitFor();
    expect(await detail(page, "Unit")).toBe(secondUnit.name);
    await page
      .locator(".reporting-line")
      .getByRole("link", { name: fullName(secondSupervisor) })
      .waitFor();

    await page.getByRole("button", { name: "End employment" }).click();
    const endDialog = page.getByRole("dialog", { name: `End ${name}'s employment?` });
    await endDialog.waitFor();
    expect(await endDialog.textContent()).toContain("stays in Cascade");
    expect(await endDialog.getByLabel("End date").inputValue()).toBe(agencyToday(session.agency.timeZone));
    await expectAccessible(page, "the end-employment confirmation");
    await endDialog.getByRole("button", { name: "Yes, end employment" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `${name}'s employment has ended.` })
      .waitFor();
    await page.getByRole("heading", { name: /^Employment ended on / }).waitFor();
    expect(await page.getByRole("button", { name: "Transfer" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "End employment" }).count()).toBe(0);
    await expectAccessible(page, "the page of a person whose employment ended");

    await page.goto(`/people?q=${encodeURIComponent(hire.familyName)}`);
    await page.getByText("No one matches these filters.").waitFor();
    await page.getByLabel("Status").selectOption({ label: "Left the agency" });
    await page.getByRole("button", { name: "Show people" }).click();
    const endedRow = page.getByRole("row").filter({ hasText: `${hire.familyName}, ${hire.givenName}` });
    await endedRow.waitFor();
    expect(await endedRow.textContent()).toContain("Left");
  });

  it("offers a supervisor none of these changes", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("supervisor"));
    await page.goto("/organization");
    await page.getByRole("button", { name: "Open all levels" }).click();
    await page.locator(".org-row").nth(5).waitFor();
    expect(await page.getByRole("button", { name: "Add a unit" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^(Rename|Move|Retire|Reopen) / }).count()).toBe(0);

    await page.getByRole("link", { name: "People", exact: true }).click();
    const firstPerson = page.locator("table tbody tr").first().getByRole("link");
    await firstPerson.waitFor();
    expect(await page.getByRole("link", { name: "Add a person" }).count()).toBe(0);
    await firstPerson.click();
    await page.getByRole("heading", { name: "Details" }).waitFor();
    for (const action of ["Edit details", "Transfer", "End employment"]) {
      expect(await page.getByRole("button", { name: action }).count(), action).toBe(0);
    }

    await page.goto("/people/new");
    await page.getByRole("heading", { name: "You do not have access to this page" }).waitFor();
    await expectAccessible(page, "adding a person, refused to a supervisor");
  });
});
