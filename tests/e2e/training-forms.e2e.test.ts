import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, demoEmail, mainHeading, signIn } from "./support/cascade.js";

const trainingNav = (page: Page) => page.getByRole("navigation", { name: "Training" });

interface Curriculum {
  id: string;
  title: string;
  modules: { title: string; durationMinutes: number; audiences: string[]; behaviorIds: string[] }[];
}

describe.skipIf(!browserIsAvailable())("training: curricula, scheduling and onboarding in the browser", () => {
  const browser = useBrowser();

  it("creates a curriculum with modules in teaching order, then removes one", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("training_coordinator"));
    await page.goto("/training/plans");
    await trainingNav(page).getByRole("link", { name: "Curricula" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Curricula");
    await expectAccessible(page, "the curriculum list");

    await page.getByRole("link", { name: "New curriculum" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("New curriculum");
    await page.getByLabel("Title", { exact: true }).fill("Engagement skills");
    await page.getByRole("button", { name: "Add a module" }).click();
    await page.getByLabel("Module 1 title").fill("Listening first");
    await page.getByLabel("Module 1 length in minutes").fill("90");
    await page.getByRole("button", { name: "Save curriculum" }).click();
    await page.getByRole("alert").filter({ hasText: "Choose at least one audience." }).waitFor();
    await expectAccessible(page, "the curriculum form with a problem");

    await page.getByRole("group", { name: "Module 1 is for" }).getByLabel("Social workers").check();
    await page.getByText("What module 1 teaches").click();
    const behaviors = page
      .getByRole("group", { name: /^Module 1/ })
      .locator("details")
      .getByRole("checkbox");
    // The first box of each element is the element as a whole; the second is its first behavior.
    await behaviors.nth(1).check();
    await page.getByText("What module 1 teaches (0 elements, 1 behaviors)").waitFor();
    await page.getByRole("button", { name: "Add a module" }).click();
    await page.getByLabel("Module 2 title").fill("Teaming in practice");
    await page.getByLabel("Module 2 length in minutes").fill("120");
    await page.getByRole("group", { name: "Module 2 is for" }).getByLabel("Supervisors").check();
    await page.getByRole("button", { name: "Move module 2 up" }).click();
    expect(await page.getByLabel("Module 1 title").inputValue()).toBe("Teaming in practice");
    await page.getByRole("button", { name: "Save curriculum" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Engagement skills");
    await expectAccessible(page, "a saved curriculum in its editor");

    const saved = (await apiGet<{ items: Curriculum[] }>(page, "/api/curricula")).items.find(
      (c) => c.title === "Engagement skills",
    );
    expect(saved?.modules.map((m) => [m.title, m.durationMinutes, m.audiences])).toEqual([
      ["Teaming in practice", 120, ["supervisors"]],
      ["Listening first", 90, ["social_workers"]],
    ]);
    expect(saved?.modules[1]?.behaviorIds).toHaveLength(1);

    await page.getByRole("button", { name: "Remove module 1" }).click();
    await page.getByRole("button", { name: "Save curriculum" }).click();
    await page.getByText("Curriculum saved.").waitFor();
    const edited = await apiGet<Curriculum>(page, `/api/curricula/${saved?.id}`);
    expect(edited.modules.map((m) => m.title)).toEqual(["Listening first"]);
  });

  it("shows both versions when someone else saved the curriculum meanwhile, and keeps the title typed here", async () => {
    const mine = await browser.newPage();
    const theirs = await browser.newPage();
    for (const page of [mine, theirs]) {
      await signIn(page, demoEmail("training_coordinator"));
      await page.goto("/training/curricula");
      await page.getByRole("link", { name: "Engagement skills" }).click();
      await page.getByLabel("Module 1 title").waitFor();
    }
    await theirs.getByLabel("Module 1 length in minutes").fill("100");
    await theirs.getByRole("button", { name: "Save curriculum" }).click();
    await theirs.getByText("Curriculum saved.").waitFor();

    await mine.getByLabel("Title", { exact: true }).fill("Engagement skills, second edition");
    await mine.getByRole("button", { name: "Save curriculum" }).click();
    await mine.getByRole("heading", { name: "Someone else changed this while you were editing" }).waitFor();
    await expectAccessible(mine, "the curriculum editor with a conflict");
    expect(await mine.getByLabel("Title", { exact: true }).inputValue()).toBe("Engagement skills, second edition");
    await mine.getByRole("button", { name: "Save my changes on top of the current version" }).click();
    await mine.getByText("Curriculum saved.").waitFor();
    const saved = (await apiGet<{ items: Curriculum[] }>(mine, "/api/curricula")).items.find((c) =>
      c.title.startsWith("Engagement skills"),
    );
    // The title typed here, the module length saved in the other tab.
    expect(saved?.title).toBe("Engagement skills, second edition");
    expect(saved?.modules.map((m) => m.durationMinutes)).toEqual([100]);
  });

  it("schedules a session with a partner co-trainer and a whole unit, and shows the planner's cohort check", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("training_coordinator"));
    await page.goto("/training/sessions");
    await page.getByRole("link", { name: "Schedule a session" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Schedule a session");
    await expectAccessible(page, "the session form");

    await page.getByLabel("Title", { exact: true }).fill("Foundations for new teams");
    await page.getByLabel("Date").fill("2027-01-14");
    await page.getByLabel("Starts").fill("09:00");
    await page.getByLabel("Ends").fill("08:00");
    await page.getByLabel("Place").fill("Training Center, room 1");
    await page.getByLabel("Capacity").fill("25");
    const lead = page.getByLabel("Trainer 1", { exact: true });
    await expect.poll(() => lead.locator("option").count()).toBeGreaterThan(2);
    await lead.selectOption({ index: 1 });
    await page.getByRole("button", { name: "Add a co-trainer" }).click();
    const coTrainer = page.getByLabel("Trainer 2", { exact: true });
    const partner = await coTrainer.locator("option", { hasText: "Winona Bearheart" }).getAttribute("value");
    await coTrainer.selectOption(partner ?? "");
    expect(await page.getByLabel("Trainer 2 role").inputValue()).toBe("co_trainer");

    // A unit with people in it but fewer than the default smallest cohort of 10 (other tests may
    // have added an empty unit), so the planner has a cohort check to show.
    const unitPicker = page.getByLabel("Unit", { exact: true });
    await expect.poll(() => unitPicker.locator("option").count()).toBeGreaterThan(1);
    const unitLabels = await unitPicker.locator("option").allTextContents();
    const staffedUnit = unitLabels.findIndex((label) => {
      const headCount = Number(/\((\d+)\)$/.exec(label)?.[1] ?? 0);
      return headCount > 0 && headCount < 10;
    });
    await unitPicker.selectOption({ index: staffedUnit });
    await page.getByRole("button", { name: "Enroll the whole unit" }).click();
    const cohort = page.getByRole("group", { name: /^Cohort/ });
    await expect
      .poll(async () => /\((\d+) enrolled\)/.exec((await cohort.locator("legend").textContent()) ?? "")?.[1])
      .not.toBe("0");
    const enrolled = Number(/\((\d+) enrolled\)/.exec((await cohort.locator("legend").textContent()) ?? "")?.[1]);

    await page.getByRole("button", { name: "Schedule session" }).click();
    await page.getByRole("alert").filter({ hasText: "The session ends after it starts." }).waitFor();
    await expectAccessible(page, "the session form with a problem");
    expect(await page.getByLabel("Place").inputValue()).toBe("Training Center, room 1");

    await page.getByLabel("Ends").fill("12:00");
    await page.getByRole("button", { name: "Schedule session" }).click();
    await page.getByRole("heading", { name: "Session scheduled" }).waitFor();
    expect(enrolled).toBeLessThan(10);
    await page.getByText("Planner check:").waitFor();
    await expectAccessible(page, "a scheduled session with the planner's check");

    await page.getByRole("link", { name: "Open the session" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Foundations for new teams");
    await page.getByText("Winona Bearheart (Co-trainer, partner)", { exact: false }).waitFor();
    expect(await page.getByText(`${enrolled} of 25`).count()).toBe(1);
  });

  it("edits a session's place and capacity, keeps its cohort, and refuses a capacity below it", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("training_coordinator"));
    const sessions = await apiGet<{ items: { id: string; title: string; enrolledCount: number }[] }>(
      page,
      "/api/training-sessions",
    );
    const session = sessions.items.find((s) => s.enrolledCount >= 2);
    expect(session).toBeDefined();
    if (!session) return;
    await page.goto(`/training/sessions/${session.id}`);
    await page.getByRole("link", { name: "Edit session" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe("Edit session");
    expect(await page.getByLabel("Title", { exact: true }).inputValue()).toBe(session.title);
    await expectAccessible(page, "the session edit form");

    await page.getByLabel("Place").fill("Training Center, room 4");
    await page.getByLabel("Capacity").fill(String(session.enrolledCount - 1));
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("alert").filter({ hasText: "the capacity cannot be lower" }).waitFor();
    await expectAccessible(page, "the session edit form with a problem");
    expect(await page.getByLabel("Place").inputValue()).toBe("Training Center, room 4");

    await page.getByLabel("Capacity").fill(String(session.enrolledCount + 5));
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe(session.title);
    await page.getByText("Training Center, room 4").waitFor();
    expect(await page.getByText(`${session.enrolledCount} of ${session.enrolledCount + 5}`).count()).toBe(1);
  });

  it("enrolls recent hires in the next fitting session and says where each went", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("training_coordinator"));
    await page.goto("/training/sessions");
    const panel = page.getByRole("region", { name: "Onboarding new hires" });
    await panel.getByLabel("Hired on or after").fill("2025-09-01");
    const waiting = panel.getByText("Waiting for training:");
    await waiting.waitFor();
    const names = ((await waiting.textContent()) ?? "")
      .replace("Waiting for training: ", "")
      .replace(/\.$/, "")
      .split(", ");
    await expectAccessible(page, "the sessions page with new hires waiting");

    await panel.getByRole("button", { name: /^Enroll \d+ new hires in the next fitting session$/ }).click();
    const results = panel.getByRole("table", { name: "Where the new hires were enrolled" });
    await results.waitFor();
    expect(await results.getByRole("rowheader").allTextContents()).toEqual(names);
    const outcomes = await results.getByRole("cell").allTextContents();
    expect(outcomes.every((o) => o.startsWith("Enrolled in ") || o.startsWith("Not placed: "))).toBe(true);
    expect(outcomes.some((o) => o.startsWith("Enrolled in "))).toBe(true);
    await expectAccessible(page, "the onboarding results");
  });
});
