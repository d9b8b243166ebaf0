// SingleSignOnService (saml-profiles §4.1.4.1): checks the AuthnRequest, then answers the ACS at
// once for a signed-in browser, or sends the person to the login form.
//
// Checks, in order: the issuer is a registered SP; its signature, when the SP registered a
// certificate; the ACS URL, if named, is the one registered; the answer binding is HTTP-POST; the
// Destination, if present, is this endpoint. Until all pass nothing goes to the ACS: errors are
// pages at the IdP. After that, problems the SP can act on (NoPassive, an unsupported NameID
// format) travel back to it as a signed Response with an error status.
import type { IncomingMessage, ServerResponse } from 'node:http';

import {
  sendAssertion,
  sendErrorResponse,
  supportsNameIdFormat,
  type Answer,
} from './answer-service-provider';
import { readAuthnRequest } from './read-authn-request';
import { receiveSamlRequest, verifySamlRequestSignature } from './receive-message';
import { readCookie, serializeCookie, SESSION_COOKIE, SIGN_IN_COOKIE } from './saml-cookies';
import { isOwnEndpoint, SAML_PREFIX, type SamlIdp } from './saml-idp';
import { BINDING, STATUS } from './saml-names';
import { SamlRequestError } from './saml-error';

export async function handleSsoRequest(
  idp: SamlIdp,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const answer = await readTrustedAuthnRequest(idp, req, url);
  const { request } = answer;
  if (!supportsNameIdFormat(request.nameIdFormat)) {
    sendErrorResponse(res, idp, answer, {
      code: STATUS.requester,
      subCode: STATUS.invalidNameIdPolicy,
      message: `The dev IdP cannot issue NameID format ${request.nameIdFormat}; it offers emailAddress, persistent and unspecified.`,
    });
    return;
  }

  const session = idp.sessions.findSession(readCookie(req, SESSION_COOKIE));
  const user = session && idp.users.findBySub(session.sub);
  if (session && user && !request.forceAuthn) {
    sendAssertion(res, idp, answer, session, user);
    return;
  }
  if (request.isPassive) {
    // saml-core §3.4.1: IsPassive forbids the IdP to take control of the user interface.
    sendErrorResponse(res, idp, answer, {
      code: STATUS.responder,
      subCode: STATUS.noPassive,
      message: 'Nobody is signed in at the dev IdP, and the request forbids asking.',
    });
    return;
  }
  const pending = idp.sessions.savePendingSignIn(answer);
  const path = `${SAML_PREFIX}/login/${pending.id}`;
  res.writeHead(303, {
    location: path,
    'cache-control': 'no-store',
    'set-cookie': serializeCookie(SIGN_IN_COOKIE, pending.id, { path, secure: idp.secureCookies }),
  });
  res.end();
}

async function readTrustedAuthnRequest(
  idp: SamlIdp,
  req: IncomingMessage,
  url: URL,
): Promise<Answer> {
  const message = await receiveSamlRequest(req, url, 'AuthnRequest');
  let request = readAuthnRequest(message.doc);
  const sp = idp.serviceProviders.get(request.issuer);
  if (!sp) {
    throw new SamlRequestError(
      `The service provider ${request.issuer} is not registered at the dev IdP. Add its entityId and acsUrl to DEV_IDP_SAML_SPS (or the saml.serviceProviders option).`,
      403,
    );
  }
  if (sp.certificate) {
    const signed = verifySamlRequestSignature(message, sp.certificate, 'AuthnRequest');
    request = readAuthnRequest(signed);
    if (request.issuer !== sp.entityId) {
      throw new SamlRequestError('The signed AuthnRequest names another issuer.', 403);
    }
  }
  if (request.acsUrl !== undefined && request.acsUrl !== sp.acsUrl) {
    throw new SamlRequestError(
      `The AuthnRequest asks for the assertion at ${request.acsUrl}, but ${sp.entityId} registered ${sp.acsUrl}. Fix the service provider's ACS URL or its registration.`,
      403,
    );
  }
  if (request.protocolBinding !== undefined && request.protocolBinding !== BINDING.post) {
    throw new SamlRequestError(
      `The AuthnRequest asks for the ${request.protocolBinding} binding; the dev IdP answers with HTTP-POST only.`,
    );
  }
  if (!isOwnEndpoint(idp, req, request.destination, '/sso')) {
    throw new SamlRequestError(
      `The AuthnRequest is addressed to ${request.destination}, not to this IdP. Check the SSO URL the service provider uses.`,
    );
  }
  return { sp, request, relayState: message.relayState };
}
