import type { Prisma } from '../generated/prisma/client';
import {
  nextPosition,
  randomHex,
  type SeedClient,
  type SeedInput,
  uniqueSuffix,
} from './seed-helpers';

type DeploymentScoped = 'organizationId' | 'deploymentId';
type ApplicationScoped = 'organizationId' | 'applicationId';

export function seedApplication(
  prisma: SeedClient,
  data: SeedInput<Prisma.ApplicationUncheckedCreateInput, DeploymentScoped>,
) {
  const suffix = uniqueSuffix();
  return prisma.application.create({
    data: {
      name: `app-${suffix}`,
      applicationUrl: `https://app-${suffix}.example.test`,
      listenPort: 8080,
      upstreamServers: ['http://127.0.0.1:8081'],
      ...data,
    },
  });
}

/** The ciphertext decrypts with no key; pass `clientSecretCiphertext` when a test decrypts it. */
export function seedIdentityProvider(
  prisma: SeedClient,
  data: SeedInput<Prisma.IdentityProviderUncheckedCreateInput, DeploymentScoped>,
) {
  const suffix = uniqueSuffix();
  return prisma.identityProvider.create({
    data: {
      name: `idp-${suffix}`,
      provider: 'GENERIC',
      clientId: `client-${suffix}`,
      clientSecretCiphertext: `v1:${randomHex(12)}:${randomHex(16)}:${randomHex(16)}`,
      issuer: `https://idp-${suffix}.example.test`,
      ...data,
    },
  });
}

/** Offers the identity provider on the application, after the ones already offered. */
export async function seedApplicationIdentityProvider(
  prisma: SeedClient,
  data: SeedInput<
    Prisma.ApplicationIdentityProviderUncheckedCreateInput,
    DeploymentScoped | 'applicationId' | 'identityProviderId'
  >,
) {
  const { _max } = await prisma.applicationIdentityProvider.aggregate({
    where: { applicationId: data.applicationId },
    _max: { position: true },
  });
  return prisma.applicationIdentityProvider.create({
    data: { position: nextPosition(_max.position), ...data },
  });
}

/** Defaults to CVAT's first row: the email as `X-Email`. */
export async function seedAttributePass(
  prisma: SeedClient,
  data: SeedInput<Prisma.AttributePassUncheckedCreateInput, ApplicationScoped>,
) {
  const { _max } = await prisma.attributePass.aggregate({
    where: { applicationId: data.applicationId },
    _max: { position: true },
  });
  return prisma.attributePass.create({
    data: {
      position: nextPosition(_max.position),
      field: 'email',
      name: 'X-Email',
      type: 'HEADER',
      ...data,
    },
  });
}

/** Defaults to "members of the IdP group `admins` get the role `admin`". */
export async function seedRoleMapping(
  prisma: SeedClient,
  data: SeedInput<Prisma.RoleMappingUncheckedCreateInput, ApplicationScoped>,
) {
  const { _max } = await prisma.roleMapping.aggregate({
    where: { applicationId: data.applicationId },
    _max: { position: true },
  });
  return prisma.roleMapping.create({
    data: {
      position: nextPosition(_max.position),
      kind: 'CLAIM',
      claim: 'groups',
      operator: 'CONTAINS',
      value: 'admins',
      role: 'admin',
      ...data,
    },
  });
}

/** Defaults to a rule after the existing ones (largest priority + 1) letting `/healthz` through. */
export async function seedRule(
  prisma: SeedClient,
  data: SeedInput<Prisma.RuleUncheckedCreateInput, ApplicationScoped>,
) {
  const { _max } = await prisma.rule.aggregate({
    where: { applicationId: data.applicationId },
    _max: { priority: true },
  });
  return prisma.rule.create({
    data: {
      priority: nextPosition(_max.priority),
      pathMatch: 'EXACT',
      path: '/healthz',
      conditions: {},
      action: 'NOT_PROTECTED',
      ...data,
    },
  });
}
