// Sends the signed samlp:Response to the service provider's ACS through the HTTP-POST binding:
// an assertion for the signed-in user, or a status saying why there is none.
import type { ServerResponse } from 'node:http';

import { sendHtml } from '../send-html';
import type { DevUser } from '../users';
import { buildErrorResponseXml, buildResponseXml } from './build-response';
import { renderPostBindingPage } from './post-binding-page';
import type { AuthnRequest } from './read-authn-request';
import type { SamlIdp } from './saml-idp';
import { generateSamlId } from './saml-id';
import { NAME_ID_FORMAT } from './saml-names';
import type { SamlSession } from './saml-sessions';
import type { SamlServiceProvider } from './service-providers';
import { signSamlResponse } from './sign-response';
import type { SamlStatus } from './status-xml';

export interface Answer {
  sp: SamlServiceProvider;
  request: AuthnRequest;
  relayState: string | undefined;
}

const SUPPORTED_NAME_ID_FORMATS: readonly (string | undefined)[] = [
  undefined,
  NAME_ID_FORMAT.unspecified,
  NAME_ID_FORMAT.emailAddress,
  NAME_ID_FORMAT.persistent,
];

export function supportsNameIdFormat(format: string | undefined): boolean {
  return SUPPORTED_NAME_ID_FORMATS.includes(format);
}

/** The NameID for a NameIDPolicy Format that supportsNameIdFormat accepted. */
export function resolveNameId(
  user: DevUser,
  requestedFormat: string | undefined,
): { nameId: string; format: string } {
  // The OIDC `sub`: stable and opaque, as the persistent format requires (saml-core §8.3.7).
  return requestedFormat === NAME_ID_FORMAT.persistent
    ? { nameId: user.sub, format: NAME_ID_FORMAT.persistent }
    : { nameId: user.email, format: NAME_ID_FORMAT.emailAddress };
}

export function sendAssertion(
  res: ServerResponse,
  idp: SamlIdp,
  answer: Answer,
  session: SamlSession,
  user: DevUser,
): void {
  const name = resolveNameId(user, answer.request.nameIdFormat);
  const participant = idp.sessions.joinSession(session, answer.sp.entityId, name.nameId);
  const issuedAt = new Date();
  const xml = buildResponseXml({
    issuer: idp.entityId,
    acsUrl: answer.sp.acsUrl,
    audience: answer.sp.entityId,
    inResponseTo: answer.request.id,
    nameId: name.nameId,
    nameIdFormat: name.format,
    attributes: {
      email: [user.email],
      username: [user.preferredUsername ?? user.email],
      groups: user.groups,
    },
    sessionIndex: participant.sessionIndex,
    authnInstant: session.authnInstant,
    sessionNotOnOrAfter: session.expiresAt,
    issuedAt,
    notOnOrAfter: new Date(issuedAt.getTime() + idp.responseLifetimeSeconds * 1000),
    responseId: generateSamlId(),
    assertionId: generateSamlId(),
  });
  postToAcs(res, answer, signSamlResponse(xml, idp.credentials));
}

export function sendErrorResponse(
  res: ServerResponse,
  idp: SamlIdp,
  answer: Answer,
  status: SamlStatus,
): void {
  const xml = buildErrorResponseXml({
    issuer: idp.entityId,
    destination: answer.sp.acsUrl,
    inResponseTo: answer.request.id,
    issuedAt: new Date(),
    responseId: generateSamlId(),
    status,
  });
  postToAcs(
    res,
    answer,
    signSamlResponse(xml, idp.credentials, { response: true, assertion: false }),
  );
}

function postToAcs(res: ServerResponse, answer: Answer, signedXml: string): void {
  res.setHeader('Cache-Control', 'no-store');
  sendHtml(
    res,
    200,
    renderPostBindingPage(answer.sp.acsUrl, {
      SAMLResponse: Buffer.from(signedXml, 'utf8').toString('base64'),
      RelayState: answer.relayState,
    }),
  );
}
