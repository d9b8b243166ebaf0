import { finishLogin } from '../../oidc/finish-login';
import { clearLoginState, nameLoginStateCookie, openLoginState } from '../../oidc/login-state';
import { isOidcIdp } from '../../saml/saml-idp';
import { completeSignIn } from '../complete-sign-in';
import type { RequestContext } from '../context';
import { sendPage } from '../respond';
import { buildLoginPath, nowSeconds } from '../sign-in';

/**
 * `<prefix>/callback`: the IdP's answer. The sign-in attempt is found by `state` in its own
 * encrypted cookie (deleted whatever happens: each attempt is used once), the code is exchanged
 * and the ID token checked, and the user goes back to the URL first asked for.
 */
export async function handleCallback(ctx: RequestContext): Promise<void> {
  const { app } = ctx;
  const params = new URLSearchParams(ctx.search);
  const state = params.get('state') ?? '';
  const now = nowSeconds();
  const cookies = {
    cookieBase: app.cookieBase,
    callbackPath: `${app.prefix}/callback`,
    secure: app.secure,
  };
  if (state !== '') ctx.responseCookies.push(clearLoginState(state, cookies));
  const loginState =
    state === ''
      ? null
      : await openLoginState(
          app.keyring,
          ctx.agentCookies.get(nameLoginStateCookie(app.cookieBase, state)),
          { deploymentId: app.deploymentId, applicationId: app.config.id, state, nowSeconds: now },
        );
  if (loginState === null) {
    sendPage(ctx, 400, {
      title: 'Sign-in expired',
      message: 'This sign-in took too long, was already used, or was started in another browser.',
      hint: 'Start again; it only takes a moment if you are still signed in at your identity provider.',
      links: [{ href: buildLoginPath(ctx, `${app.origin}/`), label: 'Sign in again' }],
    });
    return;
  }
  const retry = { href: buildLoginPath(ctx, loginState.returnTo), label: 'Try again' };
  const bound = app.idps.get(loginState.idpId);
  // The IdP may have been switched to SAML since the sign-in started: then it is not this one.
  const idp = bound && isOidcIdp(bound) ? bound : undefined;
  const error = params.get('error');
  if (idp === undefined || error !== null) {
    sendPage(ctx, 403, {
      title: 'Sign-in refused',
      message:
        idp === undefined
          ? 'The identity provider this sign-in started with is no longer allowed for this application.'
          : `The identity provider refused the sign-in: ${params.get('error_description') ?? error}.`,
      hint: 'Try again, or ask your administrator if it keeps happening.',
      links: [retry],
    });
    return;
  }
  await completeSignIn(ctx, {
    idpName: idp.idp.name,
    returnTo: loginState.returnTo,
    nowSeconds: now,
    rejectedLog: 'sign-in rejected',
    finish: () =>
      finishLogin({
        idp,
        loginState,
        callbackUrl: new URL(`${app.redirectUri}${ctx.search}`),
        app: app.config,
        deploymentId: app.deploymentId,
        nowSeconds: now,
      }),
  });
}
