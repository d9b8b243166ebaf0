import { createHash, randomBytes } from 'node:crypto';
import type { DatabaseClient, MembershipRole } from '@gatehouse/db';
import {
  seedApiToken as seedApiTokenRow,
  seedMembership,
  seedOrganization,
  seedUser,
} from '@gatehouse/db/testing';
// The console's own scrypt format, so seeded members sign in through the real form.
import { hashPassword } from '../../apps/console/src/server/crypto/password-hash';

export interface SeededMember {
  email: string;
  password: string;
  userId: string;
  organizationId: string;
  organizationName: string;
  role: MembershipRole;
}

/**
 * A member who can sign in with e-mail and password: in a new organization, or in `organizationId`
 * when given. Seeded in the database (not through sign-up, whose per-address rate limit a test run
 * would exhaust).
 */
export async function seedMember(
  db: DatabaseClient,
  options: {
    role?: MembershipRole;
    organizationId?: string;
    /** Display names, for screenshots; e-mails and slugs stay unique either way. */
    organizationName?: string;
    name?: string;
  } = {},
): Promise<SeededMember> {
  const organization = options.organizationId
    ? await db.organization.findUniqueOrThrow({ where: { id: options.organizationId } })
    : await seedOrganization(
        db,
        options.organizationName ? { name: options.organizationName } : {},
      );
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const user = await seedUser(db, {
    passwordHash: await hashPassword(password),
    ...(options.name ? { name: options.name } : {}),
  });
  const role = options.role ?? 'OWNER';
  await seedMembership(db, { organizationId: organization.id, userId: user.id, role });
  return {
    email: user.email,
    password,
    userId: user.id,
    organizationId: organization.id,
    organizationName: organization.name,
    role,
  };
}

/** A usable API token for the member (`ght_…`, stored as the console stores it: SHA-256). */
export async function seedApiToken(db: DatabaseClient, member: SeededMember): Promise<string> {
  const token = `ght_${randomBytes(32).toString('base64url')}`;
  await seedApiTokenRow(db, {
    organizationId: member.organizationId,
    userId: member.userId,
    tokenHash: createHash('sha256').update(token).digest('hex'),
    tokenPrefix: token.slice(0, 12),
  });
  return token;
}
