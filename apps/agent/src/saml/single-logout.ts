import { randomBytes } from 'node:crypto';
import type { Profile } from '@node-saml/node-saml';
import { z } from 'zod';
import type { Session } from '../session/session';
import type { SessionKeyring } from '../session/session-keyring';
import { serializeCookie } from '../session/set-cookie';
import { createSamlClient } from './create-saml-client';
import type { SamlIdp } from './saml-idp';

const LOGOUT_STATE_SECONDS = 300;

const ZSamlLogoutState = z.object({
  kind: z.literal('saml-logout'),
  deploymentId: z.string(),
  applicationId: z.string(),
  idpId: z.string(),
  requestId: z.string(),
  issuedAt: z.string(),
  returnTo: z.string(),
  expiresAt: z.number(),
});
type SamlLogoutState = z.infer<typeof ZSamlLogoutState>;

export interface SamlLogoutContext {
  keyring: SessionKeyring;
  deploymentId: string;
  applicationId: string;
  cookieBase: string;
  /** `<prefix>/saml/slo`, where the LogoutResponse comes back. */
  sloPath: string;
  secure: boolean;
}

/** The cookie holding the pending LogoutRequest; sent only to `<prefix>/saml/slo`. */
export const nameSamlLogoutCookie = (cookieBase: string) => `${cookieBase}_slo`;

/**
 * SP-initiated single logout (saml-profiles-2.0-os §4.4): a LogoutRequest naming the session's
 * NameID and SessionIndex, by HTTP-Redirect to the IdP's SLO endpoint. Its ID goes into a cookie
 * for the LogoutResponse's InResponseTo. Null when the IdP has no SLO endpoint or the session
 * carries no NameID (signed in before SAML sessions recorded one).
 */
export async function startSamlLogout(
  saml: SamlIdp,
  session: Session,
  returnTo: string,
  context: SamlLogoutContext,
  nowSeconds: number,
): Promise<{ location: string; cookie: string } | null> {
  if (saml.idp.sloUrl === null || !session.saml) return null;
  const request = {
    id: `_${randomBytes(20).toString('hex')}`,
    issuedAt: new Date(nowSeconds * 1000).toISOString(),
  };
  const client = await createSamlClient(saml, {
    request,
    requestLifetimeSeconds: LOGOUT_STATE_SECONDS,
  });
  const user = {
    issuer: saml.idp.entityId,
    nameID: session.saml.nameId,
    nameIDFormat: session.saml.nameIdFormat ?? saml.idp.nameIdFormat,
    nameQualifier: session.saml.nameQualifier ?? undefined,
    spNameQualifier: session.saml.spNameQualifier ?? undefined,
    sessionIndex: session.saml.sessionIndex ?? undefined,
  } satisfies Profile;
  const location = await client.getLogoutUrlAsync(user, '', {});
  const state: SamlLogoutState = {
    kind: 'saml-logout',
    deploymentId: context.deploymentId,
    applicationId: context.applicationId,
    idpId: saml.idp.id,
    requestId: request.id,
    issuedAt: request.issuedAt,
    returnTo,
    expiresAt: nowSeconds + LOGOUT_STATE_SECONDS,
  };
  const cookie = serializeCookie(
    nameSamlLogoutCookie(context.cookieBase),
    await context.keyring.seal(state),
    {
      path: context.sloPath,
      secure: context.secure,
      maxAge: LOGOUT_STATE_SECONDS,
    },
  );
  return { location, cookie };
}

export type LogoutResponseOutcome =
  { ok: true; returnTo: string } | { ok: false; problem: string; returnTo: string | null };

/**
 * The IdP's LogoutResponse by HTTP-Redirect: it must be signed over the query with one of the
 * IdP's certificates, name the IdP as Issuer, report Success and, when it names a request
 * (InResponseTo), name ours. Either
 * way the local session is already gone; this only decides whether the IdP confirmed too.
 */
export async function finishSamlLogout(
  idps: ReadonlyMap<string, SamlIdp>,
  query: URLSearchParams,
  rawQuery: string,
  sealed: string | undefined,
  context: SamlLogoutContext,
  nowSeconds: number,
): Promise<LogoutResponseOutcome> {
  const parsed =
    sealed === undefined ? null : ZSamlLogoutState.safeParse(await context.keyring.open(sealed));
  const state = parsed?.success ? parsed.data : null;
  const valid =
    state !== null &&
    state.deploymentId === context.deploymentId &&
    state.applicationId === context.applicationId &&
    state.expiresAt > nowSeconds;
  const saml = valid ? idps.get(state.idpId) : undefined;
  if (!valid || saml === undefined) {
    return {
      ok: false,
      problem: 'no sign-out was started here, or it took too long',
      returnTo: null,
    };
  }
  if (!query.get('Signature')) {
    return { ok: false, problem: 'its answer is not signed', returnTo: state.returnTo };
  }
  const client = await createSamlClient(saml, {
    request: { id: state.requestId, issuedAt: state.issuedAt },
    requestLifetimeSeconds: LOGOUT_STATE_SECONDS,
  });
  try {
    const result = await client.validateRedirectAsync(Object.fromEntries(query), rawQuery);
    if (!result.loggedOut) throw new Error('the answer is not a LogoutResponse');
  } catch (error) {
    return { ok: false, problem: (error as Error).message, returnTo: state.returnTo };
  }
  return { ok: true, returnTo: state.returnTo };
}

export function clearSamlLogoutState(context: SamlLogoutContext): string {
  return serializeCookie(nameSamlLogoutCookie(context.cookieBase), '', {
    path: context.sloPath,
    secure: context.secure,
    maxAge: 0,
  });
}
