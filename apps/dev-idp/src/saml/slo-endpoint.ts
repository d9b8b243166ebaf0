// SingleLogoutService (saml-profiles §4.4): an SP's LogoutRequest ends the IdP session, and a
// signed LogoutResponse goes back to the SP's registered SLO URL. The dev IdP does not propagate
// the logout to the session's other SPs; it says so with a PartialLogout second-level status.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { deflateRawSync } from 'node:zlib';

import { sendHtml } from '../send-html';
import { buildLogoutResponseXml, LOGOUT_RESPONSE_ELEMENT } from './build-logout-response';
import { renderPostBindingPage } from './post-binding-page';
import { readLogoutRequest, type LogoutRequest } from './read-logout-request';
import { receiveSamlRequest, verifySamlRequestSignature } from './receive-message';
import { buildSignedRedirectQuery } from './redirect-signature';
import { readCookie, serializeCookie, SESSION_COOKIE } from './saml-cookies';
import { isOwnEndpoint, SAML_PREFIX, type SamlIdp } from './saml-idp';
import { generateSamlId } from './saml-id';
import { STATUS } from './saml-names';
import { SamlRequestError } from './saml-error';
import type { SamlSession } from './saml-sessions';
import type { SamlServiceProvider } from './service-providers';
import { elementPath, signEnveloped } from './xml-signature';

export async function handleLogoutRequest(
  idp: SamlIdp,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const message = await receiveSamlRequest(req, url, 'LogoutRequest');
  let request = readLogoutRequest(message.doc);
  const sp = idp.serviceProviders.get(request.issuer);
  if (!sp) {
    throw new SamlRequestError(
      `The service provider ${request.issuer} is not registered at the dev IdP; it cannot sign anyone out.`,
      403,
    );
  }
  if (sp.certificate) {
    request = readLogoutRequest(
      verifySamlRequestSignature(message, sp.certificate, 'LogoutRequest'),
    );
  }
  if (!sp.sloUrl) {
    throw new SamlRequestError(
      `${sp.entityId} registered no sloUrl, so the dev IdP has nowhere to confirm the logout. Add sloUrl to its registration.`,
    );
  }
  if (!isOwnEndpoint(idp, req, request.destination, '/slo')) {
    throw new SamlRequestError(
      `The LogoutRequest is addressed to ${request.destination}, not to this IdP.`,
    );
  }

  const ended = endSessions(idp, req, sp, request);
  const othersRemain = ended.some((session) =>
    [...session.participants.keys()].some((entityId) => entityId !== sp.entityId),
  );
  if (ended.some((session) => session.id === readCookie(req, SESSION_COOKIE))) {
    res.setHeader(
      'Set-Cookie',
      serializeCookie(SESSION_COOKIE, '', {
        path: SAML_PREFIX,
        secure: idp.secureCookies,
        maxAgeSeconds: 0,
      }),
    );
  }
  const xml = buildLogoutResponseXml({
    issuer: idp.entityId,
    destination: sp.sloUrl,
    inResponseTo: request.id,
    issuedAt: new Date(),
    responseId: generateSamlId(),
    // Nothing to end is still a success: the user is signed out either way (saml-core §3.7.3.2).
    status: { code: STATUS.success, subCode: othersRemain ? STATUS.partialLogout : undefined },
  });
  sendLogoutResponse(res, idp, sp, sp.sloUrl, xml, message.relayState);
}

// The browser's own session when it is the one the SP names, and any session in which the SP
// knows the user under a SessionIndex the request lists. A request naming another user leaves the
// browser's session alone, so a forged logout link cannot sign someone else out.
function endSessions(
  idp: SamlIdp,
  req: IncomingMessage,
  sp: SamlServiceProvider,
  request: LogoutRequest,
): SamlSession[] {
  const sessions = new Map<string, SamlSession>();
  const own = idp.sessions.findSession(readCookie(req, SESSION_COOKIE));
  if (own?.participants.get(sp.entityId)?.nameId === request.nameId) {
    sessions.set(own.id, own);
  }
  for (const session of idp.sessions.findBySessionIndex(
    sp.entityId,
    request.nameId,
    request.sessionIndexes,
  )) {
    sessions.set(session.id, session);
  }
  for (const id of sessions.keys()) {
    idp.sessions.endSession(id);
  }
  return [...sessions.values()];
}

function sendLogoutResponse(
  res: ServerResponse,
  idp: SamlIdp,
  sp: SamlServiceProvider,
  sloUrl: string,
  xml: string,
  relayState: string | undefined,
): void {
  res.setHeader('Cache-Control', 'no-store');
  if (sp.sloBinding === 'HTTP-Redirect') {
    const encoded = deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64');
    const query = buildSignedRedirectQuery(
      'SAMLResponse',
      encoded,
      relayState,
      idp.credentials.privateKey,
    );
    // Appended as a string: a URL object would re-encode characters (') the signature covers.
    res.writeHead(302, { location: `${sloUrl}${sloUrl.includes('?') ? '&' : '?'}${query}` });
    res.end();
    return;
  }
  const signed = signEnveloped(xml, elementPath(LOGOUT_RESPONSE_ELEMENT), idp.credentials);
  sendHtml(
    res,
    200,
    renderPostBindingPage(sloUrl, {
      SAMLResponse: Buffer.from(signed, 'utf8').toString('base64'),
      RelayState: relayState,
    }),
  );
}
