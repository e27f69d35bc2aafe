import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, demoEmail, mainHeading, signIn } from "./support/cascade.js";

const PROGRAM = "Supervisors first coaching";
const INVITEE_GOALS = "Hold steadier observation debriefs";

interface Person {
  id: string;
  givenName: string;
  familyName: string;
}

describe.skipIf(!browserIsAvailable())("running coaching", () => {
  const browser = useBrowser();

  it("creates a program, adds a coach, and takes an invited person through readiness to closing", async () => {
    const supervisor = await browser.newPage();
    await signIn(supervisor, demoEmail("coaching_supervisor"));
    await supervisor.goto("/coaching");
    await supervisor
      .getByRole("navigation", { name: "Coaching" })
      .getByRole("link", { name: /^Programs/ })
      .click();
    await expect.poll(() => mainHeading(supervisor).textContent()).toBe("Coaching programs");
    await supervisor.getByRole("heading", { name: "Coverage by level" }).waitFor();
    expect(await supervisor.locator(".coaching-coverage-chart svg").count()).toBeGreaterThan(0);

    // Nothing chosen: the form says what is missing and keeps what was typed.
    await supervisor.getByLabel("Name").fill(PROGRAM);
    await supervisor.getByRole("button", { name: "Create program" }).click();
    await supervisor.getByText("Choose at least one level.").first().waitFor();
    expect(await supervisor.getByLabel("Name").inputValue()).toBe(PROGRAM);
    expect(await supervisor.getByLabel("Goal and scope").inputValue()).toContain("Goal:");
    await expectAccessible(supervisor, "the programs page with a form error");

    await supervisor.getByLabel("Supervisors", { exact: true }).check();
    await supervisor.getByLabel("Start date for supervisors").fill("2027-01-04");
    await supervisor.getByRole("button", { name: "Create program" }).click();
    await supervisor.getByText(`Created ${PROGRAM}.`).waitFor();
    await supervisor.getByRole("rowheader", { name: PROGRAM }).waitFor();
    expect(await supervisor.locator("tr", { hasText: PROGRAM }).textContent()).toContain("Supervisors 2027-01-04");

    // A staff person not yet on the roster becomes a coach.
    const roster = await apiGet<{
      items: { personId: string | null }[];
      strengthGroups: { label: string; behaviors: { id: string; label: string }[] }[];
    }>(supervisor, "/api/coaching/coaches");
    const people = await apiGet<{ items: Person[] }>(supervisor, "/api/people?pageSize=50");
    const onRoster = new Set(roster.items.map((c) => c.personId));
    const newCoach = people.items.find((p) => !onRoster.has(p.id)) as Person;
    const newCoachName = `${newCoach.givenName} ${newCoach.familyName}`;
    await supervisor.goto("/coaching/coaches");
    await expect.poll(() => mainHeading(supervisor).textContent()).toBe("Coach roster");
    await supervisor.getByLabel("Search staff by name").fill(newCoachName);
    await supervisor.getByRole("button", { name: "Find" }).click();
    // Two people may share a name; the choice is the person, whose id is the radio's value.
    await supervisor.locator(`input[type="radio"][value="${newCoach.id}"]`).check();
    await supervisor.getByLabel("Credentials").fill("Licensed clinical social worker");
    await supervisor.getByLabel("Coachees at most").fill("3");
    // Strengths and region are chosen from lists: a behavior of the model, a region of the org tree.
    const strength = roster.strengthGroups.find((g) => g.behaviors.length > 0)?.behaviors[0];
    if (!strength) throw new Error("the demo model has no behaviors to choose as strengths");
    await supervisor.getByRole("checkbox", { name: strength.label, exact: true }).check();
    const { units } = await apiGet<{ units: { id: string; kind: string; retired: boolean }[] }>(
      supervisor,
      "/api/org-units",
    );
    const region = units.find((u) => u.kind === "region" && !u.retired);
    if (!region) throw new Error("the demo org tree has no region");
    await supervisor.getByLabel("Region", { exact: true }).selectOption(region.id);
    await supervisor.getByRole("button", { name: "Add to the roster" }).click();
    await supervisor.getByText(`Added ${newCoachName} to the roster.`).waitFor();
    const added = (
      await apiGet<{ items: { personId: string | null; strengthItemIds: string[]; regionOrgUnitId: string | null }[] }>(
        supervisor,
        "/api/coaching/coaches",
      )
    ).items.find((c) => c.personId === newCoach.id);
    expect(added).toMatchObject({ strengthItemIds: [strength.id], regionOrgUnitId: region.id });
    await supervisor.getByRole("rowheader", { name: newCoachName }).waitFor();
    await supervisor.getByLabel("Kind of coach").first().selectOption("internal");
    await supervisor.getByLabel("Only coaches taking new coachees").check();
    await supervisor.getByRole("rowheader", { name: newCoachName }).waitFor();
    await expectAccessible(supervisor, "the coach roster");

    // The invitee decides: nothing starts until they accept.
    const invitee = await browser.newPage();
    await signIn(invitee, demoEmail("fidelity_observer"));
    const { user } = await apiGet<{ user: { personId: string } }>(invitee, "/api/auth/session");
    const inviteePerson = await apiGet<Person>(supervisor, `/api/people/${user.personId}`);
    const inviteeName = `${inviteePerson.givenName} ${inviteePerson.familyName}`;
    await supervisor.goto("/coaching");
    await supervisor.getByRole("heading", { name: "Invite someone to coaching" }).waitFor();
    await supervisor.getByLabel("Search staff by name").fill(inviteeName);
    await supervisor.getByRole("button", { name: "Find" }).click();
    await supervisor.locator(`input[type="radio"][value="${inviteePerson.id}"]`).check();
    await supervisor.getByLabel("Program").selectOption({ label: PROGRAM });
    await supervisor.getByLabel("Message").fill("Your debriefs are valued; coaching could help you grow them.");
    await supervisor.getByRole("button", { name: "Send invitation" }).click();
    await supervisor.getByText(`Invitation sent to ${inviteeName}.`).waitFor();
    await expectAccessible(supervisor, "the coaching page after sending an invitation");

    await invitee.goto("/coaching");
    await invitee.getByRole("heading", { name: "Invitations" }).waitFor();
    await invitee.getByLabel("Your goals, if you accept").fill(INVITEE_GOALS);
    await expectAccessible(invitee, "the coaching page with an invitation");
    await invitee.getByRole("button", { name: "Accept" }).click();
    await invitee.getByRole("heading", { name: "Invitations" }).waitFor({ state: "detached" });

    await supervisor.reload();
    await supervisor.locator("li", { hasText: INVITEE_GOALS }).getByRole("link").click();
    await supervisor.getByRole("button", { name: "Confirm coach" }).click();
    await expect.poll(() => mainHeading(supervisor).textContent()).toContain(`with ${inviteeName}`);
    const engagementPath = new URL(supervisor.url()).pathname;

    await invitee.goto(engagementPath);
    await invitee.getByRole("heading", { name: "Readiness check" }).waitFor();
    await expectAccessible(invitee, "the engagement page with the readiness check");
    await invitee.getByLabel("Goal to work on").fill(INVITEE_GOALS);
    await invitee.getByLabel("Decision").selectOption("go");
    await invitee.getByRole("button", { name: "Record the readiness check" }).click();
    await invitee.getByRole("heading", { name: "Readiness check" }).waitFor({ state: "detached" });
    await expect.poll(() => mainHeading(invitee).textContent()).toBeTruthy();
    expect(await invitee.getByText("Under way").count()).toBeGreaterThan(0);

    await invitee.getByRole("button", { name: "Close the engagement" }).click();
    await invitee.getByText("Fill this in.").first().waitFor();
    await invitee.getByLabel("Closing summary").fill("Debriefs now follow the model's steps; we stop here.");
    await invitee.getByRole("button", { name: "Close the engagement" }).click();
    await invitee.getByRole("heading", { name: "Closed", exact: true }).waitFor();
    await invitee.getByText("Debriefs now follow the model's steps; we stop here.").waitFor();
    expect(await invitee.getByRole("button", { name: "Log a session" }).count()).toBe(0);
    await expectAccessible(invitee, "a closed engagement");
    // Three people and a dozen pages: longer than one page's test is given.
  }, 240_000);
});
