import { defineConfig } from "vitest/config";

/**
 * Three tiers, named by file suffix: `*.test.ts` (unit, no database), `*.integration.test.ts`
 * (real database: SQLite by default, PostgreSQL when TEST_DATABASE=postgres) and
 * `*.e2e.test.ts` (the built app in a real Chromium).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "**/*.e2e.test.ts", "node_modules/**"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["src/**/*.integration.test.ts", "tests/**/*.integration.test.ts"],
          globalSetup: ["tests/support/database-global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.e2e.test.ts"],
          globalSetup: ["tests/e2e/support/server-global-setup.ts"],
          fileParallelism: false,
          // The page fetches after the address changes; on a busy CI machine that can take seconds.
          expect: { poll: { timeout: 10_000, interval: 100 } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
