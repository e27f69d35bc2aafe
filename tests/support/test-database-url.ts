/**
 * Which database the integration tests run against: SQLite unless TEST_DATABASE=postgres,
 * in which case TEST_POSTGRES_URL (default: the local server's `test` database) is used as
 * the admin connection that creates one database per test file.
 */
export type TestDialect = "sqlite" | "postgres";

export function testDialect(): TestDialect {
  return process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
}

export function postgresAdminUrl(): string {
  return process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export const TEMPLATE_DIR = ".tmp/test-databases";
