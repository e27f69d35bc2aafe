import { describe, it } from "vitest";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { demoEmail, signIn } from "./support/cascade.js";

describe.skipIf(!browserIsAvailable())("trained units waiting for coaching", () => {
  const browser = useBrowser();

  it("shows the coaching supervisor which trained units to match a coach in", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("coaching_supervisor"));
    await page.goto("/coaching");
    const section = page.getByRole("region", { name: "Trained units waiting for coaching" });
    await section
      .getByText(/training ended \d+ days ago/)
      .first()
      .waitFor();
    await section.getByText("Next step: match a coach for someone in this unit.").first().waitFor();
    await expectAccessible(page, "the coaching page with trained units waiting for coaching");
  });

  it("shows the training coordinator the same units on the rollout plans page", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("training_coordinator"));
    await page.goto("/training/plans");
    const section = page.getByRole("region", { name: "Trained units waiting for coaching" });
    await section.getByText("Next step: ask the coaching supervisor to match a coach").first().waitFor();
    await expectAccessible(page, "the rollout plans page with trained units waiting for coaching");
  });
});
