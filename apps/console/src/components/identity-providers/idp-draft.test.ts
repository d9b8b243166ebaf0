import { SAML_NAME_ID_FORMATS, ZSamlNameIdFormat } from '@gatehouse/contract';
import { describe, expect, it } from 'vitest';
import {
  ZCreateIdentityProviderRequest,
  ZUpdateIdentityProviderRequest,
  type TIdentityProviderResponse,
} from '@/server/identity-providers/identity-provider.types';
import { presetOptions } from '@/ui/preset-options';
import {
  emptyIdentityProvider,
  identityProviderDraftOf,
  identityProviderRequest,
  SAML_NAME_ID_FORMAT_OPTIONS,
} from './idp-draft';

const presets = presetOptions();
const preset = (id: string) => presets.find((option) => option.id === id)!;

const STORED_SAML: TIdentityProviderResponse = {
  id: 'idp_1',
  deploymentId: 'dep_1',
  name: 'Entra SAML',
  protocol: 'SAML',
  provider: 'MICROSOFT',
  clientId: '',
  clientSecretSet: false,
  issuer: 'https://sts.windows.net/tenant/',
  scopes: [],
  claims: { email: 'mail', username: 'upn', groups: 'roles' },
  saml: {
    entityId: 'https://sts.windows.net/tenant/',
    ssoUrl: 'https://login.microsoftonline.com/tenant/saml2',
    sloUrl: null,
    metadataUrl: 'https://login.microsoftonline.com/tenant/federationmetadata.xml',
    signingCertificates: [],
    nameIdFormat: SAML_NAME_ID_FORMATS.persistent,
    wantAssertionsSigned: true,
    wantResponseSigned: true,
    clockSkewSeconds: 120,
    serviceProviders: [],
  },
  applicationIds: [],
  createdAt: '2026-11-29T00:00:00.000Z',
  updatedAt: '2026-11-29T00:00:00.000Z',
};

describe('OIDC identity provider drafts', () => {
  it('become a create request the API accepts, with the preset issuer and scopes', () => {
    const draft = {
      ...emptyIdentityProvider(preset('GOOGLE')),
      clientId: ' client.apps ',
      clientSecret: 'secret',
    };
    const request = identityProviderRequest(draft, true);
    expect(request).toEqual({
      name: 'Google',
      protocol: 'OIDC',
      provider: 'GOOGLE',
      clientId: 'client.apps',
      clientSecret: 'secret',
      issuer: 'https://accounts.google.com',
      scopes: ['openid', 'email', 'profile'],
    });
    expect(ZCreateIdentityProviderRequest.safeParse(request).success).toBe(true);
  });

  it('keep the stored secret on update when the field is left empty', () => {
    const draft = emptyIdentityProvider(preset('OKTA'));
    expect(identityProviderRequest(draft, false)).not.toHaveProperty('clientSecret');
    expect(identityProviderRequest(draft, true)).toHaveProperty('clientSecret', '');
  });
});

describe('SAML identity provider drafts', () => {
  it('offer exactly the NameID formats the contract accepts', () => {
    expect(SAML_NAME_ID_FORMAT_OPTIONS.map((option) => option.value)).toEqual(
      ZSamlNameIdFormat.options,
    );
  });

  it('start from the preset’s NameID format and attribute names', () => {
    const draft = emptyIdentityProvider(preset('MICROSOFT'), 'SAML');
    expect(draft.name).toBe('Microsoft Entra ID');
    expect(draft.nameIdFormat).toBe(SAML_NAME_ID_FORMATS.emailAddress);
    expect(draft.attributes.email).toBe(
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
    );
    expect(emptyIdentityProvider(preset('GENERIC'), 'SAML').name).toBe('Generic SAML 2.0');
  });

  it('send exactly the chosen metadata source and only SAML fields', () => {
    const draft = {
      ...emptyIdentityProvider(preset('GENERIC'), 'SAML'),
      metadataUrl: ' https://idp.example.com/saml/metadata ',
      metadataXml: '<left over from the other choice/>',
    };
    const request = identityProviderRequest(draft, true);
    expect(request).toEqual({
      name: 'Generic SAML 2.0',
      protocol: 'SAML',
      provider: 'GENERIC',
      metadataUrl: 'https://idp.example.com/saml/metadata',
      nameIdFormat: SAML_NAME_ID_FORMATS.emailAddress,
      claims: { email: 'email', username: 'username', groups: 'groups' },
      wantAssertionsSigned: true,
      wantResponseSigned: false,
      clockSkewSeconds: 60,
    });
    expect(ZCreateIdentityProviderRequest.safeParse(request).success).toBe(true);

    const pasted = identityProviderRequest({ ...draft, metadataSource: 'xml' }, true);
    expect(pasted).toHaveProperty('metadataXml', '<left over from the other choice/>');
    expect(pasted).not.toHaveProperty('metadataUrl');
  });

  it('send an empty metadata source on create, so the API names the field', () => {
    const request = identityProviderRequest(emptyIdentityProvider(preset('OKTA'), 'SAML'), true);
    const parsed = ZCreateIdentityProviderRequest.safeParse(request);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain('metadataUrl');
  });

  it('send a clock skew that is not a whole number as NaN, which the API refuses by name', () => {
    const draft = {
      ...emptyIdentityProvider(preset('GENERIC'), 'SAML'),
      metadataUrl: 'https://idp.example.com/saml/metadata',
      clockSkewSeconds: 'a minute',
    };
    const request = identityProviderRequest(draft, true);
    expect(request).toHaveProperty('clockSkewSeconds', Number.NaN);
    const parsed = ZCreateIdentityProviderRequest.safeParse(request);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['clockSkewSeconds']);
  });

  it('edit a stored IdP without re-reading its metadata unless a new source is given', () => {
    const draft = identityProviderDraftOf(STORED_SAML, preset('MICROSOFT'));
    const request = identityProviderRequest(draft, false);
    expect(request).toEqual({
      name: 'Entra SAML',
      protocol: 'SAML',
      provider: 'MICROSOFT',
      nameIdFormat: SAML_NAME_ID_FORMATS.persistent,
      claims: { email: 'mail', username: 'upn', groups: 'roles' },
      wantAssertionsSigned: true,
      wantResponseSigned: true,
      clockSkewSeconds: 120,
    });
    expect(ZUpdateIdentityProviderRequest.safeParse(request).success).toBe(true);

    const refreshed = identityProviderRequest(
      { ...draft, metadataSource: 'xml', metadataXml: '<md:EntityDescriptor/>' },
      false,
    );
    expect(refreshed).toHaveProperty('metadataXml', '<md:EntityDescriptor/>');
  });
});
