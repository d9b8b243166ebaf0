// The login form for a pending SAML sign-in, the same page and password check as the OIDC flow:
//   GET  /saml/login/:id  shows the form
//   POST /saml/login/:id  checks the password, starts the IdP session and answers the ACS
import type { IncomingMessage, ServerResponse } from 'node:http';

import { renderLoginPage } from '../login-page';
import { FormError, readForm } from '../read-form';
import { sendHtml } from '../send-html';
import { sendAssertion } from './answer-service-provider';
import { readCookie, serializeCookie, SESSION_COOKIE, SIGN_IN_COOKIE } from './saml-cookies';
import { SAML_PREFIX, type SamlIdp } from './saml-idp';
import type { PendingSignIn } from './saml-sessions';
import { SamlRequestError } from './saml-error';

export async function handleLogin(
  idp: SamlIdp,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
): Promise<void> {
  const pending = findOwnPendingSignIn(idp, req, id);
  const action = `${SAML_PREFIX}/login/${pending.id}`;
  if (req.method === 'GET' || req.method === 'HEAD') {
    sendLoginPage(res, 200, idp, pending, action, '');
    return;
  }
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'GET, POST');
    throw new SamlRequestError('This page accepts GET and POST only.', 405);
  }
  let form: URLSearchParams;
  try {
    form = await readForm(req);
  } catch (error) {
    if (error instanceof FormError) throw new SamlRequestError(error.message, error.status);
    throw error;
  }
  const login = form.get('login') ?? '';
  const user = idp.users.verifyCredentials(login, form.get('password') ?? '');
  if (!user) {
    // Show the form again rather than answer the SP: a typo is not a failed authentication.
    sendLoginPage(res, 401, idp, pending, action, login, 'Wrong email or password. Try again.');
    return;
  }

  idp.sessions.endPendingSignIn(pending.id);
  // A fresh session for every password sign-in, so a ForceAuthn as someone else never inherits the
  // previous user's session or its service providers.
  const previous = readCookie(req, SESSION_COOKIE);
  if (previous !== undefined) idp.sessions.endSession(previous);
  const session = idp.sessions.createSession(user.sub);
  const secure = idp.secureCookies;
  res.setHeader('Set-Cookie', [
    serializeCookie(SESSION_COOKIE, session.id, {
      path: SAML_PREFIX,
      secure,
      maxAgeSeconds: (session.expiresAt.getTime() - Date.now()) / 1000,
    }),
    serializeCookie(SIGN_IN_COOKIE, '', { path: action, secure, maxAgeSeconds: 0 }),
  ]);
  sendAssertion(res, idp, pending, session, user);
}

// The cookie set when the sign-in began must name the same sign-in as the URL: otherwise the form
// belongs to another browser (or an attacker's page posting into someone else's sign-in).
function findOwnPendingSignIn(idp: SamlIdp, req: IncomingMessage, id: string): PendingSignIn {
  const pending = idp.sessions.findPendingSignIn(id);
  if (!pending || readCookie(req, SIGN_IN_COOKIE) !== id) {
    throw new SamlRequestError(
      'This sign-in attempt has expired or was started in another browser or tab. Go back to the application and sign in again.',
    );
  }
  return pending;
}

function sendLoginPage(
  res: ServerResponse,
  status: number,
  idp: SamlIdp,
  pending: PendingSignIn,
  action: string,
  login: string,
  error?: string,
): void {
  res.setHeader('Cache-Control', 'no-store');
  const page = renderLoginPage({
    action,
    audience: pending.sp.entityId,
    login,
    error,
    users: idp.users.list(),
  });
  sendHtml(res, status, page);
}
