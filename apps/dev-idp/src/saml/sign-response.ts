import { NS } from './saml-names';
import type { SamlCredentials } from './signing-credentials';
import { elementPath, signEnveloped } from './xml-signature';

export const RESPONSE_PATH = elementPath([NS.protocol, 'Response']);
export const ASSERTION_PATH = elementPath([NS.protocol, 'Response'], [NS.assertion, 'Assertion']);

export interface SignParts {
  response: boolean;
  assertion: boolean;
}

/**
 * Signs the assertion first, then the response: the response's digest then covers the signed
 * assertion, and its enveloped-signature transform removes only its own signature. SPs that demand
 * either (node-saml's wantAssertionsSigned / wantAuthnResponseSigned) find what they demand.
 */
export function signSamlResponse(
  xml: string,
  credentials: SamlCredentials,
  parts: SignParts = { response: true, assertion: true },
): string {
  let signed = xml;
  if (parts.assertion) {
    signed = signEnveloped(signed, ASSERTION_PATH, credentials);
  }
  if (parts.response) {
    signed = signEnveloped(signed, RESPONSE_PATH, credentials);
  }
  return signed;
}
