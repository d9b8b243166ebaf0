import { completeSignIn } from '../pipeline/complete-sign-in';
import type { RequestContext } from '../pipeline/context';
import { sendPage } from '../pipeline/respond';
import { buildLoginPath, nowSeconds } from '../pipeline/sign-in';
import { listSamlIdps, samlRequestCookies } from './app-saml';
import { BodyTooLargeError, readFormBody } from './read-form-body';
import {
  clearSamlRequestState,
  nameSamlRequestCookie,
  openSamlRequestState,
} from './request-state';

const MAX_FORM_BYTES = 512 * 1024;

/**
 * `<prefix>/saml/acs`: the AssertionConsumerService, HTTP-POST binding. The response must answer
 * an AuthnRequest this browser started here (its RelayState names the encrypted request cookie,
 * deleted whatever happens), so unsolicited (IdP-initiated) responses are refused: accepting them
 * would let anyone who holds a valid assertion sign a victim in as someone else (login CSRF).
 */
export async function handleSamlAcs(ctx: RequestContext): Promise<void> {
  const { app } = ctx;
  if (ctx.method !== 'POST' || ctx.destination.kind !== 'response') {
    sendPage(ctx, 405, {
      title: 'Not a sign-in',
      message:
        'This address receives sign-in answers that identity providers post; there is nothing to open here.',
      links: [{ href: buildLoginPath(ctx, `${app.origin}/`), label: 'Sign in' }],
    });
    return;
  }
  let form: URLSearchParams;
  try {
    form = await readFormBody(ctx.req, MAX_FORM_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    sendPage(ctx, 413, {
      title: 'Sign-in answer too large',
      message: `The answer ${error.message}.`,
    });
    return;
  }
  const now = nowSeconds();
  const relayState = form.get('RelayState') ?? '';
  const cookies = samlRequestCookies(app);
  if (relayState !== '') ctx.responseCookies.push(clearSamlRequestState(relayState, cookies));
  const requestState =
    relayState === ''
      ? null
      : await openSamlRequestState(
          app.keyring,
          ctx.agentCookies.get(nameSamlRequestCookie(app.cookieBase, relayState)),
          {
            deploymentId: app.deploymentId,
            applicationId: app.config.id,
            relayState,
            nowSeconds: now,
          },
        );
  const samlResponse = form.get('SAMLResponse') ?? '';
  if (requestState === null || samlResponse === '') {
    sendPage(ctx, 400, {
      title: 'Sign-in expired',
      message:
        'This sign-in answer does not belong to a sign-in started in this browser: it took too long, was already used, or was sent by the identity provider on its own.',
      hint: `Start signing in from ${app.config.name} itself; it only takes a moment if you are still signed in at your identity provider.`,
      links: [{ href: buildLoginPath(ctx, `${app.origin}/`), label: 'Sign in again' }],
    });
    return;
  }
  const retry = { href: buildLoginPath(ctx, requestState.returnTo), label: 'Try again' };
  const saml = listSamlIdps(app).get(requestState.idpId);
  if (saml === undefined) {
    sendPage(ctx, 403, {
      title: 'Sign-in refused',
      message:
        'The identity provider this sign-in started with is no longer allowed for this application.',
      hint: 'Try again, or ask your administrator if it keeps happening.',
      links: [retry],
    });
    return;
  }
  await completeSignIn(ctx, {
    idpName: saml.idp.name,
    returnTo: requestState.returnTo,
    nowSeconds: now,
    rejectedLog: 'SAML sign-in rejected',
    finish: async () => {
      // node-saml and the XML parser load with the first SAML answer, not with every agent.
      const { finishSamlLogin } = await import('./finish-saml-login');
      return finishSamlLogin({
        saml,
        requestState,
        samlResponse,
        app: app.config,
        deploymentId: app.deploymentId,
        replayCache: app.samlReplayCache,
        nowMs: Date.now(),
      });
    },
  });
}
