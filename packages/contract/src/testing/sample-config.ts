import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { TAgentConfig } from '../config/agent-config';
import type { TApplicationConfig } from '../config/application';
import type {
  TOidcIdentityProviderConfig,
  TSamlIdentityProviderConfig,
} from '../config/identity-provider';
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

/** The dev IdP's default OIDC client as an identity provider; override any part. */
export function buildSampleOidcIdentityProvider(
  overrides: Partial<TOidcIdentityProviderConfig> = {},
): TOidcIdentityProviderConfig {
  return {
    id: 'idp_dev',
    name: 'Dev IdP',
    protocol: 'OIDC',
    provider: 'GENERIC',
    issuer: 'http://localhost:3001',
    clientId: 'gatehouse-demo',
    clientSecret: 'gatehouse-demo-secret',
    scopes: ['openid', 'email', 'profile', 'groups'],
    claims: { email: 'email', username: 'preferred_username', groups: 'groups' },
    ...overrides,
  };
}

/**
 * A self-signed certificate (CN=Gatehouse sample SAML IdP, valid until 2126) whose private key
 * was thrown away: it parses, but nothing can sign with it. Tests that sign use a real IdP.
 */
export const SAMPLE_SAML_CERTIFICATE =
  '-----BEGIN CERTIFICATE-----\n' +
  'MIIDKzCCAhOgAwIBAgIUPR99y988QSBrV5NMtx1FYNi7i1owDQYJKoZIhvcNAQEL\n' +
  'BQAwJDEiMCAGA1UEAwwZR2F0ZWhvdXNlIHNhbXBsZSBTQU1MIElkUDAgFw0yNjEx\n' +
  'MjkwMjExNTNaGA8yMTI2MTEwNTAyMTE1M1owJDEiMCAGA1UEAwwZR2F0ZWhvdXNl\n' +
  'IHNhbXBsZSBTQU1MIElkUDCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEB\n' +
  'AL8bIEItWJRex6FBVKjymPVWmSmo7b/L1vQol9iIZ2nftpuI5qVbrNa8Jloyt9qc\n' +
  'BR5WlvA5BRYP2l3ZdTrjULwsUE0F/VgkdjB3JBvnvRzDZN6GgcXslXzVaeTWheID\n' +
  'SEZHMLX2Ttw7mCGPDs8Hc6XMbtbHwFaj07iQfXHrcG6ypJI2JloGUzjU7L3fj99S\n' +
  'ygf5fx24D44fx0bl2WMmY46H5ot//YA9BZ7MH72Q14kEbhABD1b8Uec5eLMol7nm\n' +
  'osLkxabCeX1atDS6NZBUTgqhcyjbJlB33BzW8/vmlsXtzyOzvMDVIjICTKi/I4XO\n' +
  'zF6jQRp6txKG3GHqvn6X8IcCAwEAAaNTMFEwHQYDVR0OBBYEFK/ajDJfeg7wv5MQ\n' +
  'MJEQ7W/lTQCqMB8GA1UdIwQYMBaAFK/ajDJfeg7wv5MQMJEQ7W/lTQCqMA8GA1Ud\n' +
  'EwEB/wQFMAMBAf8wDQYJKoZIhvcNAQELBQADggEBALJCajNwGWJWYo3p6iDgQMwW\n' +
  '2TJKsOtx/2xlO0hD0qlmbUQ41TSTH8vNaASw80TUcp2E1befVx6i+6IGrIeebBhP\n' +
  '2e6irjfSR4jjFlS3NZWCzUIhEohgh+Ca/01jAUKOGt/rlPatdVoz1cNnEDF5xxKw\n' +
  'COFiz4JkWGz0WYTtDmCMa+xWDigmNUINpWGlf+VPtGCVmx2QSw2VdllvtJ9uFhgd\n' +
  '98yAhBZ/dqK/R8d22gVxLNhuqQNAXvEzmnnKjlKE0klfDB2CeNYnQBfBJ04TWZUt\n' +
  'yCtk05K6/WkLEs7UjE8sWBTPbUlwAl3utf+O5C8cF2QmjiatDeGkuRcseEEwCiE=\n' +
  '-----END CERTIFICATE-----\n';

/** A valid SAML identity provider for tests; override any part. */
export function buildSampleSamlIdentityProvider(
  overrides: Partial<TSamlIdentityProviderConfig> = {},
): TSamlIdentityProviderConfig {
  return {
    id: 'idp_saml',
    name: 'Dev SAML IdP',
    protocol: 'SAML',
    provider: 'GENERIC',
    entityId: 'http://localhost:3001/saml/metadata',
    ssoUrl: 'http://localhost:3001/saml/sso',
    sloUrl: 'http://localhost:3001/saml/slo',
    signingCertificates: [SAMPLE_SAML_CERTIFICATE],
    nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    attributes: { email: 'email', username: 'username', groups: 'groups' },
    wantAssertionsSigned: true,
    wantResponseSigned: false,
    clockSkewSeconds: 60,
    ...overrides,
  };
}

/** The sample document: its identity providers are OIDC ones, which tests may spread and amend. */
export type TSampleAgentConfig = Omit<TAgentConfig, 'identityProviders'> & {
  identityProviders: TOidcIdentityProviderConfig[];
};

/** A complete, valid configuration document for tests; override any part. */
export function buildSampleAgentConfig(
  overrides: Partial<TSampleAgentConfig> = {},
): TSampleAgentConfig {
  return {
    version: 1,
    generatedAt: new Date().toISOString(),
    deployment: { id: 'dep_demo', name: 'Demo' },
    sessionKeys: [{ id: 'sk1', secret: randomBytes(32).toString('base64url') }],
    assertionKeys: [{ id: 'ak1', privateJwk: generateAssertionJwk() }],
    trustedProxies: [],
    identityProviders: [buildSampleOidcIdentityProvider()],
    applications: [buildSampleApplication()],
    ...overrides,
  };
}
