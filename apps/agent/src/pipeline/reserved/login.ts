import { resolveReturnUrl } from '../../oidc/return-url';
import type { RequestContext } from '../context';
import { sendPage } from '../respond';
import { redirectToIdp } from '../sign-in';

/**
 * `<prefix>/login?rd=<url>&idp=<id>` starts a sign-in explicitly. With several IdPs bound and
 * none chosen, it shows the chooser; `rd` is honoured only on the application's own origin.
 */
export async function handleLogin(ctx: RequestContext): Promise<void> {
  const { app } = ctx;
  const params = new URLSearchParams(ctx.search);
  const returnTo = resolveReturnUrl(params.get('rd'), app.origin);
  const chosen = params.get('idp');
  if (chosen !== null && app.idps.has(chosen)) return redirectToIdp(ctx, chosen, returnTo);
  const idps = [...app.idps.values()];
  if (idps.length === 1 && idps[0]) return redirectToIdp(ctx, idps[0].idp.id, returnTo);
  sendPage(ctx, 200, {
    title: `Sign in to ${app.config.name}`,
    message: 'Choose how you want to sign in.',
    links: idps.map(({ idp }) => ({
      href: `${app.prefix}/login?idp=${encodeURIComponent(idp.id)}&rd=${encodeURIComponent(returnTo)}`,
      label: idp.name,
    })),
  });
}
