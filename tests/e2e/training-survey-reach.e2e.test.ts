import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, demoEmail, mainHeading, signIn } from "./support/cascade.js";

// Unique, so this test finds its own session whatever other tests left in the shared demo database.
const TITLE = `Survey reach session ${Date.now().toString(36)}`;

interface SessionInfo {
  user: { personId: string | null };
  csrfToken: string;
}

/** Schedules a session of this test's own with the demo staff member enrolled, and opens its pre survey. */
async function sessionWithPreSurvey(coordinator: Page, traineePersonId: string) {
  const { csrfToken, user } = await apiGet<SessionInfo>(coordinator, "/api/auth/session");
  const headers = { "x-csrf-token": csrfToken };
  const created = await coordinator.request.post("/api/training-sessions", {
    headers,
    data: {
      title: TITLE,
      date: "2026-12-17",
      startTime: "09:00",
      endTime: "12:00",
      place: "Region 1 North Office",
      capacity: 20,
      trainers: [{ personId: user.personId, role: "lead" }],
      enrolledPersonIds: [traineePersonId],
    },
  });
  expect(created.status()).toBe(201);
  const sessionId = ((await created.json()) as { id: string }).id;
  const opened = await coordinator.request.post(`/api/training-sessions/${sessionId}/surveys`, {
    headers,
    data: { phase: "pre" },
  });
  expect(opened.status()).toBe(201);
  return sessionId;
}

describe.skipIf(!browserIsAvailable())("training: how far the survey reaches", () => {
  const browser = useBrowser();

  it("a trainee answers from the home page's card, their supervisor sees their row, and the periods are totalled", async () => {
    const trainee = await browser.newPage();
    await signIn(trainee, demoEmail("staff"));
    const traineeId = (await apiGet<SessionInfo>(trainee, "/api/auth/session")).user.personId as string;
    const person = await apiGet<{ givenName: string; familyName: string }>(trainee, `/api/people/${traineeId}`);

    const coordinator = await browser.newPage();
    await signIn(coordinator, demoEmail("training_coordinator"));
    const sessionId = await sessionWithPreSurvey(coordinator, traineeId);

    // The card on the home page counts what waits and leads to it.
    await trainee.goto("/");
    const card = trainee.getByRole("region", { name: /training surveys? waiting for you/ });
    await card.waitFor();
    await expectAccessible(trainee, "the home page with surveys waiting");
    await card.getByRole("link", { name: /^Answer the survey/ }).click();
    await expect.poll(() => mainHeading(trainee).textContent()).toBe("Training sessions");
    const waiting = trainee.getByRole("region", { name: "Surveys waiting for you" });
    await waiting.getByRole("heading", { name: new RegExp(TITLE) }).waitFor();
    const form = waiting.getByRole("region", { name: new RegExp(TITLE) });
    const ratings = form.getByRole("radio", { name: "3 – Somewhat" });
    const count = await ratings.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await ratings.nth(i).check();
    const knowledge = form
      .locator("fieldset.survey-question")
      .filter({ hasNot: trainee.getByRole("radio", { name: "3 – Somewhat" }) });
    for (let i = 0; i < (await knowledge.count()); i++) await knowledge.nth(i).getByRole("radio").first().check();
    await form.getByRole("button", { name: /^Send my answers/ }).click();
    await trainee.getByText("Thank you, your answers are saved.").waitFor();

    // The trainee's supervisor finds them among their staff's change after training.
    const supervisor = await browser.newPage();
    await signIn(supervisor, demoEmail("supervisor"));
    await supervisor.goto("/training/sessions");
    await supervisor
      .getByRole("navigation", { name: "Training" })
      .getByRole("link", { name: "Who is trained" })
      .click();
    await expect.poll(() => mainHeading(supervisor).textContent()).toBe("Who is trained");
    const changes = supervisor.getByRole("table", { name: "Ratings before and after training, per person" });
    const row = changes.getByRole("row", { name: new RegExp(`^${person.givenName} ${person.familyName}`) });
    await row.waitFor();
    await supervisor.getByRole("heading", { name: "Your staff's change after training" }).waitFor();
    await expectAccessible(supervisor, "who is trained, with the staff's change after training");

    // The training coordinator sees every surveyed session totalled per period of the rollout plan.
    await coordinator.goto(`/training/sessions/${sessionId}/survey`);
    await expect.poll(() => mainHeading(coordinator).textContent()).toBe(`Pre/post survey: ${TITLE}`);
    // Which plan is the most recent depends on what other tests imported, so only the table's presence is checked.
    const periods = coordinator.getByRole("table", { name: "Change per rollout period" });
    await periods.waitFor();
    expect(await periods.getByRole("row").count()).toBeGreaterThan(1);
    await expectAccessible(coordinator, "a session's survey page with the change per rollout period");
    // The same totals open the survey's own page in the training menu.
    await coordinator
      .getByRole("navigation", { name: "Training" })
      .getByRole("link", { name: "Pre/post survey" })
      .click();
    await expect.poll(() => mainHeading(coordinator).textContent()).toBe("Pre/post survey");
    await coordinator.getByRole("table", { name: "Change per rollout period" }).waitFor();
  }, 240_000);
});
