import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { TAgentConfig } from '../config/agent-config';
import type { TApplicationConfig } from '../config/application';
import { CVAT_PRESET } from '../presets/cvat';

/** A fresh ES256 private JWK, as the console generates one per deployment. */
export function generateAssertionJwk(): TAgentConfig['assertionKeys'][number]['privateJwk'] {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' });
  return { kty: 'EC', crv: 'P-256', x: jwk.x ?? '', y: jwk.y ?? '', d: jwk.d ?? '' };
}

export function buildSampleApplication(
  overrides: Partial<TApplicationConfig> = {},
): TApplicationConfig {
  return {
    id: 'app_cvat',
    type: 'WEB',
    name: 'CVAT',
    applicationUrl: 'http://localhost:9772',
    listenPort: 9772,
    upstreamServers: ['http://127.0.0.1:8080'],
    preserveHost: false,
    reservedPathPrefix: '/.gatehouse',
    idpIds: ['idp_dev'],
    session: { maxAgeSeconds: 28_800, idleTimeoutSeconds: 3_600 },
    logout: { singleSignOut: false, postLogoutRedirectUrl: null },
    assertion: { headerName: 'X-Gatehouse-Jwt-Assertion', ttlSeconds: 60 },
    attributePass: [...CVAT_PRESET.attributePass],
    roleMapping: CVAT_PRESET.roleMapping,
    rules: [...CVAT_PRESET.rules],
    defaultAction: 'PROTECTED',
    ...overrides,
  };
}

/** A complete, valid configuration document for tests; override any part. */
export function buildSampleAgentConfig(overrides: Partial<TAgentConfig> = {}): TAgentConfig {
  return {
    version: 1,
    generatedAt: new Date().toISOString(),
    deployment: { id: 'dep_demo', name: 'Demo' },
    sessionKeys: [{ id: 'sk1', secret: randomBytes(32).toString('base64url') }],
    assertionKeys: [{ id: 'ak1', privateJwk: generateAssertionJwk() }],
    trustedProxies: [],
    identityProviders: [
      {
        id: 'idp_dev',
        name: 'Dev IdP',
        protocol: 'OIDC',
        provider: 'GENERIC',
        issuer: 'http://localhost:3001',
        clientId: 'gatehouse-demo',
        clientSecret: 'gatehouse-demo-secret',
        scopes: ['openid', 'email', 'profile', 'groups'],
        claims: { email: 'email', username: 'preferred_username', groups: 'groups' },
      },
    ],
    applications: [buildSampleApplication()],
    ...overrides,
  };
}
