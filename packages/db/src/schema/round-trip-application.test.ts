// Round-trips rows through a database built by `prisma migrate deploy`, so the migrations, the
// schema and the generated client agree on every column, enum, array, JSON value and default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, seedOrganizationWithOwner, type TestDatabase } from '../testing';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('application-level models', () => {
  it('round-trips an application with its IdPs, attribute pass, role mapping and rules', async () => {
    const { prisma } = db;
    const { organization } = await seedOrganizationWithOwner(prisma);
    const organizationId = organization.id;
    const { id: deploymentId } = await prisma.deployment.create({
      data: { organizationId, name: 'cvat' },
    });
    const application = await prisma.application.create({
      data: {
        organizationId,
        deploymentId,
        name: 'CVAT',
        applicationUrl: 'https://cvat.example.test',
        listenPort: 8443,
        upstreamServers: ['http://traefik-b:8080', 'http://traefik-a:8080'],
      },
    });
    expect(application).toMatchObject({
      type: 'WEB',
      description: '',
      preserveHost: false,
      reservedPathPrefix: '/.gatehouse',
      sessionMaxAgeSeconds: 28800,
      sessionIdleTimeoutSeconds: 3600,
      singleSignOut: false,
      postLogoutRedirectUrl: null,
      assertionHeaderName: 'X-Gatehouse-Jwt-Assertion',
      assertionTtlSeconds: 60,
      defaultRole: null,
      defaultAction: 'PROTECTED',
    });

    const keycloak = await prisma.identityProvider.create({
      data: {
        organizationId,
        deploymentId,
        name: 'Keycloak',
        provider: 'KEYCLOAK',
        clientId: 'gatehouse',
        clientSecretCiphertext: 'v1:iv:tag:data',
        issuer: 'https://sso.example.test/realms/main',
      },
    });
    const google = await prisma.identityProvider.create({
      data: {
        organizationId,
        deploymentId,
        name: 'Google',
        provider: 'GOOGLE',
        clientId: 'google-client',
        clientSecretCiphertext: 'v1:iv2:tag2:data2',
        issuer: 'https://accounts.google.com',
        scopes: ['openid', 'email'],
        claimUsername: 'email',
      },
    });
    expect(keycloak).toMatchObject({
      protocol: 'OIDC',
      scopes: ['openid', 'email', 'profile'],
      claimEmail: 'email',
      claimUsername: 'preferred_username',
      claimGroups: 'groups',
    });
    await prisma.applicationIdentityProvider.createMany({
      data: [
        {
          organizationId,
          deploymentId,
          applicationId: application.id,
          identityProviderId: google.id,
          position: 1,
        },
        {
          organizationId,
          deploymentId,
          applicationId: application.id,
          identityProviderId: keycloak.id,
          position: 0,
        },
      ],
    });

    const applicationId = application.id;
    await prisma.attributePass.createMany({
      data: [
        {
          organizationId,
          applicationId,
          position: 0,
          field: 'email',
          name: 'X-Email',
          type: 'HEADER',
        },
        {
          organizationId,
          applicationId,
          position: 1,
          field: 'groups',
          name: 'X-Groups',
          type: 'HEADER',
          join: ':',
        },
        {
          organizationId,
          applicationId,
          position: 2,
          field: 'role',
          name: 'app_role',
          type: 'JWT',
        },
      ],
    });
    await prisma.roleMapping.createMany({
      data: [
        {
          organizationId,
          applicationId,
          position: 0,
          kind: 'CLAIM',
          claim: 'groups',
          operator: 'CONTAINS',
          value: 'cvat-admins',
          role: 'admin',
        },
        {
          organizationId,
          applicationId,
          position: 1,
          kind: 'EXPRESSION',
          expression: 'email.endsWith("@acme.test")',
          role: 'user',
        },
      ],
    });
    const conditions = {
      headers: [{ name: 'Authorization', operator: 'SCHEME', values: ['Basic', 'Token'] }],
      sourceIps: ['10.0.0.0/8'],
    };
    await prisma.rule.createMany({
      data: [
        {
          organizationId,
          applicationId,
          priority: 10,
          pathMatch: 'PREFIX',
          path: '/api',
          methods: ['GET', 'POST'],
          conditions,
          action: 'NOT_PROTECTED',
          description: 'CVAT API clients',
        },
        {
          organizationId,
          applicationId,
          priority: 20,
          pathMatch: 'REGEX',
          path: '^/admin(/.*)?$',
          conditions: {},
          action: 'DENY',
        },
      ],
    });

    const found = await prisma.application.findUniqueOrThrow({
      where: { deploymentId_name: { deploymentId, name: 'CVAT' } },
      include: {
        identityProviders: { include: { identityProvider: true }, orderBy: { position: 'asc' } },
        attributePasses: { orderBy: { position: 'asc' } },
        roleMappings: { orderBy: { position: 'asc' } },
        rules: { orderBy: { priority: 'asc' } },
      },
    });
    expect(found.upstreamServers).toEqual(['http://traefik-b:8080', 'http://traefik-a:8080']);
    expect(found.identityProviders.map((link) => link.identityProvider.name)).toEqual([
      'Keycloak',
      'Google',
    ]);
    expect(found.identityProviders[1]?.identityProvider).toMatchObject({
      provider: 'GOOGLE',
      scopes: ['openid', 'email'],
      claimUsername: 'email',
    });
    expect(found.attributePasses.map((row) => [row.field, row.name, row.type, row.join])).toEqual([
      ['email', 'X-Email', 'HEADER', null],
      ['groups', 'X-Groups', 'HEADER', ':'],
      ['role', 'app_role', 'JWT', null],
    ]);
    expect(found.roleMappings).toMatchObject([
      {
        kind: 'CLAIM',
        claim: 'groups',
        operator: 'CONTAINS',
        value: 'cvat-admins',
        expression: null,
        role: 'admin',
      },
      {
        kind: 'EXPRESSION',
        claim: null,
        operator: null,
        value: null,
        expression: 'email.endsWith("@acme.test")',
        role: 'user',
      },
    ]);
    expect(found.rules).toMatchObject([
      {
        priority: 10,
        pathMatch: 'PREFIX',
        path: '/api',
        methods: ['GET', 'POST'],
        conditions,
        action: 'NOT_PROTECTED',
        description: 'CVAT API clients',
      },
      {
        priority: 20,
        pathMatch: 'REGEX',
        path: '^/admin(/.*)?$',
        methods: [],
        conditions: {},
        action: 'DENY',
        description: null,
      },
    ]);
  });
});
