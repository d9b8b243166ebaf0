import {
  seedApplication,
  seedApplicationIdentityProvider,
  seedAttributePass,
  seedIdentityProvider,
  seedRoleMapping,
  seedRule,
} from './seed-application';
import {
  seedAgentInstance,
  seedConfigRevision,
  seedDeployment,
  seedDeploymentKey,
  seedProvisioningKey,
} from './seed-deployment';
import type { SeedClient } from './seed-helpers';
import {
  seedApiToken,
  seedAuditEvent,
  seedInvitation,
  seedOrganizationWithOwner,
} from './seed-organization';

/**
 * A fresh organization with one row of every tenant model: for tests about tenancy as a whole
 * (isolation between organizations, deletes, listings that must not leak across tenants).
 */
export async function seedWholeOrganization(prisma: SeedClient) {
  const { organization, user, membership } = await seedOrganizationWithOwner(prisma);
  const organizationId = organization.id;
  const deployment = await seedDeployment(prisma, { organizationId });
  const deploymentId = deployment.id;
  const key = await seedProvisioningKey(prisma, { organizationId, deploymentId });
  await seedDeploymentKey(prisma, { organizationId, deploymentId });
  await seedConfigRevision(prisma, { organizationId, deploymentId });
  await seedAgentInstance(prisma, { organizationId, deploymentId, provisioningKeyId: key.id });
  const application = await seedApplication(prisma, { organizationId, deploymentId });
  const applicationId = application.id;
  const idp = await seedIdentityProvider(prisma, { organizationId, deploymentId });
  await seedApplicationIdentityProvider(prisma, {
    organizationId,
    deploymentId,
    applicationId,
    identityProviderId: idp.id,
  });
  await seedAttributePass(prisma, { organizationId, applicationId });
  await seedRoleMapping(prisma, { organizationId, applicationId });
  await seedRule(prisma, { organizationId, applicationId });
  await seedInvitation(prisma, { organizationId, invitedById: user.id });
  const token = await seedApiToken(prisma, { organizationId, userId: user.id });
  await seedAuditEvent(prisma, { organizationId, actorUserId: user.id, actorApiTokenId: token.id });
  return { organization, user, membership, deployment, key, application, idp, token };
}
