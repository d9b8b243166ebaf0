// One console per test file: its own migrated database, a fresh encryption key and session
// secret, and the route handlers called in-process with real Request objects.
import { randomBytes } from 'node:crypto';
import {
  createTestDatabase,
  seedMembership,
  seedOrganizationWithOwner,
  seedUser,
  type TestDatabase,
} from '@gatehouse/db/testing';
import type { MembershipRole } from '@gatehouse/db';
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
