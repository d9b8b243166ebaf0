import type { Prisma } from '../generated/prisma/client';
import { randomHex, type SeedClient, type SeedInput, uniqueSuffix } from './seed-helpers';

export function seedOrganization(
  prisma: SeedClient,
  data: Partial<Prisma.OrganizationUncheckedCreateInput> = {},
) {
  const suffix = uniqueSuffix();
  return prisma.organization.create({
    data: { name: `Organization ${suffix}`, slug: `org-${suffix}`, ...data },
  });
}

/** No password hash by default (an OIDC-only user); pass `passwordHash` for password sign-in. */
export function seedUser(prisma: SeedClient, data: Partial<Prisma.UserUncheckedCreateInput> = {}) {
  const suffix = uniqueSuffix();
  return prisma.user.create({
    data: { email: `user-${suffix}@example.test`, name: `User ${suffix}`, ...data },
  });
}

export function seedMembership(
  prisma: SeedClient,
  data: SeedInput<Prisma.MembershipUncheckedCreateInput, 'organizationId' | 'userId'>,
) {
  return prisma.membership.create({ data: { role: 'OWNER', ...data } });
}

/** The usual starting point of a console test: an organization and its owner. */
export async function seedOrganizationWithOwner(prisma: SeedClient) {
  const organization = await seedOrganization(prisma);
  const user = await seedUser(prisma);
  const membership = await seedMembership(prisma, {
    organizationId: organization.id,
    userId: user.id,
    role: 'OWNER',
  });
  return { organization, user, membership };
}

/** The token hash verifies against nothing; pass `tokenHash` to seed a usable invitation. */
export function seedInvitation(
  prisma: SeedClient,
  data: SeedInput<Prisma.InvitationUncheckedCreateInput, 'organizationId' | 'invitedById'>,
) {
  return prisma.invitation.create({
    data: {
      email: `invitee-${uniqueSuffix()}@example.test`,
      role: 'VIEWER',
      tokenHash: randomHex(),
      expiresAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
      ...data,
    },
  });
}

/** `userId` must be a member of the organization. Pass `tokenHash` to seed a usable token. */
export function seedApiToken(
  prisma: SeedClient,
  data: SeedInput<Prisma.ApiTokenUncheckedCreateInput, 'organizationId' | 'userId'>,
) {
  return prisma.apiToken.create({
    data: {
      name: `Token ${uniqueSuffix()}`,
      tokenHash: randomHex(),
      tokenPrefix: `ght_${randomHex(2)}`,
      ...data,
    },
  });
}

export function seedAuditEvent(
  prisma: SeedClient,
  data: SeedInput<Prisma.AuditEventUncheckedCreateInput, 'organizationId'>,
) {
  return prisma.auditEvent.create({
    data: {
      action: 'organization.update',
      targetType: 'organization',
      targetId: data.organizationId,
      metadata: {},
      ...data,
    },
  });
}
