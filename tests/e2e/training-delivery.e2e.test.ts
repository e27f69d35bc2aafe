import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DELIVERY_CHECKLIST, type DeliveryRating } from "../../src/features/training/delivery-checklist.js";
import { formatInZone } from "../../src/shared/time.js";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, DEMO_UNTRAINED_STAFF_LOGIN, demoEmail, mainHeading, signIn } from "./support/cascade.js";

/** The demo's upcoming session, trained by the demo trainer and without a delivery check yet. */
const SESSION = "Practice model foundations: Region 1, cohort 2";

/**
 * What the observer marks. Content coverage all Met (4 of 4, 100%); format and sequencing 2 of 4
 * Met (50%); delivery quality 1 of 4 Met (25%), since Partly does not count as met.
 */
const MARKS: Record<string, DeliveryRating> = {
  cc_elements: "met",
  cc_examples: "met",
  cc_practice: "met",
  cc_accuracy: "met",
  fs_order: "met",
  fs_time: "met",
  fs_mix: "partly",
  fs_close: "not_met",
  dq_engage: "met",
  dq_questions: "partly",
  dq_shared: "partly",
  dq_respect: "not_met",
};
const RADIO_LABELS: Record<DeliveryRating, string> = { met: "Met", partly: "Partly", not_met: "Not met" };

interface SessionInfo {
  csrfToken: string;
  user: { personId: string | null; displayName: string };
  agency: { timeZone: string };
}

const trainingNav = (page: Page) => page.getByRole("navigation", { name: "Training" });

describe.skipIf(!browserIsAvailable())("training: a delivery check from assignment to the trainer's feedback", () => {
  const browser = useBrowser();

  it("lets the coordinator observe a session themself, record the checklist, and the trainer read the scores", async () => {
    const coordinator = await browser.newPage();
    await signIn(coordinator, demoEmail("training_coordinator"));
    const { user } = await apiGet<SessionInfo>(coordinator, "/api/auth/session");
    await coordinator.goto("/training/sessions");
    await coordinator.getByRole("link", { name: SESSION }).click();
    await expect.poll(() => mainHeading(coordinator).textContent()).toBe(SESSION);
    await coordinator.getByText("No observer yet.").waitFor();
    await expectAccessible(coordinator, "a session's page with the delivery check panel");

    // Asking without choosing says what is missing and takes the keyboard user to the search.
    await coordinator.getByRole("button", { name: "Assign the observer" }).click();
    await coordinator.getByRole("link", { name: "Observer: Choose the observer." }).click();
    await expect
      .poll(() => coordinator.evaluate(() => document.activeElement?.getAttribute("aria-describedby")))
      .toBe("delivery-observer-hint delivery-observer-error");
    await expectAccessible(coordinator, "the delivery check panel asking for an observer");

    // The agency has hundreds of staff: the observer is found by typing, not picked from a long list.
    const observers = coordinator.getByRole("group", { name: "Observer" });
    await observers.getByLabel("Search staff by name").fill(user.displayName);
    // Two people may share a name; the choice is the person, whose id is the radio's value.
    await observers.locator(`input[type="radio"][value="${user.personId}"]`).check();
    await coordinator.getByRole("button", { name: "Assign the observer" }).click();
    await coordinator.getByText(`${user.displayName} is asked to observe this session.`).waitFor();
    await coordinator.getByRole("link", { name: "Record the delivery check" }).click();
    await expect.poll(() => mainHeading(coordinator).textContent()).toBe(`Delivery check: ${SESSION}`);
    await coordinator.getByRole("button", { name: "Save delivery check" }).waitFor();
    await expectAccessible(coordinator, "the delivery checklist form");

    for (const item of DELIVERY_CHECKLIST) {
      const rating = MARKS[item.key];
      if (!rating) throw new Error(`the test gives no rating for ${item.key}`);
      await coordinator
        .getByRole("group", { name: item.text, exact: true })
        .getByRole("radio", { name: RADIO_LABELS[rating], exact: true })
        .check();
    }
    await coordinator.getByLabel("Feedback for the trainers (optional)").fill("Good pace; close with a recap.");
    await coordinator.getByRole("button", { name: "Save delivery check" }).click();
    await coordinator.getByText("Delivery check saved.").waitFor();
    const scores = coordinator.getByRole("definition");
    await expect
      .poll(() => scores.allTextContents())
      .toEqual(["100% met (4 of 4 items)", "50% met (2 of 4 items)", "25% met (1 of 4 items)"]);
    expect(await coordinator.getByRole("term").allTextContents()).toEqual([
      "Content coverage",
      "Format and sequencing",
      "Delivery quality",
    ]);
    await expectAccessible(coordinator, "a recorded delivery check as its observer sees it");

    const trainer = await browser.newPage();
    await signIn(trainer, demoEmail("trainer"));
    await trainer.goto("/training/sessions");
    await trainingNav(trainer).getByRole("link", { name: "Delivery checks" }).click();
    await expect.poll(() => mainHeading(trainer).textContent()).toBe("Delivery checks");
    const table = trainer.getByRole("table", { name: "Items met per section (the chart's numbers)" });
    const row = table.getByRole("row", { name: new RegExp(`^${SESSION}`) });
    await row.waitFor();
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells.slice(-3)).toEqual(["100%", "50%", "25%"]);
    await trainer.getByRole("img", { name: /^Line chart of the share of checklist items met/ }).waitFor();
    await expect.poll(() => trainer.locator(".recharts-line").count()).toBe(3);
    await expectAccessible(trainer, "the trainer's delivery checks with chart and table");

    await row.getByRole("link", { name: SESSION }).click();
    await expect.poll(() => mainHeading(trainer).textContent()).toBe(`Delivery check: ${SESSION}`);
    await trainer.getByText("Good pace; close with a recap.").waitFor();
    expect(await trainer.getByRole("definition").allTextContents()).toEqual([
      "100% met (4 of 4 items)",
      "50% met (2 of 4 items)",
      "25% met (1 of 4 items)",
    ]);
    expect(await trainer.getByRole("button", { name: "Save delivery check" }).count()).toBe(0);
    await expectAccessible(trainer, "a recorded delivery check as the trainer sees it");
  });
});

