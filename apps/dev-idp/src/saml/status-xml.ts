import { escapeXml } from './xml';

export interface SamlStatus {
  code: string;
  /** A second-level status code (saml-core §3.2.2.2), e.g. NoPassive under Responder. */
  subCode?: string | undefined;
  message?: string | undefined;
}

export function renderStatus(status: SamlStatus): string {
  const sub = status.subCode ? `<samlp:StatusCode Value="${escapeXml(status.subCode)}"/>` : '';
  const message = status.message
    ? `<samlp:StatusMessage>${escapeXml(status.message)}</samlp:StatusMessage>`
    : '';
  return `<samlp:Status><samlp:StatusCode Value="${escapeXml(status.code)}">${sub}</samlp:StatusCode>${message}</samlp:Status>`;
}
