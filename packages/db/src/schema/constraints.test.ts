// What the database itself refuses, whatever the console's code does: duplicate keys and rows that
// mix organizations or deployments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  seedAgentInstance,
  seedApiToken,
  seedApplication,
  seedDeployment,
  seedIdentityProvider,
  seedProvisioningKey,
  seedRule,
  seedUser,
  seedWholeOrganization,
  type TestDatabase,
} from '../testing';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const UNIQUE_VIOLATION = { code: 'P2002' };
const FOREIGN_KEY_VIOLATION = { code: 'P2003' };

describe('unique constraints', () => {
  it('refuses a second provisioning key with the same public key id', async () => {
    const { organization, key } = await seedWholeOrganization(db.prisma);
    const other = await seedDeployment(db.prisma, { organizationId: organization.id });
    await expect(
      seedProvisioningKey(db.prisma, {
        organizationId: organization.id,
        deploymentId: other.id,
        keyId: key.keyId,
      }),
    ).rejects.toMatchObject(UNIQUE_VIOLATION);
    expect(await db.prisma.provisioningKey.count({ where: { keyId: key.keyId } })).toBe(1);
  });

  it('refuses a second config revision with the same version in a deployment', async () => {
    const { organization, deployment } = await seedWholeOrganization(db.prisma);
    const revision = { organizationId: organization.id, deploymentId: deployment.id, version: 1 };
    await expect(db.prisma.configRevision.create({ data: revision })).rejects.toMatchObject(
      UNIQUE_VIOLATION,
    );
    const other = await seedDeployment(db.prisma, { organizationId: organization.id });
    await db.prisma.configRevision.create({ data: { ...revision, deploymentId: other.id } });
  });

  it('refuses duplicate emails, memberships, agent instance ids and application names', async () => {
    const { organization, user, deployment, application } = await seedWholeOrganization(db.prisma);
    const organizationId = organization.id;
    const deploymentId = deployment.id;
    await expect(seedUser(db.prisma, { email: user.email })).rejects.toMatchObject(
      UNIQUE_VIOLATION,
    );
    await expect(
      db.prisma.membership.create({ data: { organizationId, userId: user.id, role: 'VIEWER' } }),
    ).rejects.toMatchObject(UNIQUE_VIOLATION);
    await seedAgentInstance(db.prisma, { organizationId, deploymentId, instanceId: 'twin' });
    await expect(
      seedAgentInstance(db.prisma, { organizationId, deploymentId, instanceId: 'twin' }),
    ).rejects.toMatchObject(UNIQUE_VIOLATION);
    await expect(
      seedApplication(db.prisma, { organizationId, deploymentId, name: application.name }),
    ).rejects.toMatchObject(UNIQUE_VIOLATION);
  });
});

describe('tenant consistency', () => {
  it('refuses to offer an identity provider of another deployment or organization', async () => {
    const a = await seedWholeOrganization(db.prisma);
    const b = await seedWholeOrganization(db.prisma);
    const sameOrgOtherDeployment = await seedDeployment(db.prisma, {
      organizationId: a.organization.id,
    });
    const foreignIdp = await seedIdentityProvider(db.prisma, {
      organizationId: a.organization.id,
      deploymentId: sameOrgOtherDeployment.id,
    });
    for (const identityProviderId of [foreignIdp.id, b.idp.id]) {
      await expect(
        db.prisma.applicationIdentityProvider.create({
          data: {
            organizationId: a.organization.id,
            deploymentId: a.deployment.id,
            applicationId: a.application.id,
            identityProviderId,
            position: 5,
          },
        }),
      ).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
    }
  });

  it('refuses rows whose organization differs from their parent’s', async () => {
    const a = await seedWholeOrganization(db.prisma);
    const b = await seedWholeOrganization(db.prisma);
    await expect(
      seedApplication(db.prisma, {
        organizationId: a.organization.id,
        deploymentId: b.deployment.id,
      }),
    ).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
    await expect(
      seedRule(db.prisma, { organizationId: a.organization.id, applicationId: b.application.id }),
    ).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
    // An API token belongs to a member of its organization.
    await expect(
      seedApiToken(db.prisma, { organizationId: a.organization.id, userId: b.user.id }),
    ).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
  });
});
