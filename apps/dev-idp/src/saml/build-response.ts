// The samlp:Response the IdP posts to an ACS (saml-core §3.3.3, profiles §4.1.4.2), built from a
// template. The dev IdP and the testing helpers that forge attacks share it, so a forged response
// differs from a real one only where a test asks it to.
import {
  ATTRIBUTE_NAME_FORMAT_BASIC,
  BEARER,
  NS,
  PASSWORD_PROTECTED_TRANSPORT,
  STATUS,
} from './saml-names';
import { renderStatus, type SamlStatus } from './status-xml';
import { escapeXml, toSamlInstant } from './xml';

export interface AssertionInput {
  /** The IdP's entity ID: Issuer of the response and of the assertion. */
  issuer: string;
  /** Where the response goes: Destination, and SubjectConfirmationData Recipient. */
  acsUrl: string;
  /** Recipient when it should differ from acsUrl (only tests want that). */
  recipient?: string | undefined;
  /** The service provider's entity ID: the only Audience. */
  audience: string;
  /** The AuthnRequest's ID; absent only for unsolicited (IdP-initiated) responses. */
  inResponseTo: string | undefined;
  nameId: string;
  nameIdFormat: string;
  /** Each value becomes its own AttributeValue, so groups stay multi-valued. */
  attributes: Readonly<Record<string, readonly string[]>>;
  sessionIndex: string;
  authnInstant: Date;
  sessionNotOnOrAfter: Date | undefined;
  issuedAt: Date;
  /** NotOnOrAfter of the assertion's Conditions and SubjectConfirmationData. */
  notOnOrAfter: Date;
  responseId: string;
  assertionId: string;
}

export function buildResponseXml(input: AssertionInput): string {
  return renderResponse(
    { ...input, destination: input.acsUrl },
    { code: STATUS.success },
    renderAssertion(input),
  );
}

/** A Response refusing the request (no assertion), e.g. NoPassive or InvalidNameIDPolicy. */
export function buildErrorResponseXml(input: {
  issuer: string;
  destination: string;
  inResponseTo: string | undefined;
  issuedAt: Date;
  responseId: string;
  status: SamlStatus;
}): string {
  return renderResponse(input, input.status, '');
}

function renderResponse(
  header: {
    issuer: string;
    destination: string;
    inResponseTo: string | undefined;
    issuedAt: Date;
    responseId: string;
  },
  status: SamlStatus,
  assertion: string,
): string {
  const inResponseTo = header.inResponseTo
    ? ` InResponseTo="${escapeXml(header.inResponseTo)}"`
    : '';
  return `<samlp:Response xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${escapeXml(header.responseId)}" Version="2.0" IssueInstant="${toSamlInstant(header.issuedAt)}" Destination="${escapeXml(header.destination)}"${inResponseTo}>
<saml:Issuer>${escapeXml(header.issuer)}</saml:Issuer>
${renderStatus(status)}
${assertion}</samlp:Response>`;
}

function renderAssertion(input: AssertionInput): string {
  const issued = toSamlInstant(input.issuedAt);
  const notOnOrAfter = toSamlInstant(input.notOnOrAfter);
  const inResponseTo = input.inResponseTo ? ` InResponseTo="${escapeXml(input.inResponseTo)}"` : '';
  const sessionNotOnOrAfter = input.sessionNotOnOrAfter
    ? ` SessionNotOnOrAfter="${toSamlInstant(input.sessionNotOnOrAfter)}"`
    : '';
  return `<saml:Assertion xmlns:saml="${NS.assertion}" ID="${escapeXml(input.assertionId)}" Version="2.0" IssueInstant="${issued}">
<saml:Issuer>${escapeXml(input.issuer)}</saml:Issuer>
<saml:Subject>
<saml:NameID Format="${escapeXml(input.nameIdFormat)}">${escapeXml(input.nameId)}</saml:NameID>
<saml:SubjectConfirmation Method="${BEARER}">
<saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter}" Recipient="${escapeXml(input.recipient ?? input.acsUrl)}"${inResponseTo}/>
</saml:SubjectConfirmation>
</saml:Subject>
<saml:Conditions NotBefore="${issued}" NotOnOrAfter="${notOnOrAfter}">
<saml:AudienceRestriction><saml:Audience>${escapeXml(input.audience)}</saml:Audience></saml:AudienceRestriction>
</saml:Conditions>
<saml:AuthnStatement AuthnInstant="${toSamlInstant(input.authnInstant)}" SessionIndex="${escapeXml(input.sessionIndex)}"${sessionNotOnOrAfter}>
<saml:AuthnContext><saml:AuthnContextClassRef>${PASSWORD_PROTECTED_TRANSPORT}</saml:AuthnContextClassRef></saml:AuthnContext>
</saml:AuthnStatement>
${renderAttributes(input.attributes)}</saml:Assertion>
`;
}

// No xsi:type="xs:string" on the values: under exclusive c14n the "xs" prefix inside an attribute
// value is not "visibly utilized", so the signed bytes an SP reads back would name an undeclared
// prefix. Untyped values are valid (AttributeValue is xs:anyType) and every SP reads them as text.
function renderAttributes(attributes: Readonly<Record<string, readonly string[]>>): string {
  const rendered = Object.entries(attributes)
    .map(([name, values]) => {
      const valueXml = values
        .map((value) => `<saml:AttributeValue>${escapeXml(value)}</saml:AttributeValue>`)
        .join('');
      return `<saml:Attribute Name="${escapeXml(name)}" NameFormat="${ATTRIBUTE_NAME_FORMAT_BASIC}">${valueXml}</saml:Attribute>`;
    })
    .join('\n');
  return rendered ? `<saml:AttributeStatement>\n${rendered}\n</saml:AttributeStatement>\n` : '';
}
