import { ZSession, type Session, type SessionTimes } from './session';

export type SessionLookup =
  | { status: 'valid'; session: Session }
  /** No session cookie at all. */
  | { status: 'none' }
  /** A session cookie we cannot accept: tampered, expired, revoked or from elsewhere. */
  | { status: 'refused' };

/** Where sessions live: the encrypted cookie itself, or Redis behind an opaque cookie. */
export interface SessionStore {
  /** Synchronous when the session is cached, which is the hot path. */
  read(
    cookies: ReadonlyMap<string, string>,
    nowSeconds: number,
  ): SessionLookup | Promise<SessionLookup>;
  /** Stores the session; returns the Set-Cookie values to send. */
  save(
    session: Session,
    cookies: ReadonlyMap<string, string>,
    nowSeconds: number,
  ): Promise<string[]>;
  /** Ends the session; returns the Set-Cookie values that delete it from the browser. */
  clear(cookies: ReadonlyMap<string, string>): Promise<string[]>;
}

export interface SessionStoreSettings {
  deploymentId: string;
  applicationId: string;
  /** Session cookies are `<cookieBase>_0`, `<cookieBase>_1`, … */
  cookieBase: string;
  secure: boolean;
  times: SessionTimes;
}

export class SessionStoreUnavailableError extends Error {
  override name = 'SessionStoreUnavailableError';
}

export const NO_SESSION: SessionLookup = { status: 'none' };
export const REFUSED_SESSION: SessionLookup = { status: 'refused' };

/** A decrypted payload as a session of this deployment and application, or null. */
export function acceptSession(payload: unknown, settings: SessionStoreSettings): Session | null {
  const parsed = ZSession.safeParse(payload);
  if (!parsed.success) return null;
  const session = parsed.data;
  if (session.deploymentId !== settings.deploymentId) return null;
  if (session.applicationId !== settings.applicationId) return null;
  return session;
}
