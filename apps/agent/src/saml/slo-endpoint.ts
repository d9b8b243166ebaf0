import type { RequestContext } from '../pipeline/context';
import type { Session } from '../session/session';
import { redirect, sendPage } from '../pipeline/respond';
import { buildLoginPath, nowSeconds } from '../pipeline/sign-in';
import { listSamlIdps, samlLogoutContext } from './app-saml';
import type { SamlIdp } from './saml-idp';
import {
  clearSamlLogoutState,
  finishSamlLogout,
  nameSamlLogoutCookie,
  startSamlLogout,
} from './single-logout';

/**
 * `<prefix>/saml/slo`: the IdP's LogoutResponse to a sign-out started at `<prefix>/logout`
 * (HTTP-Redirect binding). The local session ended before the user left for the IdP; a confirmed
 * answer continues to the post-logout URL, anything else says the IdP did not confirm.
 * LogoutRequests the IdP starts on its own are not supported: the agent holds no key to sign the
 * LogoutResponse most IdPs insist on.
 */
export async function handleSamlSlo(ctx: RequestContext): Promise<void> {
  const { app } = ctx;
  const query = new URLSearchParams(ctx.search);
  const signInAgain = { href: buildLoginPath(ctx, `${app.origin}/`), label: 'Sign in again' };
  if (ctx.method !== 'GET' || !query.has('SAMLResponse')) {
    sendPage(ctx, 400, {
      title: 'Sign-out not supported here',
      message: `${app.config.name} only takes answers to sign-outs it started itself, by HTTP-Redirect.`,
      hint: `Sign out of ${app.config.name} with its own sign-out button instead.`,
      links: [signInAgain],
    });
    return;
  }
  const context = samlLogoutContext(app);
  ctx.responseCookies.push(clearSamlLogoutState(context));
  const outcome = await finishSamlLogout(
    listSamlIdps(app),
    query,
    ctx.search.slice(1),
    ctx.agentCookies.get(nameSamlLogoutCookie(app.cookieBase)),
    context,
    nowSeconds(),
  );
  if (outcome.ok) return redirect(ctx, outcome.returnTo);
  app.logger.warn(
    { requestId: ctx.requestId, problem: outcome.problem },
    'SAML logout response not accepted',
  );
  sendPage(ctx, 200, {
    title: 'Signed out',
    message: `You are signed out of ${app.config.name}, but your identity provider did not confirm signing you out there (${outcome.problem}).`,
    hint: 'Close the browser to be sure you are signed out everywhere.',
    links: [outcome.returnTo ? { href: outcome.returnTo, label: 'Continue' } : signInAgain],
  });
}

/**
 * For `<prefix>/logout` with single sign-out: the IdP's SLO URL carrying a LogoutRequest (its
 * cookie queued on the answer), or null when the IdP has no SLO endpoint.
 */
export async function startSamlSingleLogout(
  ctx: RequestContext,
  saml: SamlIdp,
  session: Session,
  returnTo: string,
): Promise<string | null> {
  const context = samlLogoutContext(ctx.app);
  const started = await startSamlLogout(saml, session, returnTo, context, nowSeconds());
  if (started === null) return null;
  ctx.responseCookies.push(started.cookie);
  return started.location;
}
