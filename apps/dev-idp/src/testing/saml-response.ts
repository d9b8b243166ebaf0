// Forges SAML responses for service-provider tests: the same template and signing code the dev IdP
// uses, with one knob per defect an SP must refuse. Start from a response the SP accepts (all
// defaults, signed with the dev IdP's own key), then turn exactly one knob:
//
//   unsigned            sign: 'none'
//   wrongly signed      signWith: generateSamlCredentials()  (a key the SP does not trust)
//   expired             issuedAt: new Date(Date.now() - 60 * 60 * 1000)  (NotOnOrAfter an hour ago
//                       with the default 5-minute lifetime)
//   not yet valid       issuedAt: a time in the future
//   wrong audience      audience: 'https://someone-else.example/saml/metadata'
//   wrong recipient     recipient: another ACS URL (Destination stays acsUrl)
//   wrong issuer        issuer: another IdP's entity ID (signed with the dev IdP's key all the same)
//   unsolicited         leave inResponseTo out
//   replayed            post the same samlResponse twice, or build a fresh-looking one with the
//                       assertionId (and responseId) of one the SP already accepted
//   signature wrapping  build a response signed for one user, then wrapSamlSignature() it (see
//                       saml-signature-wrapping.ts)
import { buildResponseXml } from '../saml/build-response';
import { generateSamlId } from '../saml/saml-id';
import { NAME_ID_FORMAT } from '../saml/saml-names';
import { signSamlResponse } from '../saml/sign-response';
import type { SamlCredentials } from '../saml/signing-credentials';
import type { DevIdpSaml } from '../server';

export interface SamlUser {
  email: string;
  username?: string;
  groups?: readonly string[];
}

export const ALICE: SamlUser = {
  email: 'alice@example.com',
  username: 'alice',
  groups: ['cvat-admins'],
};

export type SamlSignedParts = 'response-and-assertion' | 'response' | 'assertion' | 'none';

export interface BuildSignedSamlResponseOptions {
  /** The IdP to imitate: `idp.saml` of a running dev IdP (its entity ID, key and certificate). */
  idp: Pick<DevIdpSaml, 'entityId' | 'privateKey' | 'certificate'>;
  /** The SP's entity ID: the assertion's only Audience. */
  audience: string;
  /** The SP's ACS URL: the Destination and, unless `recipient` is given, the Recipient. */
  acsUrl: string;
  /** The ID of the AuthnRequest answered (see readAuthnRequestFromUrl); omit for unsolicited. */
  inResponseTo?: string;
  /** Defaults to alice (cvat-admins). */
  user?: SamlUser;
  /** Defaults to the user's email. */
  nameId?: string;
  nameIdFormat?: string;
  /** Which elements carry an enveloped signature; defaults to both, as the dev IdP sends. */
  sign?: SamlSignedParts;
  /** Sign with this key and certificate instead of the IdP's. */
  signWith?: SamlCredentials;
  /** Defaults to now. */
  issuedAt?: Date;
  /** NotOnOrAfter = issuedAt + this; defaults to 300. */
  lifetimeSeconds?: number;
  issuer?: string;
  recipient?: string;
  responseId?: string;
  assertionId?: string;
  sessionIndex?: string;
}

export interface ForgedSamlResponse {
  xml: string;
  /** Base64 of `xml`: the SAMLResponse form field of the HTTP-POST binding. */
  samlResponse: string;
  responseId: string;
  assertionId: string;
}

export function buildSignedSamlResponse(
  options: BuildSignedSamlResponseOptions,
): ForgedSamlResponse {
  const user = options.user ?? ALICE;
  const issuedAt = options.issuedAt ?? new Date();
  const responseId = options.responseId ?? generateSamlId();
  const assertionId = options.assertionId ?? generateSamlId();
  const xml = buildResponseXml({
    issuer: options.issuer ?? options.idp.entityId,
    acsUrl: options.acsUrl,
    recipient: options.recipient,
    audience: options.audience,
    inResponseTo: options.inResponseTo,
    nameId: options.nameId ?? user.email,
    nameIdFormat: options.nameIdFormat ?? NAME_ID_FORMAT.emailAddress,
    attributes: {
      email: [user.email],
      username: [user.username ?? user.email],
      groups: user.groups ?? [],
    },
    sessionIndex: options.sessionIndex ?? generateSamlId(),
    authnInstant: issuedAt,
    sessionNotOnOrAfter: undefined,
    issuedAt,
    notOnOrAfter: new Date(issuedAt.getTime() + (options.lifetimeSeconds ?? 300) * 1000),
    responseId,
    assertionId,
  });
  const sign = options.sign ?? 'response-and-assertion';
  const signed = signSamlResponse(xml, options.signWith ?? options.idp, {
    response: sign === 'response-and-assertion' || sign === 'response',
    assertion: sign === 'response-and-assertion' || sign === 'assertion',
  });
  return { xml: signed, samlResponse: toBase64(signed), responseId, assertionId };
}

export function toBase64(xml: string): string {
  return Buffer.from(xml, 'utf8').toString('base64');
}
