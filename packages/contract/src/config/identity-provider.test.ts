import { describe, expect, it } from 'vitest';
import {
  buildSampleAgentConfig,
  buildSampleApplication,
  buildSampleSamlIdentityProvider,
  SAMPLE_SAML_CERTIFICATE,
} from '../testing/sample-config';
import { validateAgentConfig, validateWith } from '../validate';
import { SAML_ATTRIBUTE_PRESETS } from '../presets/identity-providers';
import { ZIdentityProviderConfig } from './identity-provider';

const withSaml = (saml: unknown) => {
  const config = buildSampleAgentConfig();
  return {
    ...config,
    identityProviders: [...config.identityProviders, saml],
    applications: [buildSampleApplication({ idpIds: ['idp_dev', 'idp_saml'] })],
  };
};

function pathsOf(input: unknown): string[] {
  const result = validateAgentConfig(input);
  if (result.ok) throw new Error('expected the configuration to be refused');
  return result.problems.map((problem) => problem.path);
}

const bareBase64 = SAMPLE_SAML_CERTIFICATE.replace(/-----[A-Z ]+-----|\n/g, '');

describe('SAML identity providers in the configuration document', () => {
  it('sit beside OIDC ones, and applications may bind either', () => {
    const config = withSaml(buildSampleSamlIdentityProvider());
    const result = validateAgentConfig(JSON.parse(JSON.stringify(config)));
    expect(result).toEqual({ ok: true, value: config });
  });

  it('fill the signing and clock defaults: signed assertions, 60 seconds of skew', () => {
    const {
      wantAssertionsSigned: _assertions,
      wantResponseSigned: _response,
      clockSkewSeconds: _skew,
      ...bare
    } = buildSampleSamlIdentityProvider();
    const result = validateWith(ZIdentityProviderConfig, bare);
    expect(result.ok && result.value).toMatchObject({
      protocol: 'SAML',
      wantAssertionsSigned: true,
      wantResponseSigned: false,
      clockSkewSeconds: 60,
    });
  });

  it('take certificates as PEM or as the bare base64 DER that metadata carries', () => {
    for (const certificate of [
      SAMPLE_SAML_CERTIFICATE,
      bareBase64,
      ` ${bareBase64.slice(0, 64)}\n${bareBase64.slice(64)} `,
    ]) {
      const idp = buildSampleSamlIdentityProvider({ signingCertificates: [certificate] });
      expect(validateWith(ZIdentityProviderConfig, idp).ok).toBe(true);
    }
  });

  it('refuse certificates that are not X.509, and an empty list', () => {
    const truncated = bareBase64.slice(0, 400);
    const idp = buildSampleSamlIdentityProvider({
      signingCertificates: [SAMPLE_SAML_CERTIFICATE, '<not a certificate>', truncated],
    });
    const result = validateWith(ZIdentityProviderConfig, idp);
    expect(result.ok ? [] : result.problems).toEqual([
      {
        path: 'signingCertificates[1]',
        message: 'must be a PEM certificate or the base64 DER of one',
      },
      { path: 'signingCertificates[2]', message: 'is not a readable X.509 certificate' },
    ]);
    expect(pathsOf(withSaml(buildSampleSamlIdentityProvider({ signingCertificates: [] })))).toEqual(
      ['identityProviders[1].signingCertificates'],
    );
  });

  it('refuse a configuration that would accept responses signed nowhere', () => {
    const idp = buildSampleSamlIdentityProvider({
      wantAssertionsSigned: false,
      wantResponseSigned: false,
    });
    expect(pathsOf(withSaml(idp))).toEqual(['identityProviders[1].wantAssertionsSigned']);
    const responseOnly = { ...idp, wantResponseSigned: true };
    expect(validateWith(ZIdentityProviderConfig, responseOnly).ok).toBe(true);
  });

  it('refuse unusable endpoints, entity ids, name-id formats and clock skews', () => {
    const idp = buildSampleSamlIdentityProvider({
      entityId: 'has space',
      ssoUrl: 'ftp://idp.example/sso',
      sloUrl: 'https://user:pw@idp.example/slo',
      nameIdFormat: 'urn:example:made-up' as never,
      clockSkewSeconds: 301,
      attributes: { email: 'mail', username: '', groups: 'a "b"' },
    });
    expect([...new Set(pathsOf(withSaml(idp)))].sort()).toEqual(
      [
        'entityId',
        'ssoUrl',
        'sloUrl',
        'nameIdFormat',
        'clockSkewSeconds',
        'attributes.username',
        'attributes.groups',
      ]
        .map((path) => `identityProviders[1].${path}`)
        .sort(),
    );
  });

  it('allow a query in the SSO URL, URN entity ids, URI attribute names and no SLO', () => {
    const idp = buildSampleSamlIdentityProvider({
      entityId: 'urn:example:idp',
      ssoUrl: 'https://accounts.google.com/o/saml2/idp?idpid=C01abc',
      sloUrl: null,
      attributes: {
        email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
        username: 'urn:oid:0.9.2342.19200300.100.1.1',
        groups: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
      },
    });
    expect(validateAgentConfig(withSaml(idp)).ok).toBe(true);
  });

  it('are told apart by protocol: OIDC fields on a SAML entry are no substitute', () => {
    const oidc = buildSampleAgentConfig().identityProviders[0]!;
    expect(pathsOf(withSaml({ ...oidc, id: 'idp_saml', protocol: 'SAML' })).sort()).toEqual(
      ['attributes', 'entityId', 'nameIdFormat', 'signingCertificates', 'ssoUrl', 'sloUrl']
        .map((path) => `identityProviders[1].${path}`)
        .sort(),
    );
    expect(pathsOf(withSaml({ ...buildSampleSamlIdentityProvider(), protocol: 'WS-FED' }))).toEqual(
      ['identityProviders[1].protocol'],
    );
  });

  it('still must be in the document for an application to bind them', () => {
    const config = buildSampleAgentConfig({
      applications: [buildSampleApplication({ idpIds: ['idp_dev', 'idp_saml'] })],
    });
    expect(pathsOf(config)).toEqual(['applications[0].idpIds[1]']);
  });
});

describe('SAML attribute presets', () => {
  it('are valid under the contract for every provider', () => {
    for (const [provider, preset] of Object.entries(SAML_ATTRIBUTE_PRESETS)) {
      const idp = buildSampleSamlIdentityProvider({ provider: provider as never, ...preset });
      expect(validateWith(ZIdentityProviderConfig, idp).ok, provider).toBe(true);
    }
  });
});
