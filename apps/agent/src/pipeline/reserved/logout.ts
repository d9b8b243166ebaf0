import { buildIdpLogoutUrl } from '../../oidc/end-session';
import { resolveReturnUrl } from '../../oidc/return-url';
import { isSamlIdp } from '../../saml/saml-idp';
import { startSamlSingleLogout } from '../../saml/slo-endpoint';
import type { RequestContext } from '../context';
import { redirect, sendPage } from '../respond';
import { buildLoginPath, nowSeconds } from '../sign-in';

/**
 * `<prefix>/logout?rd=<url>`: ends the session here (and in Redis), then, with single sign-out,
 * at the IdP (OIDC RP-initiated logout, or a SAML LogoutRequest) which returns to the post-logout
 * URL. Otherwise back to `rd` (same origin only), the post-logout URL, or a signed-out page; not
 * straight to the app, which would sign the user in again silently while the IdP session lasts.
 */
export async function handleLogout(ctx: RequestContext): Promise<void> {
  const { app } = ctx;
  const lookup = await app.sessions.read(ctx.agentCookies, nowSeconds());
  const session = lookup.status === 'valid' ? lookup.session : null;
  ctx.responseCookies.push(...(await app.sessions.clear(ctx.agentCookies)));
  if (session)
    app.logger.info({ requestId: ctx.requestId, sub: session.identity.sub }, 'signed out');

  const { singleSignOut, postLogoutRedirectUrl } = app.config.logout;
  const idp = session ? app.idps.get(session.identity.idpId) : undefined;
  if (singleSignOut && idp && session) {
    const returnTo = postLogoutRedirectUrl ?? `${app.origin}/`;
    const location = isSamlIdp(idp)
      ? await startSamlSingleLogout(ctx, idp, session, returnTo)
      : await buildIdpLogoutUrl(idp, session, returnTo);
    if (location !== null) return redirect(ctx, location);
    app.logger.warn(
      { idp: idp.idp.name },
      'single sign-out asked, but the IdP has no end-session or single logout endpoint',
    );
  }
  const rd = new URLSearchParams(ctx.search).get('rd');
  if (rd !== null) return redirect(ctx, resolveReturnUrl(rd, app.origin));
  if (postLogoutRedirectUrl !== null) return redirect(ctx, postLogoutRedirectUrl);
  sendPage(ctx, 200, {
    title: 'Signed out',
    message: `You are signed out of ${app.config.name}.`,
    links: [{ href: buildLoginPath(ctx, `${app.origin}/`), label: 'Sign in again' }],
  });
}
