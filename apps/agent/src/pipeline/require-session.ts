// Enforces: a PROTECTED request carries a valid session of this application: not tampered,
// not from another deployment or application, within its lifetime and idle timeout, from an IdP
// still bound to the application. Tokens are refreshed before they expire; a refresh the IdP
// refuses sends the user to sign in again, one it cannot answer (outage) keeps the session.
// Without a session, the user is sent to sign in.
import { IdpUnreachableError } from '../oidc/idp-client';
import { isRefreshDue, refreshSession } from '../oidc/refresh-session';
import { isOidcIdp } from '../saml/saml-idp';
import { findTouchInterval, type Session } from '../session/session';
import type { SessionLookup } from '../session/session-store';
import type { PipelineStep, RequestContext, StepOutcome } from './context';
import { nowSeconds, sendToSignIn } from './sign-in';

// Requests still carrying the cookie from before a refresh reuse its result for this long.
const REFRESH_REUSE_MS = 30_000;

/** Pipeline step 5. */
export const requireSession: PipelineStep = (ctx) => {
  if (ctx.rule?.action !== 'PROTECTED') return 'next';
  const now = nowSeconds();
  const lookup = ctx.app.sessions.read(ctx.agentCookies, now);
  if (lookup instanceof Promise) return lookup.then((found) => continueWith(ctx, found, now));
  return continueWith(ctx, lookup, now);
};

function continueWith(
  ctx: RequestContext,
  lookup: SessionLookup,
  now: number,
): StepOutcome | Promise<StepOutcome> {
  if (lookup.status !== 'valid') return signInAgain(ctx, lookup.status === 'refused');
  const { session } = lookup;
  if (!ctx.app.idps.has(session.identity.idpId)) return signInAgain(ctx, true);
  if (isRefreshDue(session, now)) return refresh(ctx, session, now);
  ctx.session = session;
  if (now - session.lastSeenAt >= findTouchInterval(ctx.app.config.session)) {
    return save(ctx, { ...session, lastSeenAt: now }, now);
  }
  return 'next';
}

async function refresh(ctx: RequestContext, session: Session, now: number): Promise<StepOutcome> {
  const { app } = ctx;
  const key = `${session.id}:${session.refreshAt}`;
  let pending = app.refreshes.get(key);
  if (pending === undefined) {
    const idp = app.idps.get(session.identity.idpId);
    // SAML sessions carry no refresh token, so only OIDC sessions ever get here.
    if (!idp || !isOidcIdp(idp)) return signInAgain(ctx, true);
    pending = refreshSession(idp, session, now);
    app.refreshes.set(key, pending);
    setTimeout(() => app.refreshes.delete(key), REFRESH_REUSE_MS).unref();
    // An unreachable IdP's answer is kept for REFRESH_REUSE_MS too: requests meanwhile reuse it
    // instead of each waiting for a connection that will not come.
    pending.catch((error: unknown) => {
      if (!(error instanceof IdpUnreachableError)) app.refreshes.delete(key);
    });
  }
  let refreshed: Session;
  try {
    refreshed = await pending;
  } catch (error) {
    if (error instanceof IdpUnreachableError) {
      // The IdP is down, not refusing: the session stays good until its own end (lifetime, idle
      // timeout), and the refresh is tried again later. Signing the user out here would turn an
      // IdP outage into an outage of every application, with no way to sign in again.
      app.logger.warn(
        { err: error, requestId: ctx.requestId, sub: session.identity.sub },
        'token refresh failed: identity provider unreachable; keeping the session',
      );
      ctx.session = session;
      return 'next';
    }
    app.logger.info(
      { err: error, requestId: ctx.requestId, sub: session.identity.sub },
      'token refresh failed; signing in again',
    );
    return signInAgain(ctx, true);
  }
  return save(ctx, refreshed, now);
}

async function save(ctx: RequestContext, session: Session, now: number): Promise<StepOutcome> {
  ctx.session = session;
  ctx.responseCookies.push(...(await ctx.app.sessions.save(session, ctx.agentCookies, now)));
  return 'next';
}

async function signInAgain(ctx: RequestContext, clearCookies: boolean): Promise<StepOutcome> {
  if (clearCookies) ctx.responseCookies.push(...(await ctx.app.sessions.clear(ctx.agentCookies)));
  await sendToSignIn(ctx);
  return 'done';
}
