import type { Profile } from '@node-saml/node-saml';

/**
 * What the agent reads from the assertion node-saml verified, in node-saml's own parse of the
 * signed bytes (`profile.getAssertion()`: xml2js, prefixes stripped, text in `_`, attributes in
 * `$`). Reading the verified copy, never the posted document, is what keeps signature-wrapping
 * out: a second, forged assertion elsewhere in the document is simply not in it.
 */
export interface VerifiedAssertion {
  id: string | null;
  issuer: string | null;
  bearerConfirmations: BearerConfirmation[];
  sessionIndex: string | null;
  /** AuthnStatement SessionNotOnOrAfter: when the IdP wants the SP's session to end. */
  sessionNotOnOrAfter: string | null;
}

export interface BearerConfirmation {
  recipient: string | null;
  inResponseTo: string | null;
  notBefore: string | null;
  notOnOrAfter: string | null;
}

type Node = Record<string, unknown>;
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

export function readVerifiedAssertion(profile: Profile): VerifiedAssertion | null {
  const assertion = child(profile.getAssertion?.(), 'Assertion');
  if (assertion === null) return null;
  const subject = first(assertion, 'Subject');
  const authn = first(assertion, 'AuthnStatement');
  return {
    id: attribute(assertion, 'ID'),
    issuer: text(first(assertion, 'Issuer')),
    bearerConfirmations: all(subject, 'SubjectConfirmation')
      .filter((confirmation) => attribute(confirmation, 'Method') === BEARER)
      .map((confirmation) => {
        const data = first(confirmation, 'SubjectConfirmationData');
        return {
          recipient: attribute(data, 'Recipient'),
          inResponseTo: attribute(data, 'InResponseTo'),
          notBefore: attribute(data, 'NotBefore'),
          notOnOrAfter: attribute(data, 'NotOnOrAfter'),
        };
      }),
    sessionIndex: attribute(authn, 'SessionIndex'),
    sessionNotOnOrAfter: attribute(authn, 'SessionNotOnOrAfter'),
  };
}

function child(value: unknown, name: string): Node | null {
  if (value === null || typeof value !== 'object') return null;
  const found = (value as Node)[name];
  return found !== null && typeof found === 'object' && !Array.isArray(found)
    ? (found as Node)
    : null;
}

function all(node: Node | null, name: string): Node[] {
  const value = node?.[name];
  return Array.isArray(value)
    ? value.filter((item): item is Node => item !== null && typeof item === 'object')
    : [];
}

function first(node: Node | null, name: string): Node | null {
  return all(node, name)[0] ?? null;
}

function attribute(node: Node | null, name: string): string | null {
  const value = child(node, '$')?.[name];
  return typeof value === 'string' ? value : null;
}

function text(node: Node | null): string | null {
  const value = node?._;
  return typeof value === 'string' ? value.trim() : null;
}
