import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { ZPeoplePage } from "../../src/features/people/person.schema.js";
import { parseCsv, toCsv } from "../../src/features/people/roster-format.js";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, demoEmail, mainHeading, signIn } from "./support/cascade.js";

type PeoplePage = import("zod").infer<typeof ZPeoplePage>;

/**
 * The roster import as an administrator meets it: the example HR file in examples/ (its dry run
 * shows new hires, a transfer, a new email and two bad rows), then a clean file of new hires
 * imported with the progress bar, and an export from the People page.
 */
const EXAMPLE = fileURLToPath(new URL("../../examples/wexler-hr-roster.csv", import.meta.url));
const runTag = Date.now().toString(36).slice(-5);

async function uploadFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel("Roster file").setInputFiles(file);
  await page.getByRole("button", { name: "Upload and match columns" }).click();
  await page.getByRole("heading", { name: "Match the file's columns" }).waitFor();
}

/** The rows of a table, found by its caption, as text cells. */
async function tableRows(page: Page, caption: string): Promise<string[][]> {
  const table = page.locator("table").filter({ has: page.locator("caption", { hasText: caption }) });
  return table
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll("th, td"), (cell) => (cell.textContent ?? "").trim())),
    );
}

describe.skipIf(!browserIsAvailable())("importing and exporting a roster", () => {
  const browser = useBrowser();

  it("uploads the example HR file, matches its columns and shows the dry run with its errors", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("admin"));
    await page.getByRole("link", { name: "People", exact: true }).click();
    await page.getByRole("link", { name: "Import roster" }).click();
    expect(await mainHeading(page).textContent()).toBe("Import a roster");
    await expectAccessible(page, "the roster upload page");

    await uploadFile(page, EXAMPLE);
    expect(await page.getByLabel("Employee ID (required)").inputValue()).toBe("Emp ID");
    expect(await page.getByLabel("Job role (required)").inputValue()).toBe("Position");
    expect(await page.getByLabel("Supervisor employee ID", { exact: true }).inputValue()).toBe("Supervisor Emp ID");
    expect(await page.getByLabel("Level", { exact: true }).inputValue()).toBe("");
    await expectAccessible(page, "the column matching step");

    await page.getByRole("button", { name: "Check the file (dry run)" }).click();
    await page.getByRole("heading", { name: "What importing would change" }).waitFor();
    expect(await tableRows(page, "Errors to fix")).toEqual([
      ["619", "Unit", "Region 4 Unit 99", 'There is no unit named "Region 4 Unit 99".'],
      ["620", "Hire date", "13/45/2025", '"13/45/2025" is not a date; write it like 2024-03-31 or 3/31/2024.'],
    ]);
    const hires = await tableRows(page, "New people");
    expect(hires.map((r) => r[2])).toEqual(["Adaeze Okonkwo-Reyes", "Thanh Hương Phạm", "Wren O'Neill"]);
    const changed = (await tableRows(page, "Changed people")).map((r) => r[3]).join(" | ");
    expect(changed).toContain("Unit: Region 3 Unit 5 → Region 3 Unit 6");
    expect(changed).toContain("fatima.chen.new@wexler.example");
    // How many depends on who other tests added; the sentence is there either way.
    await page.getByText(/in Cascade (is|are) not in this file; nothing happens to them/).waitFor();
    // With errors, there is nothing to press: the file is all or nothing.
    expect(await page.getByRole("button", { name: /^Import \d+ new/ }).count()).toBe(0);
    await expectAccessible(page, "the dry run with errors");
  });

  it("imports a clean file of new hires, then exports them from the People page", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("admin"));
    const example = parseCsv(readFileSync(EXAMPLE, "utf8"));
    const newHire = example.rows.find((row) => row[0] === "009002") ?? [];
    const supervisorId = example.rows.find((row) => row[4] === "Supervisor" && row[5] === "Region 3 Unit 8")?.[0] ?? "";
    const [givenName = "", familyName = ""] = newHire.slice(1, 3);
    const file = toCsv(example.headers, [
      [
        `E2E-${runTag}-1`,
        "Nizhoni",
        `Begay ${runTag}`,
        "",
        "Social Worker",
        "Region 3 Unit 8",
        supervisorId,
        "1/5/2026",
        "Navajo; English",
      ],
      [
        `E2E-${runTag}-2`,
        givenName,
        `${familyName} ${runTag}`,
        "",
        "Case Aide",
        "Region 3 Unit 8",
        `E2E-${runTag}-1`,
        // Every demo person has a hire date; other browser tests sort by it.
        "1/12/2026",
        "English",
      ],
    ]);

    await page.goto("/people/import");
    await uploadFile(page, { name: "new-hires.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
    // The example's headers were matched before, so this file is matched already.
    expect(await page.getByLabel("Unit (required)").inputValue()).toBe("Unit");
    await page.getByRole("button", { name: "Check the file (dry run)" }).click();
    const importButton = page.getByRole("button", { name: "Import 2 new and 0 changed people" });
    await importButton.waitFor();
    await expectAccessible(page, "the clean dry run");

    await importButton.click();
    await page.getByRole("heading", { name: "The roster is imported" }).waitFor();
    await page.getByText("2 added, 0 updated, 0 unchanged.").waitFor();
    await expectAccessible(page, "the import result");
    const found = await apiGet<PeoplePage>(page, `/api/people?q=${encodeURIComponent(`E2E-${runTag}-2`)}`);
    expect(found.items).toHaveLength(1);
    const [imported] = found.items;
    const lead = await apiGet<PeoplePage>(page, `/api/people?q=${encodeURIComponent(`E2E-${runTag}-1`)}`);
    expect(imported?.supervisorId).toBe(lead.items[0]?.id);

    await page.getByRole("link", { name: "Go to People" }).click();
    await page.getByLabel("Search").fill(runTag);
    await page.getByRole("button", { name: "Show people" }).click();
    await page.getByRole("link", { name: `${familyName} ${runTag}, ${givenName}` }).waitFor();
    await expectAccessible(page, "the People page with its import and export actions");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    const exportedFile = await download;
    expect(exportedFile.suggestedFilename()).toMatch(/^people-\d{4}-\d{2}-\d{2}\.csv$/);
    const exported = parseCsv(readFileSync((await exportedFile.path()) as string, "utf8"));
    expect(exported.headers[0]).toBe("Employee ID");
    expect(exported.rows.map((row) => row[0]).sort()).toEqual([`E2E-${runTag}-1`, `E2E-${runTag}-2`]);
    expect(exported.rows.find((row) => row[0] === `E2E-${runTag}-1`)?.[10]).toBe("Navajo; English");
  });
});
