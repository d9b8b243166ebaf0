import type { TIdentityProviderResponse } from '@/server/identity-providers/identity-provider.types';

/**
 * The contract's SAML_NAME_ID_FORMATS (saml-core-2.0-os §8.3). Written out because client code
 * cannot import the contract at run time (it pulls in node:net); idp-draft.test.ts checks that
 * the two agree.
 */
export const SAML_NAME_ID_FORMAT_OPTIONS = [
  { value: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress', label: 'E-mail address' },
  { value: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent', label: 'Persistent' },
  { value: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient', label: 'Transient' },
  { value: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified', label: 'Unspecified' },
] as const;

export type IdentityProviderProtocol = 'OIDC' | 'SAML';

interface AttributeNames {
  email: string;
  username: string;
  groups: string;
}

/**
 * A provider preset as the form needs it (from IDENTITY_PROVIDER_PRESETS and
 * SAML_ATTRIBUTE_PRESETS, passed by the page).
 */
export interface PresetOption {
  id: string;
  label: string;
  issuer: string | null;
  issuerHint: string;
  scopes: string[];
  saml: { label: string; nameIdFormat: string; attributes: AttributeNames };
}

export interface IdentityProviderDraft {
  protocol: IdentityProviderProtocol;
  name: string;
  provider: string;
  // OpenID Connect
  clientId: string;
  clientSecret: string;
  issuer: string;
  scopes: string;
  // SAML 2.0
  metadataSource: 'url' | 'xml';
  metadataUrl: string;
  metadataXml: string;
  nameIdFormat: string;
  attributes: AttributeNames;
  wantAssertionsSigned: boolean;
  wantResponseSigned: boolean;
  clockSkewSeconds: string;
}

/** What the form shows as the provider's name under either protocol. */
export function presetLabel(preset: PresetOption, protocol: IdentityProviderProtocol): string {
  return protocol === 'SAML' ? preset.saml.label : preset.label;
}

export function emptyIdentityProvider(
  preset: PresetOption,
  protocol: IdentityProviderProtocol = 'OIDC',
): IdentityProviderDraft {
  return {
    protocol,
    name: presetLabel(preset, protocol),
    provider: preset.id,
    clientId: '',
    clientSecret: '',
    issuer: preset.issuer ?? '',
    scopes: preset.scopes.join(' '),
    metadataSource: 'url',
    metadataUrl: '',
    metadataXml: '',
    nameIdFormat: preset.saml.nameIdFormat,
    attributes: { ...preset.saml.attributes },
    // The API's defaults: a signed assertion, 60 seconds of clock skew.
    wantAssertionsSigned: true,
    wantResponseSigned: false,
    clockSkewSeconds: '60',
  };
}

/**
 * An existing identity provider as an editable draft. The secret and the SAML metadata start
 * empty: left empty they keep what is stored, so a save never re-reads metadata by accident.
 */
export function identityProviderDraftOf(
  idp: TIdentityProviderResponse,
  preset: PresetOption,
): IdentityProviderDraft {
  const empty = emptyIdentityProvider(preset, idp.protocol);
  return {
    ...empty,
    name: idp.name,
    provider: idp.provider,
    clientId: idp.clientId,
    issuer: idp.protocol === 'OIDC' ? idp.issuer : empty.issuer,
    scopes: idp.protocol === 'OIDC' ? idp.scopes.join(' ') : empty.scopes,
    ...(idp.saml && {
      nameIdFormat: idp.saml.nameIdFormat,
      attributes: { ...idp.claims },
      wantAssertionsSigned: idp.saml.wantAssertionsSigned,
      wantResponseSigned: idp.saml.wantResponseSigned,
      clockSkewSeconds: String(idp.saml.clockSkewSeconds),
    }),
  };
}

/**
 * The REST body, for POST (creating) or PATCH. Only the draft's own protocol's fields are sent:
 * the API refuses the other protocol's. The API validates everything; what the admin typed is
 * passed on as typed (a number field that is not a number becomes NaN) so its 422 names the field.
 */
export function identityProviderRequest(draft: IdentityProviderDraft, creating: boolean) {
  return draft.protocol === 'SAML' ? samlRequest(draft, creating) : oidcRequest(draft, creating);
}

/**
 * An empty secret is left out (keeps the stored one on update; on create the API then names the
 * field). Scopes are typed space-separated, as OAuth writes them (RFC 6749 §3.3).
 */
function oidcRequest(draft: IdentityProviderDraft, creating: boolean) {
  const scopes = draft.scopes.split(/[\s,]+/).filter(Boolean);
  return {
    name: draft.name,
    protocol: 'OIDC' as const,
    provider: draft.provider,
    clientId: draft.clientId.trim(),
    ...(draft.clientSecret !== '' || creating ? { clientSecret: draft.clientSecret } : {}),
    issuer: draft.issuer.trim() === '' ? undefined : draft.issuer.trim(),
    scopes,
  };
}

/**
 * Exactly one metadata source: the chosen one. On update an empty one is left out, which keeps
 * the stored metadata; on create it is sent empty so the API names the field.
 */
function samlRequest(draft: IdentityProviderDraft, creating: boolean) {
  const metadata =
    draft.metadataSource === 'url'
      ? { metadataUrl: draft.metadataUrl.trim() }
      : { metadataXml: draft.metadataXml.trim() };
  const given = Object.values(metadata)[0] !== '';
  const skew = draft.clockSkewSeconds.trim();
  return {
    name: draft.name,
    protocol: 'SAML' as const,
    provider: draft.provider,
    ...(given || creating ? metadata : {}),
    nameIdFormat: draft.nameIdFormat,
    claims: {
      email: draft.attributes.email.trim(),
      username: draft.attributes.username.trim(),
      groups: draft.attributes.groups.trim(),
    },
    wantAssertionsSigned: draft.wantAssertionsSigned,
    wantResponseSigned: draft.wantResponseSigned,
    clockSkewSeconds: /^\d+$/.test(skew) ? Number(skew) : Number.NaN,
  };
}
