// The samlp:LogoutResponse the IdP sends to an SP's SingleLogoutService (saml-core §3.7.2).
import { NS } from './saml-names';
import { renderStatus, type SamlStatus } from './status-xml';
import { escapeXml, toSamlInstant } from './xml';

export const LOGOUT_RESPONSE_ELEMENT = [NS.protocol, 'LogoutResponse'] as const;

export function buildLogoutResponseXml(input: {
  issuer: string;
  destination: string;
  inResponseTo: string;
  issuedAt: Date;
  responseId: string;
  status: SamlStatus;
}): string {
  return `<samlp:LogoutResponse xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${escapeXml(input.responseId)}" Version="2.0" IssueInstant="${toSamlInstant(input.issuedAt)}" Destination="${escapeXml(input.destination)}" InResponseTo="${escapeXml(input.inResponseTo)}">
<saml:Issuer>${escapeXml(input.issuer)}</saml:Issuer>
${renderStatus(input.status)}
</samlp:LogoutResponse>`;
}
