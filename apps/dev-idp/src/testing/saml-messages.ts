// Small helpers for driving an SP's SAML endpoints by hand in tests.
import { inflateRawSync } from 'node:zlib';

import { readAuthnRequest } from '../saml/read-authn-request';
import { parseSamlXml } from '../saml/xml';
import type { CookieJar } from './cookie-jar';

export interface RedirectedAuthnRequest {
  /** What a response must name in InResponseTo. */
  id: string;
  issuer: string;
  acsUrl: string | undefined;
  relayState: string | undefined;
  xml: string;
}

/**
 * Decodes the AuthnRequest in an HTTP-Redirect binding URL, such as the Location an SP answers
 * for a protected page, so a test can answer it with a forged response.
 */
export function readAuthnRequestFromUrl(url: string | URL): RedirectedAuthnRequest {
  const parsed = new URL(url);
  const encoded = parsed.searchParams.get('SAMLRequest');
  if (!encoded) {
    throw new Error(`${parsed.href} carries no SAMLRequest.`);
  }
  const xml = inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8');
  const request = readAuthnRequest(parseSamlXml(xml, 'AuthnRequest'));
  return {
    id: request.id,
    issuer: request.issuer,
    acsUrl: request.acsUrl,
    relayState: parsed.searchParams.get('RelayState') ?? undefined,
    xml,
  };
}

/** POSTs a SAMLResponse to an ACS as a browser's HTTP-POST binding form would; no redirects. */
export async function postSamlResponse(options: {
  acsUrl: string | URL;
  samlResponse: string;
  relayState?: string;
  /** Sends and keeps cookies, e.g. the SP's cookie binding its pending AuthnRequest. */
  jar?: CookieJar;
}): Promise<Response> {
  const body = new URLSearchParams({ SAMLResponse: options.samlResponse });
  if (options.relayState !== undefined) body.set('RelayState', options.relayState);
  const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded' });
  const cookie = options.jar?.cookieHeaderFor(options.acsUrl);
  if (cookie) headers.set('cookie', cookie);
  const response = await fetch(options.acsUrl, {
    method: 'POST',
    headers,
    body,
    redirect: 'manual',
  });
  options.jar?.storeFrom(response, options.acsUrl);
  return response;
}
