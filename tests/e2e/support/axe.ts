import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.1 levels A and AA: what Cascade promises. */
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page as it is now and fails with every WCAG 2.1 A/AA violation listed.
 * The script is evaluated rather than added as a <script> tag, which the app's
 * Content-Security-Policy rightly refuses.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const hasAxe = await page.evaluate(() => "axe" in window);
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const violations: Violation[] = await page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } };
    const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => `${node.target.join(" ")}: ${node.failureSummary ?? ""}`),
    }));
  }, WCAG_21_AA);
  if (violations.length === 0) return;
  const report = violations
    .map((v) => `- [${v.impact ?? "?"}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n}`).join("\n")}`)
    .join("\n");
  throw new Error(`Accessibility violations on ${where} (${page.url()}):\n${report}`);
}
