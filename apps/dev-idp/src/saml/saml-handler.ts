// The SAML 2.0 IdP's routes, beside the OpenID provider in the same server:
//   GET      /saml/metadata   IdP metadata (entity ID, SSO and SLO endpoints, signing certificate)
//   GET|POST /saml/sso        AuthnRequest, HTTP-Redirect or HTTP-POST binding
//   GET|POST /saml/login/:id  the login form of a pending sign-in
//   GET|POST /saml/slo        LogoutRequest, HTTP-Redirect or HTTP-POST binding
import type { IncomingMessage, ServerResponse } from 'node:http';

import { sendMessage } from '../send-html';
import { buildIdpMetadataXml } from './build-metadata';
import { handleLogin } from './login-endpoint';
import { SAML_PREFIX, samlEndpoints, type SamlIdp } from './saml-idp';
import { SamlRequestError } from './saml-error';
import { handleLogoutRequest } from './slo-endpoint';
import { handleSsoRequest } from './sso-endpoint';

const LOGIN_PATH = /^\/saml\/login\/([A-Za-z0-9_-]+)$/;

export type SamlHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Answers /saml/* and resolves false for anything else. */
export function createSamlHandler(idp: SamlIdp): SamlHandler {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://idp.invalid');
    if (url.pathname !== SAML_PREFIX && !url.pathname.startsWith(`${SAML_PREFIX}/`)) {
      return false;
    }
    try {
      await route(idp, req, res, url);
    } catch (error) {
      if (error instanceof SamlRequestError) {
        sendMessage(res, error.status, 'SAML request refused', error.message);
      } else {
        console.error('dev-idp: SAML request failed', error);
        sendMessage(res, 500, 'Internal error', 'The dev IdP failed; its log has the details.');
      }
    }
    return true;
  };
}

async function route(
  idp: SamlIdp,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const login = LOGIN_PATH.exec(url.pathname);
  if (login) {
    await handleLogin(idp, req, res, login[1] ?? '');
  } else if (url.pathname === `${SAML_PREFIX}/sso`) {
    await handleSsoRequest(idp, req, res, url);
  } else if (url.pathname === `${SAML_PREFIX}/slo`) {
    await handleLogoutRequest(idp, req, res, url);
  } else if (url.pathname === `${SAML_PREFIX}/metadata`) {
    sendMetadata(idp, req, res);
  } else {
    sendMessage(res, 404, 'Not found', `The dev IdP has no SAML endpoint at ${url.pathname}.`);
  }
}

function sendMetadata(idp: SamlIdp, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET');
    throw new SamlRequestError('The metadata is read with GET.', 405);
  }
  const endpoints = samlEndpoints(idp, req);
  res.writeHead(200, { 'content-type': 'application/samlmetadata+xml; charset=utf-8' });
  res.end(
    buildIdpMetadataXml({
      entityId: idp.entityId,
      ssoUrl: endpoints.ssoUrl,
      sloUrl: endpoints.sloUrl,
      certificate: idp.credentials.certificate,
    }),
  );
}
