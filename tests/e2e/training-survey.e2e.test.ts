import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, demoEmail, mainHeading, signIn } from "./support/cascade.js";

const TITLE = "Survey walkthrough session";

interface SessionInfo {
  user: { personId: string | null };
  csrfToken: string;
}

/** Schedules a session of its own for this test, with the demo staff member enrolled. */
async function scheduleSession(coordinator: Page, traineePersonId: string) {
  const { csrfToken, user } = await apiGet<SessionInfo>(coordinator, "/api/auth/session");
  const response = await coordinator.request.post("/api/training-sessions", {
    headers: { "x-csrf-token": csrfToken },
    data: {
      title: TITLE,
      date: "2026-12-16",
      startTime: "09:00",
      endTime: "12:00",
      place: "Region 1 North Office",
      capacity: 20,
      trainers: [{ personId: user.personId, role: "lead" }],
      enrolledPersonIds: [traineePersonId],
    },
  });
  expect(response.status()).toBe(201);
}

/** Answers the waiting survey: every rating with `rating`, every knowledge question with its first option. */
async function answerWaitingSurvey(trainee: Page, rating: string) {
  await trainee.goto("/training/sessions");
  const waiting = trainee.getByRole("region", { name: "Surveys waiting for you" });
  await waiting.getByRole("heading", { name: new RegExp(TITLE) }).waitFor();
  const form = waiting.getByRole("region", { name: new RegExp(TITLE) });
  const ratings = form.getByRole("radio", { name: rating });
  const count = await ratings.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await ratings.nth(i).check();
  const knowledge = form
    .locator("fieldset.survey-question")
    .filter({ hasNot: trainee.getByRole("radio", { name: rating }) });
  for (let i = 0; i < (await knowledge.count()); i++) await knowledge.nth(i).getByRole("radio").first().check();
  await form.getByRole("button", { name: /^Send my answers/ }).click();
  await trainee.getByText("Thank you, your answers are saved.").waitFor();
}

describe.skipIf(!browserIsAvailable())("training: the pre/post survey", () => {
  const browser = useBrowser();

  it("opens a pre survey, the trainee answers, then the post survey, and the results show the matched pair", async () => {
    const trainee = await browser.newPage();
    await signIn(trainee, demoEmail("staff"));
    const traineeId = (await apiGet<SessionInfo>(trainee, "/api/auth/session")).user.personId as string;

    const coordinator = await browser.newPage();
    await signIn(coordinator, demoEmail("training_coordinator"));
    await scheduleSession(coordinator, traineeId);

    await coordinator.goto("/training/sessions");
    await coordinator
      .getByRole("navigation", { name: "Training" })
      .getByRole("link", { name: "Pre/post survey" })
      .click();
    await expect.poll(() => mainHeading(coordinator).textContent()).toBe("Pre/post survey");
    await coordinator.getByRole("button", { name: "Save the instrument" }).waitFor();
    await expectAccessible(coordinator, "the survey instrument editor");
    // An item left blank is named in the summary, which leads to it; nothing is saved.
    const firstPrompt = coordinator
      .getByRole("group", { name: /^Item 1: / })
      .getByLabel(/^(Question|Statement to rate from 1 to 5)$/);
    await firstPrompt.fill("");
    await coordinator.getByRole("button", { name: "Save the instrument" }).click();
    await coordinator
      .getByRole("alert")
      .getByRole("link", { name: /^Item 1, (question|statement): Write the question\.$/ })
      .click();
    await expect.poll(() => firstPrompt.evaluate((element) => element === document.activeElement)).toBe(true);

    await coordinator.goto("/training/sessions");
    await coordinator.getByRole("link", { name: TITLE }).click();
    await coordinator.getByRole("link", { name: "Open the surveys and see the results" }).click();
    await expect.poll(() => mainHeading(coordinator).textContent()).toBe(`Pre/post survey: ${TITLE}`);
    await coordinator.getByRole("button", { name: "Open the pre survey" }).click();
    await coordinator.getByText("The pre survey is open.").waitFor();
    await expectAccessible(coordinator, "a session's surveys with the pre survey open");

    // Sending nothing names what is missing and keeps the form.
    await trainee.goto("/training/sessions");
    const waiting = trainee.getByRole("region", { name: "Surveys waiting for you" });
    await waiting.getByRole("button", { name: "Send my answers" }).click();
    await trainee.getByRole("alert").filter({ hasText: "Question 1" }).waitFor();
    await expectAccessible(trainee, "the survey form with questions left unanswered");
    await answerWaitingSurvey(trainee, "2 – A little");

    await coordinator.reload();
    await coordinator.getByRole("button", { name: "Open the post survey" }).click();
    await coordinator.getByText("The post survey is open.").waitFor();

    await answerWaitingSurvey(trainee, "4 – Mostly");
    await expectAccessible(trainee, "the training page after answering");

    await coordinator.reload();
    const overall = coordinator.getByRole("table", { name: "Change overall and by kind of item" });
    const row = overall.getByRole("row", { name: /^Confidence and competence/ });
    await row.waitFor();
    const cells = await row.getByRole("cell").allTextContents();
    // Invited 1, answered before 1, after 1, matched pairs 1, response rate 100%, 2.00 → 4.00, change +2.00.
    expect(cells.slice(0, 8)).toEqual(["1", "1", "1", "1", "100%", "2.00", "4.00", "+2.00"]);
    await coordinator.getByRole("table", { name: "Change per element" }).waitFor();
    await coordinator.getByRole("img", { name: /Bar chart of the mean rating/ }).waitFor();
    await expectAccessible(coordinator, "the survey results with chart and tables");
    // One flow through two people's pages and five accessibility checks: longer than a single page's test.
  }, 240_000);
});
