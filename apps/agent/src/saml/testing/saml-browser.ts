import {
  CookieJar,
  postSamlResponse,
  readAuthnRequestFromUrl,
  type RedirectedAuthnRequest,
} from '@gatehouse/dev-idp/testing';
import { expect } from 'vitest';
import { browse } from '../../pipeline/testing/browser';
import type { SamlStack } from './start-saml-stack';

export interface StartedSamlSignIn {
  jar: CookieJar;
  /** The AuthnRequest the agent sent the browser to the IdP with. */
  request: RedirectedAuthnRequest;
  /** What `buildSignedSamlResponse` needs to answer it as the dev IdP would. */
  answer: {
    idp: SamlStack['idp']['saml'];
    audience: string;
    acsUrl: string;
    inResponseTo: string;
  };
}

/** Opens a protected page and stops where the agent redirects the browser to the IdP. */
export async function startSamlSignIn(
  stack: SamlStack,
  path = '/whoami?format=json',
  jar = new CookieJar(),
): Promise<StartedSamlSignIn> {
  const response = await browse(jar, `${stack.agent.url}${path}`);
  expect(response.status).toBe(302);
  const location = response.headers.get('location') ?? '';
  expect(location.startsWith(`${stack.idp.saml.ssoUrl}?`), location).toBe(true);
  const request = readAuthnRequestFromUrl(location);
  return {
    jar,
    request,
    answer: {
      idp: stack.idp.saml,
      audience: stack.sp.entityId,
      acsUrl: stack.sp.acsUrl,
      inResponseTo: request.id,
    },
  };
}

/** Posts a SAMLResponse to the agent's ACS as the browser would, with the sign-in's RelayState. */
export function postToAcs(stack: SamlStack, started: StartedSamlSignIn, samlResponse: string) {
  return postSamlResponse({
    acsUrl: stack.sp.acsUrl,
    samlResponse,
    relayState: started.request.relayState,
    jar: started.jar,
  });
}

/**
 * The ACS refused: an error page saying why, no session cookie set (every Set-Cookie deletes),
 * and the browser is still sent to sign in when it opens the application.
 */
export async function expectRefused(
  stack: SamlStack,
  started: StartedSamlSignIn,
  response: Response,
  reason: RegExp,
  status = 403,
): Promise<void> {
  const page = await response.text();
  expect(response.status, page).toBe(status);
  expect(response.headers.get('content-type')).toContain('text/html');
  expect(page).toMatch(reason);
  for (const cookie of response.headers.getSetCookie()) expect(cookie).toContain('Max-Age=0');
  const after = await browse(started.jar, `${stack.agent.url}/whoami?format=json`);
  expect(after.status).toBe(302);
  expect(after.headers.get('location')).toMatch(new RegExp(`^${stack.idp.saml.ssoUrl}\\?`));
}
