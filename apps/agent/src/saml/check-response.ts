// Enforces what node-saml 5 leaves to the SP on a login response (saml-profiles-2.0-os §4.1.4.2,
// saml-bindings-2.0-os §3.5.5.2): the Issuer is the configured IdP, the Destination and the bearer
// SubjectConfirmationData Recipient are this application's ACS, and that confirmation answers the
// pending AuthnRequest and is still within its NotOnOrAfter (with the configured clock skew).
import { DOMParser } from '@xmldom/xmldom';
import type { TSamlIdentityProviderConfig } from '@gatehouse/contract';
import type { ServiceProvider } from './service-provider';
import type { BearerConfirmation, VerifiedAssertion } from './verified-assertion';

const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';

export interface ResponseCheckInput {
  /** The posted Response as XML: only its root's Destination and Issuer are read. */
  responseXml: string;
  assertion: VerifiedAssertion;
  idp: TSamlIdentityProviderConfig;
  sp: ServiceProvider;
  /** The ID of the AuthnRequest this sign-in sent. */
  requestId: string;
  nowMs: number;
}

export type ResponseCheck =
  { ok: true; assertionId: string; deliverableUntilMs: number } | { ok: false; problem: string };

export function checkResponse(input: ResponseCheckInput): ResponseCheck {
  const { assertion, idp, sp } = input;
  const refuse = (problem: string): ResponseCheck => ({ ok: false, problem });
  if (assertion.issuer !== idp.entityId) {
    return refuse(
      `the assertion was issued by "${assertion.issuer ?? 'nobody'}", not by ${idp.entityId}`,
    );
  }
  const root = readResponseRoot(input.responseXml);
  if (root.issuer !== null && root.issuer !== idp.entityId) {
    return refuse(`the response was issued by "${root.issuer}", not by ${idp.entityId}`);
  }
  // A signed response must name its Destination; an unsigned one may leave it out (§3.5.5.2).
  if (root.destination === null ? idp.wantResponseSigned : root.destination !== sp.acsUrl) {
    return refuse(
      `the response is addressed to ${root.destination ?? 'no Destination'}, not to ${sp.acsUrl}`,
    );
  }
  if (assertion.id === null) return refuse('the assertion has no ID');
  const skewMs = idp.clockSkewSeconds * 1000;
  const problems = assertion.bearerConfirmations.map((confirmation) =>
    checkConfirmation(confirmation, input, skewMs),
  );
  const accepted = problems.find((result) => typeof result === 'number');
  if (accepted === undefined) {
    return refuse(
      problems.find((result) => typeof result === 'string') ??
        'the assertion has no bearer subject confirmation',
    );
  }
  return { ok: true, assertionId: assertion.id, deliverableUntilMs: accepted + skewMs };
}

/** The confirmation's NotOnOrAfter in milliseconds when it is acceptable, else why not. */
function checkConfirmation(
  confirmation: BearerConfirmation,
  input: ResponseCheckInput,
  skewMs: number,
): number | string {
  if (confirmation.recipient !== input.sp.acsUrl) {
    return `the assertion is meant for ${confirmation.recipient ?? 'no Recipient'}, not for ${input.sp.acsUrl}`;
  }
  if (confirmation.inResponseTo !== input.requestId) {
    return 'the assertion does not answer the sign-in request this browser started';
  }
  const notOnOrAfter = parseInstant(confirmation.notOnOrAfter);
  if (notOnOrAfter === null) return 'the assertion does not say until when it may be delivered';
  if (input.nowMs - skewMs >= notOnOrAfter) return 'the assertion has expired';
  const notBefore = parseInstant(confirmation.notBefore);
  if (notBefore !== null && input.nowMs + skewMs < notBefore) {
    return 'the assertion is not valid yet';
  }
  return notOnOrAfter;
}

function parseInstant(value: string | null): number | null {
  if (value === null) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

function readResponseRoot(xml: string): { issuer: string | null; destination: string | null } {
  const root = new DOMParser({ errorHandler: {} }).parseFromString(xml, 'text/xml').documentElement;
  let issuer: string | null = null;
  for (let node = root?.firstChild ?? null; node !== null; node = node.nextSibling) {
    const element = node as Element;
    if (element.nodeType === 1 && element.localName === 'Issuer') {
      if (element.namespaceURI === ASSERTION_NS) issuer = (element.textContent ?? '').trim();
    }
  }
  return { issuer, destination: root?.getAttribute('Destination') || null };
}
