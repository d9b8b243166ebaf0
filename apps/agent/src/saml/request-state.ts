import { z } from 'zod';
import type { SessionKeyring } from '../session/session-keyring';

// As long as an OIDC sign-in may take (oidc/login-state.ts): a password, MFA, a coffee.
export const SAML_REQUEST_SECONDS = 600;

const ZSamlRequestState = z.object({
  kind: z.literal('saml-request'),
  deploymentId: z.string(),
  applicationId: z.string(),
  idpId: z.string(),
  /** The opaque RelayState the IdP echoes; names this cookie. */
  relayState: z.string(),
  /** The AuthnRequest's ID: the response's InResponseTo must name it. */
  requestId: z.string(),
  /** The AuthnRequest's IssueInstant, as node-saml compares it. */
  issuedAt: z.string(),
  returnTo: z.string(),
  expiresAt: z.number(),
});
export type SamlRequestState = z.infer<typeof ZSamlRequestState>;

export interface SamlRequestCookies {
  cookieBase: string;
  /** `<prefix>/saml/acs`: the only path the browser sends the cookie to. */
  acsPath: string;
  secure: boolean;
}

/** One cookie per pending AuthnRequest, named after its RelayState, so tabs do not collide. */
export function nameSamlRequestCookie(cookieBase: string, relayState: string): string {
  return `${cookieBase}_saml_${relayState.replace(/[^A-Za-z0-9]/g, '').slice(0, 16)}`;
}

export async function sealSamlRequestState(
  keyring: SessionKeyring,
  state: SamlRequestState,
  cookies: SamlRequestCookies,
): Promise<string> {
  const name = nameSamlRequestCookie(cookies.cookieBase, state.relayState);
  return serializeAcsCookie(name, await keyring.seal(state), cookies, SAML_REQUEST_SECONDS);
}

export function clearSamlRequestState(relayState: string, cookies: SamlRequestCookies): string {
  return serializeAcsCookie(nameSamlRequestCookie(cookies.cookieBase, relayState), '', cookies, 0);
}

/** The pending AuthnRequest the RelayState names, or null when there is none (any more). */
export async function openSamlRequestState(
  keyring: SessionKeyring,
  sealed: string | undefined,
  expected: {
    deploymentId: string;
    applicationId: string;
    relayState: string;
    nowSeconds: number;
  },
): Promise<SamlRequestState | null> {
  if (sealed === undefined) return null;
  const parsed = ZSamlRequestState.safeParse(await keyring.open(sealed));
  if (!parsed.success) return null;
  const state = parsed.data;
  const matches =
    state.deploymentId === expected.deploymentId &&
    state.applicationId === expected.applicationId &&
    state.relayState === expected.relayState &&
    state.expiresAt > expected.nowSeconds;
  return matches ? state : null;
}

/**
 * The IdP answers with a cross-site POST (HTTP-POST binding), which never carries SameSite=Lax
 * cookies. Over https the cookie is SameSite=None; Secure. Over plain http a browser refuses
 * SameSite=None, so the attribute is left out: browsers then treat it as Lax but still send a
 * fresh cookie with a top-level cross-site POST, and an IdP on the same site (localhost) is no
 * cross-site POST at all. The cookie only ever travels to the ACS path.
 */
function serializeAcsCookie(
  name: string,
  value: string,
  cookies: SamlRequestCookies,
  maxAge: number,
): string {
  const parts = [`${name}=${value}`, `Path=${cookies.acsPath}`, `Max-Age=${maxAge}`, 'HttpOnly'];
  if (cookies.secure) parts.push('SameSite=None', 'Secure');
  return parts.join('; ');
}