describe.skipIf(!browserIsAvailable())("training: the delivery checklist keeps what the observer marked", () => {
  const browser = useBrowser();

  /** A session of its own with the coordinator as observer, so no other test's check is touched. */
  async function checkOfOwnSession(page: Page) {
    const { user, csrfToken } = await apiGet<SessionInfo>(page, "/api/auth/session");
    const headers = { "x-csrf-token": csrfToken };
    const session = await page.request.post("/api/training-sessions", {
      data: {
        title: `Checklist keeping ${Date.now()}`,
        date: "2027-02-10",
        startTime: "09:00",
        endTime: "12:00",
        place: "Region 2 Central Office, room 1",
        capacity: 12,
        trainers: [{ personId: user.personId, role: "lead" }],
      },
      headers,
    });
    expect(session.status(), await session.text()).toBe(201);
    const { id } = (await session.json()) as { id: string };
    const check = await page.request.put(`/api/training-sessions/${id}/delivery-check`, {
      data: { observerPersonId: user.personId },
      headers,
    });
    expect(check.ok(), await check.text()).toBe(true);
    return { checkId: ((await check.json()) as { id: string }).id, headers };
  }

  it("names a comment that is too long, and keeps the marks through someone else's save", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("training_coordinator"));
    const { checkId, headers } = await checkOfOwnSession(page);
    await page.goto(`/training/delivery-checks/${checkId}`);
    await page.getByRole("button", { name: "Save delivery check" }).waitFor();
    for (const item of DELIVERY_CHECKLIST) {
      await page
        .getByRole("group", { name: item.text, exact: true })
        .getByRole("radio", { name: "Met", exact: true })
        .check();
    }
    const [first] = DELIVERY_CHECKLIST;
    if (!first) throw new Error("the checklist is empty");
    const firstComment = page.locator(`#comment-${first.key}`);
    await firstComment.fill("x".repeat(1001));
    await page.getByRole("button", { name: "Save delivery check" }).click();
    await page
      .getByRole("alert")
      .getByRole("link", { name: `Comment on ${first.text}: Use at most 1000 characters.` })
      .click();
    await expect.poll(() => firstComment.evaluate((element) => element === document.activeElement)).toBe(true);
    const describedBy = (await firstComment.getAttribute("aria-describedby")) ?? "";
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain("Use at most 1000 characters.");
    await expectAccessible(page, "the delivery checklist with a comment too long");
    expect(await page.getByRole("radio", { name: "Met", exact: true, checked: true }).count()).toBe(
      DELIVERY_CHECKLIST.length,
    );

    // Meanwhile the check is saved elsewhere (another tab): every item Not met, and a feedback note.
    const current = await apiGet<{ version: number }>(page, `/api/training/delivery-checks/${checkId}`);
    const elsewhere = await page.request.put(`/api/training/delivery-checks/${checkId}`, {
      data: {
        ratings: DELIVERY_CHECKLIST.map((item) => ({ item: item.key, rating: "not_met", comment: "" })),
        comment: "Saved in another tab.",
        version: current.version,
      },
      headers,
    });
    expect(elsewhere.ok(), await elsewhere.text()).toBe(true);

    await firstComment.fill("Covered every element with examples.");
    await page.getByRole("button", { name: "Save delivery check" }).click();
    await page.getByRole("heading", { name: "Someone else changed this while you were editing" }).waitFor();
    await expectAccessible(page, "the delivery checklist meeting someone else's save");
    await page.getByRole("button", { name: "Save my changes on top of the current version" }).click();
    await page.getByText("Delivery check saved.").waitFor();
    const after = await apiGet<{ ratings: { item: string; rating: string; comment: string }[]; comment: string }>(
      page,
      `/api/training/delivery-checks/${checkId}`,
    );
    expect(new Set(after.ratings.map((r) => r.rating))).toEqual(new Set(["met"]));
    expect(after.ratings.find((r) => r.item === first.key)?.comment).toBe("Covered every element with examples.");
    // The feedback was left alone here, so the other tab's note stays.
    expect(after.comment).toBe("Saved in another tab.");
  });
});

