// One console per test file: its own migrated database, a fresh encryption key and session
// secret, and the route handlers called in-process with real Request objects.
import { randomBytes } from 'node:crypto';
import { startDevIdp, type DevIdp } from '@gatehouse/dev-idp';
import {
  createTestDatabase,
  seedMembership,
  seedOrganizationWithOwner,
  seedUser,
  type TestDatabase,
} from '@gatehouse/db/testing';
import type { MembershipRole } from '@gatehouse/db';
import { afterAll, beforeAll } from 'vitest';
import { displayPrefix, generateSecret, hashSecret } from '@/server/crypto/hash-secret';
import { disconnectPrisma } from '@/server/db/get-prisma';
import { stopConfigListener } from '@/server/agent-config/config-listener';

export const CONSOLE_ORIGIN = 'http://console.test';

export interface ConsoleTest {
  db: TestDatabase;
  close(): Promise<void>;
}

export async function startConsoleTest(): Promise<ConsoleTest> {
  const db = await createTestDatabase();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    GATEHOUSE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    GATEHOUSE_PUBLIC_URL: CONSOLE_ORIGIN,
  });
  return {
    db,
    async close() {
      await stopConfigListener();
      await disconnectPrisma();
      await db.drop();
    },
  };
}

export interface OwnerSuite {
  db: TestDatabase;
  idp: DevIdp;
  owner: Member;
}

/**
 * The start most API test files share, registered as the file's hooks: before its tests a
 * console and a dev IdP start and an organization owner with an API token is seeded; after them
 * both stop and the database is dropped. The fields are set once that hook ran, so read them in
 * tests and later hooks, never at the top of the file.
 */
export function setUpOwnerSuite(): OwnerSuite {
  const suite = {} as OwnerSuite;
  let consoleTest: ConsoleTest | undefined;
  let idp: DevIdp | undefined;
  beforeAll(async () => {
    [consoleTest, idp] = await Promise.all([startConsoleTest(), startDevIdp({ port: 0 })]);
    Object.assign(suite, {
      db: consoleTest.db,
      idp,
      owner: await seedOrganizationMember(consoleTest.db),
    });
  });
  afterAll(async () => {
    await Promise.all([consoleTest?.close(), idp?.close()]);
  });
  return suite;
}

export interface Member {
  organizationId: string;
  userId: string;
  role: MembershipRole;
  token: string;
  tokenId: string;
}

/** An organization with its owner, who holds a working API token. */
export async function seedOrganizationMember(db: TestDatabase): Promise<Member> {
  const { organization, user } = await seedOrganizationWithOwner(db.prisma);
  return seedToken(db, organization.id, user.id, 'OWNER');
}

/** Another member of an existing organization, with a working API token. */
export async function seedMemberWithRole(
  db: TestDatabase,
  organizationId: string,
  role: MembershipRole,
): Promise<Member> {
  const user = await seedUser(db.prisma);
  await seedMembership(db.prisma, { organizationId, userId: user.id, role });
  return seedToken(db, organizationId, user.id, role);
}

async function seedToken(
  db: TestDatabase,
  organizationId: string,
  userId: string,
  role: MembershipRole,
): Promise<Member> {
  const token = generateSecret('ght');
  const row = await db.prisma.apiToken.create({
    data: {
      organizationId,
      userId,
      name: 'test',
      tokenHash: hashSecret(token),
      tokenPrefix: displayPrefix(token),
    },
  });
  return { organizationId, userId, role, token, tokenId: row.id };
}
