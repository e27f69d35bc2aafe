import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, inject } from "vitest";

/** Debian's Chromium by default; the tests never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Whether the browser tests can run. A missing browser fails a CI run; on a workstation the
 * tests are skipped with a warning that is hard to miss.
 */
export function browserIsAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const message = `Chromium was not found at ${CHROMIUM_PATH}. Install Debian's "chromium" package or set CHROMIUM_PATH.`;
  if (process.env.CI === "true") throw new Error(message);
  console.warn(`\n${"!".repeat(80)}\n!! BROWSER TESTS SKIPPED: ${message}\n${"!".repeat(80)}\n`);
  return false;
}

export interface BrowserSession {
  /** A fresh context (own cookies and storage) pointed at the app under test. */
  newContext(): Promise<BrowserContext>;
  newPage(): Promise<Page>;
}

/**
 * One Chromium per test file (starting it is the slow part) and a new context per test, so
 * tests never share cookies. Contexts are closed after each test.
 */
export function useBrowser(): BrowserSession {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  /** Script errors and Content-Security-Policy refusals: a user would not see them, but they are bugs. */
  const pageProblems: string[] = [];
  const baseURL = inject("baseUrl");

  beforeAll(async () => {
    // launch() gives the browser a fresh, throwaway profile of its own.
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    const problems = pageProblems.splice(0);
    if (problems.length > 0) throw new Error(`The page reported problems:\n${problems.join("\n")}`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const newContext = async () => {
    if (!browser) throw new Error("the browser has not started");
    const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, locale: "en-US" });
    context.setDefaultTimeout(15_000);
    context.on("weberror", (error) => pageProblems.push(`uncaught: ${error.error().message}`));
    context.on("console", (message) => {
      if (message.type() === "error" && /Content.Security.Policy|script-src/i.test(message.text())) {
        pageProblems.push(`CSP: ${message.text()}`);
      }
    });
    contexts.push(context);
    return context;
  };
  return {
    newContext,
    newPage: async () => (await newContext()).newPage(),
  };
}
