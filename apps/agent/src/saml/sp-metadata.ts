import type { TSamlNameIdFormat } from '@gatehouse/contract';
import type { ServiceProvider } from './service-provider';

/**
 * The SP's metadata (saml-metadata-2.0-os §2.4.4), written here rather than by node-saml, whose
 * generator declares single logout over HTTP-POST: the agent takes LogoutResponses by
 * HTTP-Redirect only, the binding on which it can check InResponseTo. Requests are not signed
 * (the agent holds no SAML key); assertions must be.
 */
export function buildSpMetadata(
  sp: ServiceProvider,
  nameIdFormat: TSamlNameIdFormat | null,
): string {
  const md = 'urn:oasis:names:tc:SAML:2.0:metadata';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<md:EntityDescriptor xmlns:md="${md}" entityID="${escapeXml(sp.entityId)}">`,
    '  <md:SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">',
    `    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${escapeXml(sp.sloUrl)}"/>`,
    ...(nameIdFormat ? [`    <md:NameIDFormat>${escapeXml(nameIdFormat)}</md:NameIDFormat>`] : []),
    `    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${escapeXml(sp.acsUrl)}" index="0" isDefault="true"/>`,
    '  </md:SPSSODescriptor>',
    '</md:EntityDescriptor>',
    '',
  ];
  return lines.join('\n');
}

function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
