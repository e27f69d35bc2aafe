import { describe, expect, it } from "vitest";
import type { Role } from "../../src/features/access/roles.js";
import type { SessionInfo } from "../../src/features/accounts/auth.schema.js";
import { expectAccessible } from "./support/axe.js";
import { browserIsAvailable, useBrowser } from "./support/browser.js";
import { apiGet, DEMO_LOGINS, demoEmail, mainHeading, signIn } from "./support/cascade.js";

/** The next step each kind of home page offers first-hand, as a user would look for it. */
const NEXT_STEP_BY_ROLE: Record<Role, string> = {
  admin: "Check the audit log",
  implementation_lead: "Find a person",
  training_coordinator: "Find a person",
  coaching_supervisor: "Find a person",
  executive: "See your people",
  manager: "See your people",
  supervisor: "See your unit's people",
  trainer: "Open your own record",
  coach: "Open your own record",
  staff: "Open your own record",
  fidelity_observer: "Open your own record",
  partner_viewer: "Turn on two-factor sign-in",
};

describe.skipIf(!browserIsAvailable())("signing in and finding the way around", () => {
  const browser = useBrowser();

  it("shows an accessible sign-in page that explains a failed sign-in and keeps the email", async () => {
    const page = await browser.newPage();
    await page.goto("/");
    await expect.poll(() => mainHeading(page).textContent()).toBe("Sign in");
    await expectAccessible(page, "the sign-in page");

    await page.getByLabel("Work email").fill("nobody-here@wexler.example");
    await page.getByLabel("Password").fill("not the right password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("do not match an active account");
    expect(await page.getByLabel("Work email").inputValue()).toBe("nobody-here@wexler.example");
    await expectAccessible(page, "the sign-in page with an error");
  });

  it("tells someone to wait after too many failed sign-ins", async () => {
    const page = await browser.newPage();
    await page.goto("/");
    await page.getByLabel("Work email").fill(`locked-out-${Date.now()}@wexler.example`);
    await page.getByLabel("Password").fill("still not the right password");
    const statuses: number[] = [];
    while (statuses.at(-1) !== 429 && statuses.length < 20) {
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith("/api/auth/login")),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
      statuses.push(response.status());
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
    await page.getByRole("alert").filter({ hasText: "Too many failed sign-ins" }).waitFor();
    await expectAccessible(page, "the sign-in page refusing further tries");
  });

  // One sign-in and one accessibility check per demo login: a dozen and more pages in one test.
  it("lands every demo role on a home page made for it, with only the navigation it may use", async () => {
    for (const login of DEMO_LOGINS) {
      const page = await browser.newPage();
      await signIn(page, login.email);
      await page.getByRole("heading", { name: "What you can do next" }).waitFor();
      expect(await mainHeading(page).textContent()).toMatch(/^Good (morning|afternoon|evening), /);
      await page.getByRole("link", { name: new RegExp(NEXT_STEP_BY_ROLE[login.role]) }).waitFor();

      const session = await apiGet<SessionInfo>(page, "/api/auth/session");
      const nav = page.getByRole("navigation", { name: "Main" });
      const navLinks = (await nav.getByRole("link").allTextContents()).map((text) => text.trim());
      const seesAdmin = session.permissions.includes("agency.configure") || session.permissions.includes("audit.read");
      expect(navLinks.includes("Admin"), `${login.role} sees Admin`).toBe(seesAdmin);
      expect(navLinks.includes("People"), `${login.role} sees People`).toBe(
        session.permissions.includes("people.read"),
      );
      expect(navLinks).toContain("Account");
      expect(await page.getByRole("banner").textContent()).toContain(session.agency.name);
      await expectAccessible(page, `the ${login.role} home page`);
      await page.context().close();
    }
  }, 180_000);

  it("keeps the admin area out of a staff member's navigation and out of reach", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("staff"));
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link", { name: "Admin" }).count()).toBe(0);

    await page.goto("/admin/audit");
    await page.getByRole("heading", { name: "You do not have access to the audit log" }).waitFor();
    await expectAccessible(page, "the audit log refused to a staff member");
  });

  it("can be used with the keyboard alone: skip link, then the main navigation", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("admin"));
    await page.getByRole("heading", { name: "What you can do next" }).waitFor();

    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to main content");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main");

    await page.goto("/");
    await page.getByRole("heading", { name: "What you can do next" }).waitFor();
    let focused = "";
    for (let presses = 0; presses < 30 && focused !== "People"; presses++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() =>
        document.activeElement?.closest("nav") ? (document.activeElement.textContent ?? "") : "",
      );
    }
    expect(focused).toBe("People");
    await page.keyboard.press("Enter");
    await expect.poll(() => mainHeading(page).textContent()).toBe("People");
    expect(new URL(page.url()).pathname).toBe("/people");
  });

  it("shows a friendly page for an unknown address, with the way back home", async () => {
    const page = await browser.newPage();
    await signIn(page, demoEmail("supervisor"));
    await page.goto("/no-such-page");
    await expect.poll(() => mainHeading(page).textContent()).toBe("Page not found");
    await expectAccessible(page, "the not-found page");
    await page.getByRole("link", { name: "Go to your home page" }).click();
    await page.getByRole("heading", { name: "What you can do next" }).waitFor();
  });
});
