// The IdP's SAML metadata (saml-metadata-2.0-os §2.4.3): what a service provider registers.
import { BINDING, NAME_ID_FORMAT, NS, ATTRIBUTE_NAME_FORMAT_BASIC } from './saml-names';
import { certificateBody } from './signing-credentials';
import { escapeXml } from './xml';

export const OFFERED_ATTRIBUTES = ['email', 'username', 'groups'] as const;

export function buildIdpMetadataXml(input: {
  entityId: string;
  ssoUrl: string;
  sloUrl: string;
  certificate: string;
}): string {
  const endpoints = (element: string, location: string) =>
    [BINDING.redirect, BINDING.post]
      .map((binding) => `<md:${element} Binding="${binding}" Location="${escapeXml(location)}"/>`)
      .join('\n');
  const attributes = OFFERED_ATTRIBUTES.map(
    (name) => `<saml:Attribute Name="${name}" NameFormat="${ATTRIBUTE_NAME_FORMAT_BASIC}"/>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="${NS.metadata}" xmlns:ds="${NS.dsig}" xmlns:saml="${NS.assertion}" entityID="${escapeXml(input.entityId)}">
<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="${NS.protocol}">
<md:KeyDescriptor use="signing">
<ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificateBody(input.certificate)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
</md:KeyDescriptor>
${endpoints('SingleLogoutService', input.sloUrl)}
<md:NameIDFormat>${NAME_ID_FORMAT.emailAddress}</md:NameIDFormat>
<md:NameIDFormat>${NAME_ID_FORMAT.persistent}</md:NameIDFormat>
<md:NameIDFormat>${NAME_ID_FORMAT.unspecified}</md:NameIDFormat>
${endpoints('SingleSignOnService', input.ssoUrl)}
${attributes}
</md:IDPSSODescriptor>
</md:EntityDescriptor>
`;
}
