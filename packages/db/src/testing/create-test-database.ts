import { randomBytes } from 'node:crypto';
import { createPrismaClient, type DatabaseClient } from '../create-prisma-client';
import { assertLocalDatabaseUrl } from './assert-local-database';
import { testDatabaseServerUrl } from './env';
import { getMigratedTemplate } from './migrated-template';
import { databaseUrl, withServerConnection } from './server';

export type TestDatabase = {
  /** Connection URL of the new database. */
  url: string;
  /** A client for it, configured like the console's (secret columns omitted). */
  prisma: DatabaseClient;
  /** Disconnects and drops the database; safe to call twice. */
  drop: () => Promise<void>;
};

/**
 * A fresh, fully migrated database of its own on the local server named by TEST_DATABASE_URL.
 * One per test file, so files run in parallel without resetting anything.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  assertLocalDatabaseUrl(testDatabaseServerUrl);
  const template = await getMigratedTemplate();
  const name = `gatehouse_test_${randomBytes(6).toString('hex')}`;
  await withServerConnection((client) =>
    client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`),
  );
  const prisma = createPrismaClient(databaseUrl(name));
  return {
    url: databaseUrl(name),
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await withServerConnection((client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
}
