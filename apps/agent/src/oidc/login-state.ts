import { z } from 'zod';
import { serializeCookie } from '../session/set-cookie';
import type { SessionKeyring } from '../session/session-keyring';

// Long enough to type a password and pass MFA, short enough that a stolen one is soon useless.
export const LOGIN_STATE_SECONDS = 600;

const ZLoginState = z.object({
  kind: z.literal('login'),
  deploymentId: z.string(),
  applicationId: z.string(),
  idpId: z.string(),
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  returnTo: z.string(),
  expiresAt: z.number(),
});
export type LoginState = z.infer<typeof ZLoginState>;

export interface LoginStateCookies {
  cookieBase: string;
  /** `<prefix>/callback`: the only path the browser sends the cookie to. */
  callbackPath: string;
  secure: boolean;
}

/**
 * One short-lived encrypted cookie per sign-in attempt, named after its `state`, so two tabs
 * signing in at once do not overwrite each other's PKCE verifier and nonce.
 */
export function nameLoginStateCookie(cookieBase: string, state: string): string {
  return `${cookieBase}_login_${state.replace(/[^A-Za-z0-9]/g, '').slice(0, 16)}`;
}

export async function sealLoginState(
  keyring: SessionKeyring,
  state: LoginState,
  cookies: LoginStateCookies,
): Promise<string> {
  return serializeCookie(
    nameLoginStateCookie(cookies.cookieBase, state.state),
    await keyring.seal(state),
    {
      path: cookies.callbackPath,
      secure: cookies.secure,
      maxAge: LOGIN_STATE_SECONDS,
    },
  );
}

export function clearLoginState(state: string, cookies: LoginStateCookies): string {
  return serializeCookie(nameLoginStateCookie(cookies.cookieBase, state), '', {
    path: cookies.callbackPath,
    secure: cookies.secure,
    maxAge: 0,
  });
}

/** The sign-in attempt the callback's `state` belongs to, or null when there is none (any more). */
export async function openLoginState(
  keyring: SessionKeyring,
  sealed: string | undefined,
  expected: { deploymentId: string; applicationId: string; state: string; nowSeconds: number },
): Promise<LoginState | null> {
  if (sealed === undefined) return null;
  const parsed = ZLoginState.safeParse(await keyring.open(sealed));
  if (!parsed.success) return null;
  const loginState = parsed.data;
  const matches =
    loginState.deploymentId === expected.deploymentId &&
    loginState.applicationId === expected.applicationId &&
    loginState.state === expected.state &&
    loginState.expiresAt > expected.nowSeconds;
  return matches ? loginState : null;
}
