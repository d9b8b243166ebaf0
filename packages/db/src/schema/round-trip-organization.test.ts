// Round-trips rows through a database built by `prisma migrate deploy`, so the migrations, the
// schema and the generated client agree on every column, enum, array, JSON value and default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('organization-level models', () => {
  it('round-trips users, memberships, invitations, API tokens and audit events', async () => {
    const { prisma } = db;
    const organization = await prisma.organization.create({
      data: { name: 'Acme Vision', slug: 'acme-vision' },
    });
    const owner = await prisma.user.create({
      data: { email: 'owner@acme.test', name: 'Olive Owner', passwordHash: 'argon2id$hash' },
    });
    const oidcOnly = await prisma.user.create({ data: { email: 'oidc@acme.test' } });
    await prisma.membership.createMany({
      data: [
        { organizationId: organization.id, userId: owner.id, role: 'OWNER' },
        { organizationId: organization.id, userId: oidcOnly.id, role: 'VIEWER' },
      ],
    });
    const expiresAt = new Date('2030-01-02T03:04:05.678Z');
    await prisma.invitation.create({
      data: {
        organizationId: organization.id,
        email: 'new@acme.test',
        role: 'ADMIN',
        tokenHash: 'invitation-hash',
        expiresAt,
        invitedById: owner.id,
      },
    });
    const token = await prisma.apiToken.create({
      data: {
        organizationId: organization.id,
        userId: owner.id,
        name: 'CI',
        tokenHash: 'token-hash',
        tokenPrefix: 'ght_ab12',
      },
    });
    await prisma.auditEvent.create({
      data: {
        organizationId: organization.id,
        actorUserId: owner.id,
        actorApiTokenId: token.id,
        action: 'application.update',
        targetType: 'application',
        targetId: 'app_1',
        metadata: {
          changed: ['listenPort'],
          before: { listenPort: 80 },
          after: { listenPort: 81 },
        },
        ip: '203.0.113.7',
        userAgent: 'curl/8.0',
      },
    });
    await prisma.auditEvent.create({
      data: { organizationId: organization.id, action: 'x.y', targetType: 'x', targetId: 'x' },
    });

    const found = await prisma.organization.findUniqueOrThrow({
      where: { slug: 'acme-vision' },
      include: {
        memberships: { include: { user: true }, orderBy: { role: 'asc' } },
        invitations: { include: { invitedBy: true } },
        apiTokens: { include: { membership: true } },
        auditEvents: {
          include: { actorUser: true, actorApiToken: true },
          orderBy: { action: 'asc' },
        },
      },
    });
    expect(found.name).toBe('Acme Vision');
    expect(found.createdAt).toBeInstanceOf(Date);
    expect(found.memberships.map((m) => [m.role, m.user.email, m.user.name])).toEqual([
      ['OWNER', 'owner@acme.test', 'Olive Owner'],
      ['VIEWER', 'oidc@acme.test', null],
    ]);
    const withPassword = await prisma.user.findUniqueOrThrow({
      where: { id: oidcOnly.id },
      omit: { passwordHash: false },
    });
    expect(withPassword.passwordHash).toBeNull();

    expect(found.invitations).toHaveLength(1);
    expect(found.invitations[0]).toMatchObject({
      email: 'new@acme.test',
      role: 'ADMIN',
      expiresAt,
      acceptedAt: null,
      invitedBy: { email: 'owner@acme.test' },
    });

    expect(found.apiTokens[0]).toMatchObject({
      name: 'CI',
      tokenPrefix: 'ght_ab12',
      role: null,
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
      membership: { role: 'OWNER', userId: owner.id },
    });

    const [updateEvent, systemEvent] = found.auditEvents;
    expect(updateEvent).toMatchObject({
      action: 'application.update',
      targetType: 'application',
      targetId: 'app_1',
      metadata: { changed: ['listenPort'], before: { listenPort: 80 }, after: { listenPort: 81 } },
      ip: '203.0.113.7',
      userAgent: 'curl/8.0',
      actorUser: { email: 'owner@acme.test' },
      actorApiToken: { name: 'CI' },
    });
    expect(systemEvent).toMatchObject({ metadata: {}, actorUser: null, actorApiToken: null });
  });
});