interface StaffStatus {
  items: { personId: string; name: string; status: string; nudgedAt: string | null }[];
}
interface Nudge {
  id: string;
  personId: string;
  nudgedByName: string;
  createdAt: string;
  dismissedAt: string | null;
}

describe.skipIf(!browserIsAvailable())("training: a supervisor nudges someone who is missing training", () => {
  const browser = useBrowser();

  /**
   * A new hire in the supervisor's unit, added through the API: someone who is surely missing
   * training and never nudged, whatever other browser tests enrolled meanwhile.
   */
  async function addNewHire(supervisorPersonId: string | null) {
    const admin = await browser.newPage();
    await signIn(admin, demoEmail("admin"));
    const { csrfToken } = await apiGet<SessionInfo>(admin, "/api/auth/session");
    const supervisor = await apiGet<{ orgUnitId: string | null }>(admin, `/api/people/${supervisorPersonId}`);
    // A name of its own, so a second run against the same database finds one row, not two.
    const familyName = `Nudgewell ${Date.now()}`;
    const response = await admin.request.post("/api/people", {
      data: {
        givenName: "Robin",
        familyName,
        jobRole: "social_worker",
        level: "practice",
        orgUnitId: supervisor.orgUnitId,
        supervisorId: supervisorPersonId,
        // Hired today. Every person needs a hire date: other browser tests sort the people list by it.
        hireDate: new Date().toISOString().slice(0, 10),
      },
      headers: { "x-csrf-token": csrfToken },
    });
    if (!response.ok()) throw new Error(`could not add the new hire: ${await response.text()}`);
    return `Robin ${familyName}`;
  }

  it("nudges a new hire from Who is trained, and the list shows when", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("supervisor"));
    const { user, agency, csrfToken } = await apiGet<SessionInfo>(page, "/api/auth/session");
    const name = await addNewHire(user.personId);
    await page.goto("/training/staff");
    await expect.poll(() => mainHeading(page).textContent()).toBe("Who is trained");
    await page.getByRole("table", { name: "Training status of your staff" }).waitFor();
    await page.getByLabel("Show").selectOption("missing");
    const row = page.getByRole("row", { name: new RegExp(`^${name}`) });
    await row.waitFor();
    expect(await row.textContent()).not.toContain("Nudged on");
    await expectAccessible(page, "who is trained, filtered to those missing training");

    const answer = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/nudges"));
    await row.getByRole("button", { name: `Nudge ${name} to sign up` }).click();
    const response = await answer;
    expect(response.status()).toBe(201);
    const nudge = (await response.json()) as Nudge;
    expect(nudge).toMatchObject({ nudgedByName: user.displayName, dismissedAt: null });

    const status = await apiGet<StaffStatus>(page, "/api/training/staff-status");
    const person = status.items.find((i) => i.personId === nudge.personId);
    expect(person).toMatchObject({ name, status: "missing" });
    await expect
      .poll(() => row.textContent())
      .toContain(`Nudged on ${formatInZone(person?.nudgedAt ?? "", agency.timeZone)}.`);
    await expectAccessible(page, "who is trained after a nudge");

    // The notice is the new hire's to dismiss (they have no login in the demo); the supervisor cannot.
    const dismissBySupervisor = await page.request.post(`/api/training/nudges/${nudge.id}/dismiss`, {
      headers: { "x-csrf-token": csrfToken },
    });
    expect(dismissBySupervisor.status()).toBe(403);
    expect(await dismissBySupervisor.text()).toContain("Only the person nudged can dismiss it.");
  });

  it("shows the nudge on the person's home page, with a way to a session, until they dismiss it", async () => {
    const worker = await browser.newPage();
    await signIn(worker, DEMO_UNTRAINED_STAFF_LOGIN.email);
    const workerSession = await apiGet<SessionInfo>(worker, "/api/auth/session");
    const name = workerSession.user.displayName;
    // A nudge left open by an earlier run would show again once this one is dismissed.
    const openNudge = async () => (await apiGet<{ trainingNudge: Nudge | null }>(worker, "/api/home")).trainingNudge;
    for (let left = await openNudge(); left; left = await openNudge()) {
      const dismissed = await worker.request.post(`/api/training/nudges/${left.id}/dismiss`, {
        headers: { "x-csrf-token": workerSession.csrfToken },
      });
      expect(dismissed.ok()).toBe(true);
    }

    const supervisor = await browser.newPage();
    await signIn(supervisor, demoEmail("supervisor"));
    const { user, agency } = await apiGet<SessionInfo>(supervisor, "/api/auth/session");
    await supervisor.goto("/training/staff");
    await expect.poll(() => mainHeading(supervisor).textContent()).toBe("Who is trained");
    await supervisor.getByLabel("Show").selectOption("missing");
    const row = supervisor.getByRole("row", { name: new RegExp(`^${name}`) });
    await row.waitFor();
    const answer = supervisor.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/nudges"));
    await row.getByRole("button", { name: `Nudge ${name} to sign up` }).click();
    const nudge = (await (await answer).json()) as Nudge;
    const askedOn = formatInZone(nudge.createdAt, agency.timeZone);
    await expect.poll(() => row.textContent()).toContain(`Nudged on ${askedOn}.`);

    await worker.goto("/");
    const notice = worker.getByRole("region", { name: "Your supervisor asks you to sign up for training" });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`${user.displayName} asked on ${askedOn}.`);
    await notice.getByRole("link", { name: /.+/ }).first().waitFor();
    await expectAccessible(worker, "a staff member's home page with a supervisor's nudge");

    await notice.getByRole("button", { name: "Dismiss" }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await worker.reload();
    await worker.getByRole("heading", { name: "What you can do next" }).waitFor();
    expect(await notice.count()).toBe(0);
  });
});
