import type { IdentityProvider } from '@gatehouse/db';
import type { TSamlIdentityProviderConfig, TSamlNameIdFormat } from '@gatehouse/contract';
import { invalidField } from '../errors/app-error';
import { readSamlMetadata, type SamlMetadataSource } from './read-saml-metadata';
import { resolveSamlSettings } from './resolve-saml-settings';

export interface SamlColumnsInput {
  provider: TSamlIdentityProviderConfig['provider'];
  nameIdFormat?: TSamlNameIdFormat | undefined;
  claims?: Partial<Record<'email' | 'username' | 'groups', string>> | undefined;
  wantAssertionsSigned: boolean;
  wantResponseSigned: boolean;
  clockSkewSeconds: number;
}

/** The stored SAML settings an admin chooses: NameID format, attribute names, signatures, skew. */
export function prepareSamlColumns(input: SamlColumnsInput) {
  // Without a signature over the assertion, anyone could post one and be signed in.
  if (!input.wantAssertionsSigned && !input.wantResponseSigned) {
    throw invalidField(
      'wantAssertionsSigned',
      'require a signed assertion, a signed response, or both',
    );
  }
  const { nameIdFormat, attributes } = resolveSamlSettings(input);
  return {
    samlNameIdFormat: nameIdFormat,
    claimEmail: attributes.email,
    claimUsername: attributes.username,
    claimGroups: attributes.groups,
    samlWantAssertionsSigned: input.wantAssertionsSigned,
    samlWantResponseSigned: input.wantResponseSigned,
    samlClockSkewSeconds: input.clockSkewSeconds,
  } satisfies Partial<IdentityProvider>;
}

/** The stored columns the IdP's metadata provides, read (fetched or pasted) and checked. */
export async function prepareSamlMetadataColumns(source: SamlMetadataSource) {
  const metadata = await readSamlMetadata(source);
  return {
    issuer: metadata.entityId,
    samlSsoUrl: metadata.ssoUrl,
    samlSloUrl: metadata.sloUrl,
    samlSigningCertificates: metadata.signingCertificates,
    samlMetadataUrl: 'metadataUrl' in source ? source.metadataUrl : null,
  } satisfies Partial<IdentityProvider>;
}

/** `{ metadataUrl }` or `{ metadataXml }` from a request, or null when it gives neither. */
export function pickMetadataSource(input: {
  metadataUrl?: string | undefined;
  metadataXml?: string | undefined;
}): SamlMetadataSource | null {
  if (input.metadataUrl !== undefined && input.metadataXml !== undefined) {
    throw invalidField('metadataUrl', 'give either metadataUrl or metadataXml (exactly one)');
  }
  if (input.metadataUrl !== undefined) return { metadataUrl: input.metadataUrl };
  if (input.metadataXml !== undefined) return { metadataXml: input.metadataXml };
  return null;
}
