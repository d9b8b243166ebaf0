import type { IncomingMessage } from 'node:http';

// The IdP session, sent on every /saml request so a second AuthnRequest needs no password.
// SameSite=Lax: sent on the top-level GET an SP's HTTP-Redirect AuthnRequest is, not on a
// cross-site POST (an HTTP-POST AuthnRequest then shows the form again, which is safe).
export const SESSION_COOKIE = 'dev_idp_saml_session';
// Binds a pending sign-in to the browser that started it, scoped to its own /saml/login/<id>
// path; SameSite=Lax keeps another site from posting credentials into it (login CSRF).
export const SIGN_IN_COOKIE = 'dev_idp_saml_signin';

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name) {
      return pair.slice(separator + 1).trim();
    }
  }
  return undefined;
}

export function serializeCookie(
  name: string,
  value: string,
  options: { path: string; secure: boolean; maxAgeSeconds?: number },
): string {
  const parts = [`${name}=${value}`, `Path=${options.path}`, 'HttpOnly', 'SameSite=Lax'];
  if (options.maxAgeSeconds !== undefined) {
    parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`);
  }
  if (options.secure) {
    parts.push('Secure');
  }
  return parts.join('; ');
}
