// What deletes take with them: everything of an organization or deployment, and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseClient } from '..';
import { createTestDatabase, seedWholeOrganization, type TestDatabase } from '../testing';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

function countTenantRows(prisma: DatabaseClient, organizationId: string) {
  const where = { organizationId };
  return Promise.all([
    prisma.membership.count({ where }),
    prisma.invitation.count({ where }),
    prisma.deployment.count({ where }),
    prisma.provisioningKey.count({ where }),
    prisma.deploymentKey.count({ where }),
    prisma.configRevision.count({ where }),
    prisma.agentInstance.count({ where }),
    prisma.application.count({ where }),
    prisma.identityProvider.count({ where }),
    prisma.applicationIdentityProvider.count({ where }),
    prisma.attributePass.count({ where }),
    prisma.roleMapping.count({ where }),
    prisma.rule.count({ where }),
    prisma.apiToken.count({ where }),
    prisma.auditEvent.count({ where }),
  ]);
}

describe('deletes', () => {
  it('deleting an organization removes every row of it and nothing of another', async () => {
    const doomed = await seedWholeOrganization(db.prisma);
    const kept = await seedWholeOrganization(db.prisma);
    const before = await countTenantRows(db.prisma, doomed.organization.id);
    expect(before.every((count) => count > 0)).toBe(true);
    const keptBefore = await countTenantRows(db.prisma, kept.organization.id);

    await db.prisma.organization.delete({ where: { id: doomed.organization.id } });

    expect(await countTenantRows(db.prisma, doomed.organization.id)).toEqual(before.map(() => 0));
    expect(await countTenantRows(db.prisma, kept.organization.id)).toEqual(keptBefore);
    // Users are not tenant rows: they may belong to other organizations.
    expect(await db.prisma.user.count({ where: { id: doomed.user.id } })).toBe(1);
  });

  it('deleting a deployment removes its keys, agents, revisions, applications and their rows', async () => {
    const { organization, deployment, application } = await seedWholeOrganization(db.prisma);
    await db.prisma.deployment.delete({ where: { id: deployment.id } });
    const where = { organizationId: organization.id };
    const [keys, agents, revisions, idps, links, rules, passes, mappings] = await Promise.all([
      db.prisma.provisioningKey.count({ where }),
      db.prisma.agentInstance.count({ where }),
      db.prisma.configRevision.count({ where }),
      db.prisma.identityProvider.count({ where }),
      db.prisma.applicationIdentityProvider.count({ where }),
      db.prisma.rule.count({ where: { applicationId: application.id } }),
      db.prisma.attributePass.count({ where: { applicationId: application.id } }),
      db.prisma.roleMapping.count({ where: { applicationId: application.id } }),
    ]);
    expect([keys, agents, revisions, idps, links, rules, passes, mappings]).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(await db.prisma.membership.count({ where })).toBe(1);
  });

  it('removing a member deletes the API tokens they created in that organization', async () => {
    const { organization, user, token } = await seedWholeOrganization(db.prisma);
    await db.prisma.membership.delete({
      where: { organizationId_userId: { organizationId: organization.id, userId: user.id } },
    });
    expect(await db.prisma.apiToken.count({ where: { id: token.id } })).toBe(0);
  });

  it('keeps audit events and agent rows when their actor or key is deleted', async () => {
    const { organization, user, key } = await seedWholeOrganization(db.prisma);
    await db.prisma.provisioningKey.delete({ where: { id: key.id } });
    await db.prisma.user.delete({ where: { id: user.id } });
    const where = { organizationId: organization.id };
    expect(await db.prisma.agentInstance.findFirstOrThrow({ where })).toMatchObject({
      provisioningKeyId: null,
    });
    expect(await db.prisma.auditEvent.findFirstOrThrow({ where })).toMatchObject({
      actorUserId: null,
      actorApiTokenId: null,
    });
  });
});
