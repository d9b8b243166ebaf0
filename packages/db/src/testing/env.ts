// The test helpers' environment, read in this one file (the workspace lint rule allows it here).

export const DEFAULT_TEST_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Any database on the server where test databases are created; `postgres` will do. */
export const testDatabaseServerUrl = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;

/** Child processes inherit everything, so PRISMA_SCHEMA_ENGINE_BINARY reaches the Prisma CLI. */
export function inheritEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
