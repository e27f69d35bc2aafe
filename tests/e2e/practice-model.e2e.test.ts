import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { templateContent } from "../../src/features/model/templates/index.js";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, demoEmail, mainHeading, signIn } from "./support/cascade.js";

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });
/** The demo agency publishes the family-centered template. */
const demoContent = templateContent("family-centered");

async function openPracticeModel(page: Page) {
  await mainNav(page).getByRole("link", { name: "Practice model", exact: true }).click();
  await expect.poll(() => mainHeading(page).textContent()).toBe("Practice model");
}

describe.skipIf(!browserIsAvailable())("practice model", () => {
  const browser = useBrowser();

  it("lets a social worker browse the published model: elements, behaviors, leadership and scales", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("staff"));
    await openPracticeModel(page);
    const first = demoContent.elements[0];
    const behavior = first?.behaviors[0];
    if (!first || !behavior) throw new Error("template changed");
    await page.getByRole("heading", { name: `${first.code} ${first.name}` }).waitFor();
    await page.getByText(behavior.pocketText).first().waitFor();
    expect(await page.getByLabel("Version").inputValue()).toBe("1");
    expect(await page.getByRole("heading", { name: "Leadership behaviors" }).count()).toBe(1);
    expect(await page.getByRole("columnheader", { name: "What it looks like" }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("link", { name: "Edit practice models" }).count()).toBe(0);
    await expectAccessible(page, "the published practice model");

    // Each element has its own printable page.
    await page.getByRole("link", { name: `Print a one-page sheet about ${first.name}` }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Print the practice model");
    expect(await page.getByLabel("What to print").inputValue()).toBe("element");
    await page.getByRole("heading", { level: 2, name: `${first.code} ${first.name}` }).waitFor();
    await page.getByText(behavior.description).waitFor();
    await expectAccessible(page, "the one-page sheet about an element");
  });

  it("lets a supervisor set the unit's monthly focus, which the unit's social worker sees at home", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("supervisor"));
    await mainNav(page).getByRole("link", { name: "Monthly focus" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Monthly practice focus");
    const select = page.getByLabel(/^Focus for /);
    await select.waitFor();
    await expectAccessible(page, "the monthly focus page");
    const behavior = demoContent.elements[1]?.behaviors[0];
    if (!behavior) throw new Error("template changed");
    await select.selectOption({ label: `– ${behavior.code} ${behavior.shortName}` });
    await page.getByLabel("Note for the team (optional)").fill("Bring one example to Friday's huddle.");
    await page.getByRole("button", { name: "Set focus" }).click();
    await page.getByText(`This month: ${behavior.code} ${behavior.shortName}`).waitFor();

    const worker = await browser.newPage();
    await signIn(worker, demoEmail("staff"));
    const focus = worker.getByRole("region", { name: "This month's focus" });
    await focus.waitFor();
    expect(await focus.textContent()).toContain(behavior.shortName);
    expect(await focus.textContent()).toContain(behavior.pocketText);
    expect(await focus.textContent()).toContain("Bring one example to Friday's huddle.");
    await expectAccessible(worker, "the home page with this month's focus");
  });

  it("lets an implementation lead create a model, edit a draft with the keyboard, see field errors, publish and compare", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("implementation_lead"));
    await openPracticeModel(page);
    await page.getByRole("link", { name: "Edit practice models" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Edit practice models");
    await expectAccessible(page, "the list of models");

    // A file with a mistake is refused with the exact place of each problem, and no model appears.
    const badFile = { format: "cascade-practice-model", schemaVersion: 1, model: { name: "Shared" }, content: {} };
    await page.getByLabel("Model file", { exact: true }).setInputFiles({
      name: "shared-model.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(badFile)),
    });
    await page.getByRole("button", { name: "Import" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "The file was not imported" });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain("content.elements");
    expect(await page.getByRole("link", { name: "Shared" }).count()).toBe(0);
    await expectAccessible(page, "a refused import");

    await page.getByLabel("Name", { exact: true }).fill("Core practice pilot");
    await page.getByLabel("Start from").selectOption("core-practice");
    await page.getByRole("button", { name: "Create model" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Core practice pilot");
    await page.getByRole("heading", { name: "Draft of version 1" }).waitFor();
    await page.getByRole("link", { name: "All models" }).click();

    await page.getByRole("link", { name: "Wexler County Practice Model" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Wexler County Practice Model");
    await page.getByRole("button", { name: "Start a new draft" }).click();
    await page.getByRole("heading", { name: "Draft of version 2" }).waitFor();
    await expectAccessible(page, "the draft editor");

    // A new behavior under the first element, with a code that is already taken.
    await page.getByRole("button", { name: "Add a behavior to ENG" }).click();
    const newCode = page.locator("#draft-elements-0-behaviors-3-code");
    await newCode.fill("ENG-1");
    await page.locator("#draft-elements-0-behaviors-3-shortName").fill("Follow up the same day");
    await page.locator("#draft-elements-0-behaviors-3-pocketText").fill("Call back before the day ends.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByRole("heading", { name: "Some fields need attention" }).waitFor();
    expect(await newCode.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#draft-elements-0-behaviors-3-code-error").textContent()).toContain(
      "The behavior code ENG-1 is already used",
    );
    // What was typed is still there after the refusal.
    expect(await page.locator("#draft-elements-0-behaviors-3-shortName").inputValue()).toBe("Follow up the same day");
    await expectAccessible(page, "the draft editor with a field error");
    await newCode.fill("ENG-4");

    // Unsaved work survives leaving the page (or a session that ends): it is kept in the browser.
    await page.reload();
    await page.getByText("Your unsaved changes from earlier were restored.").waitFor();
    expect(await page.locator("#draft-elements-0-behaviors-3-code").inputValue()).toBe("ENG-4");

    // Keyboard reordering: the new behavior moves up to second place, announced to screen readers.
    const newBehavior = page.locator(".reorderable-item", { has: newCode }).last();
    const moveUp = newBehavior.getByRole("button", { name: /^Move up/ }).first();
    await moveUp.focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain("Move up: behavior ENG-4");
    await page.keyboard.press("Enter");
    await page
      .getByText("Moved behavior ENG-4 Follow up the same day to position 2 of 4.")
      .waitFor({ state: "attached" });
    expect(await page.locator("#draft-elements-0-behaviors-1-code").inputValue()).toBe("ENG-4");

    // Dragging works too: the second value dropped on the first takes its place.
    const valueItem = (index: number) =>
      page.locator(".reorderable-item", { has: page.locator(`#draft-values-${index}-name`) });
    const secondValueName = await page.locator("#draft-values-1-name").inputValue();
    await valueItem(1).locator(".drag-handle").dragTo(valueItem(0));
    expect(await page.locator("#draft-values-0-name").inputValue()).toBe(secondValueName);

    // Meanwhile a colleague saves the same draft: saving shows both and keeps this person's work.
    const modelId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    const { csrfToken } = await apiGet<{ csrfToken: string }>(page, "/api/auth/session");
    const theirs = await apiGet<{ content: { values: { name: string }[] }; version: number }>(
      page,
      `/api/models/${modelId}/draft`,
    );
    const [firstValue] = theirs.content.values;
    if (firstValue) firstValue.name = "Children belong with their families and kin";
    const colleague = await page.request.put(`/api/models/${modelId}/draft`, {
      headers: { "x-csrf-token": csrfToken },
      data: { content: theirs.content, version: theirs.version },
    });
    expect(colleague.status()).toBe(200);
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByRole("heading", { name: "Someone else changed this draft while you were editing" }).waitFor();
    expect(await page.locator("#draft-elements-0-behaviors-1-code").inputValue()).toBe("ENG-4");
    await expectAccessible(page, "the draft editor after a colleague's save");
    await page.getByRole("button", { name: "Save my version over theirs" }).click();
    await page.getByText("All changes saved.").waitFor();
    await page.getByRole("button", { name: "Publish…" }).click();
    const dialog = page.getByRole("dialog", { name: "Publish this draft?" });
    await dialog.waitFor();
    await expectAccessible(page, "the publish confirmation");
    await dialog.getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByRole("heading", { name: "Version 2 is published" }).waitFor();

    await page.getByRole("link", { name: "See what changed from version 1" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Compare versions of Wexler County Practice Model");
    const behaviors = page.getByRole("region", { name: "Practice behaviors" });
    await behaviors.waitFor();
    expect(await behaviors.getByRole("row", { name: /Added ENG-4 Follow up the same day/ }).count()).toBe(1);
    expect(await behaviors.getByRole("row", { name: /Moved ENG-2/ }).count()).toBe(1);
    await expectAccessible(page, "the comparison of two versions");
  });

  it("prints the pocket booklet in the browser and downloads it as a PDF", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("staff"));
    await openPracticeModel(page);
    await page.getByRole("link", { name: "Print the pocket booklet" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Print the practice model");
    const behavior = demoContent.elements[2]?.behaviors[1];
    if (!behavior) throw new Error("template changed");
    await page.getByRole("heading", { name: `${behavior.code} ${behavior.shortName}` }).waitFor();
    await expectAccessible(page, "the printable pocket booklet");

    await page.emulateMedia({ media: "print" });
    expect(await mainNav(page).isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Print" }).isVisible()).toBe(false);
    expect(await page.getByText(behavior.pocketText).isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });

    await page.getByLabel("What to print").selectOption("leadership");
    await page.getByLabel("Level").selectOption("director");
    await page.getByRole("heading", { name: "Leadership behaviors for directors" }).waitFor();
    await expectAccessible(page, "the leadership page for directors");

    const href = await page.getByRole("link", { name: "Download as PDF" }).getAttribute("href");
    const pdf = await page.request.get(href ?? "");
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const body = await pdf.body();
    expect(body.subarray(0, 5).toString()).toBe("%PDF-");
    expect(body.length).toBeGreaterThan(1000);
  });
});
