import type { Page } from "playwright-core";
import type { Role } from "../../../src/features/access/roles.js";
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_UNTRAINED_STAFF_LOGIN } from "../../../src/features/demo/demo-agency.js";

export { DEMO_LOGINS, DEMO_PASSWORD, DEMO_UNTRAINED_STAFF_LOGIN };

export function demoEmail(role: Role): string {
  const login = DEMO_LOGINS.find((l) => l.role === role);
  if (!login) throw new Error(`the demo agency has no ${role} login`);
  return login.email;
}

/** Signs in through the sign-in page and waits for the signed-in app. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
}

/** Reads the API with the page's own session, for facts a test compares the page against. */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  if (!response.ok()) throw new Error(`GET ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

export const mainHeading = (page: Page) => page.getByRole("heading", { level: 1 });
