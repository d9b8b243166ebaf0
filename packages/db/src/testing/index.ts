export { assertLocalDatabaseUrl } from './assert-local-database';
export { createTestDatabase, type TestDatabase } from './create-test-database';
export { DEFAULT_TEST_DATABASE_URL } from './env';
export type { SeedClient } from './seed-helpers';
export {
  seedApiToken,
  seedAuditEvent,
  seedInvitation,
  seedMembership,
  seedOrganization,
  seedOrganizationWithOwner,
  seedUser,
} from './seed-organization';
export {
  seedAgentInstance,
  seedConfigRevision,
  seedDeployment,
  seedDeploymentKey,
  seedProvisioningKey,
} from './seed-deployment';
export {
  seedApplication,
  seedApplicationIdentityProvider,
  seedAttributePass,
  seedIdentityProvider,
  seedRoleMapping,
  seedRule,
} from './seed-application';
export { seedWholeOrganization } from './seed-whole-organization';
