import { startLogin } from '../oidc/start-login';
import { samlRequestCookies } from '../saml/app-saml';
import { isSamlIdp } from '../saml/saml-idp';
import { startSamlLogin } from '../saml/start-saml-login';
import type { RequestContext } from './context';
import { isNavigation, redirect, sendPage } from './respond';

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** `<prefix>/login?rd=…` for this application. */
export function buildLoginPath(ctx: RequestContext, returnTo: string): string {
  return `${ctx.app.prefix}/login?rd=${encodeURIComponent(returnTo)}`;
}

/**
 * No session: a browser navigating is sent to its IdP (or to the chooser when several are
 * bound) and comes back to the URL it asked for; anything else (XHR, API client, WebSocket)
 * gets 401, since a redirect to an IdP login page would only confuse it.
 */
export async function sendToSignIn(ctx: RequestContext): Promise<void> {
  const returnTo = `${ctx.app.origin}${ctx.encodedPath}${ctx.search}`;
  if (!isNavigation(ctx)) {
    sendPage(ctx, 401, {
      title: 'Sign-in required',
      message: `${ctx.app.config.name} needs you to sign in first.`,
      hint: `Open ${ctx.app.origin}${ctx.app.prefix}/login in your browser to sign in.`,
    });
    return;
  }
  const [only, ...others] = ctx.app.idps.values();
  if (only === undefined || others.length > 0) {
    redirect(ctx, buildLoginPath(ctx, returnTo));
    return;
  }
  await redirectToIdp(ctx, only.idp.id, returnTo);
}

export async function redirectToIdp(
  ctx: RequestContext,
  idpId: string,
  returnTo: string,
): Promise<void> {
  const { app } = ctx;
  const idp = app.idps.get(idpId);
  if (!idp) throw new Error(`identity provider ${idpId} is not bound to ${app.config.name}`);
  const login = isSamlIdp(idp)
    ? await startSamlLogin({
        saml: idp,
        keyring: app.keyring,
        deploymentId: app.deploymentId,
        applicationId: app.config.id,
        returnTo,
        cookies: samlRequestCookies(app),
        nowSeconds: nowSeconds(),
      })
    : await startLogin({
        idp,
        keyring: app.keyring,
        deploymentId: app.deploymentId,
        applicationId: app.config.id,
        redirectUri: app.redirectUri,
        returnTo,
        cookies: {
          cookieBase: app.cookieBase,
          callbackPath: `${app.prefix}/callback`,
          secure: app.secure,
        },
        nowSeconds: nowSeconds(),
      });
  ctx.responseCookies.push(login.cookie);
  redirect(ctx, login.location);
}
