import type { Session } from '../session/session';
import type { RequestContext } from './context';
import { redirect, sendPage } from './respond';
import { buildLoginPath } from './sign-in';

/** The IdP answered, but not with a sign-in the agent can accept; the message says why. */
export class SignInRejectedError extends Error {
  override name = 'SignInRejectedError';
}

export interface CompleteSignInInput {
  idpName: string;
  /** Where the browser was going when it was sent to sign in. */
  returnTo: string;
  nowSeconds: number;
  /** The log line of a rejected answer. */
  rejectedLog: string;
  /** Checks the IdP's answer (OIDC callback or SAML response) and makes the session. */
  finish: () => Promise<Session>;
}

/**
 * The end both sign-in protocols share: the session the IdP's answer made is saved and the
 * browser goes back where it was going. An answer the protocol refused (SignInRejectedError)
 * is a 403 page saying why, with a way to try again; anything else is a bug and propagates.
 */
export async function completeSignIn(
  ctx: RequestContext,
  input: CompleteSignInInput,
): Promise<void> {
  const { app } = ctx;
  try {
    const session = await input.finish();
    ctx.responseCookies.push(
      ...(await app.sessions.save(session, ctx.agentCookies, input.nowSeconds)),
    );
    app.logger.info(
      { requestId: ctx.requestId, sub: session.identity.sub, idp: input.idpName },
      'signed in',
    );
    redirect(ctx, input.returnTo);
  } catch (failure) {
    if (!(failure instanceof SignInRejectedError)) throw failure;
    app.logger.warn(
      { err: failure, requestId: ctx.requestId, idp: input.idpName },
      input.rejectedLog,
    );
    sendPage(ctx, 403, {
      title: 'Sign-in failed',
      message: `The answer from ${input.idpName} could not be accepted: ${failure.message}.`,
      hint: 'Try again. If it keeps failing, tell your administrator and mention the request id below.',
      links: [{ href: buildLoginPath(ctx, input.returnTo), label: 'Try again' }],
    });
  }
}
