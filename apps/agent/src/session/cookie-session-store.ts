import { clearChunkedCookie, readChunkedCookie, writeChunkedCookie } from './cookie-chunks';
import { findSessionEnd, type Session } from './session';
import { SessionCache } from './session-cache';
import type { SessionKeyring } from './session-keyring';
import {
  acceptSession,
  NO_SESSION,
  REFUSED_SESSION,
  type SessionLookup,
  type SessionStore,
  type SessionStoreSettings,
} from './session-store';

/**
 * The whole session, encrypted, in the browser's cookies: any agent replica with the deployment's
 * keys reads it, and nothing is stored server-side (so a session cannot be revoked before it
 * ends; use Redis for that).
 */
export function createCookieSessionStore(
  settings: SessionStoreSettings,
  keyring: SessionKeyring,
  cache = new SessionCache<Session>(10_000),
): SessionStore {
  const base = settings.cookieBase;
  const attributes = (maxAge: number) => ({ path: '/', secure: settings.secure, maxAge });

  function verify(value: string, payload: unknown, nowSeconds: number): SessionLookup {
    const session = acceptSession(payload, settings);
    if (session === null) return REFUSED_SESSION;
    const end = findSessionEnd(session, settings.times);
    if (end <= nowSeconds) return REFUSED_SESSION;
    cache.set(value, session, end * 1000);
    return { status: 'valid', session };
  }

  return {
    read(cookies, nowSeconds) {
      const value = readChunkedCookie(cookies, base);
      if (value === null) return NO_SESSION;
      const cached = cache.get(value, nowSeconds * 1000);
      if (cached !== undefined) return { status: 'valid', session: cached };
      return keyring.open(value).then((payload) => verify(value, payload, nowSeconds));
    },
    async save(session, cookies, nowSeconds) {
      const value = await keyring.seal(session);
      const end = findSessionEnd(session, settings.times) * 1000;
      cache.set(value, session, end);
      // Requests still carrying the previous cookie of the same session (sent before the browser
      // stored the new one, or by a client that never stores cookies) get the saved session too,
      // instead of each sealing and sending yet another cookie. Only for the same session id:
      // the cookie a sign-in replaces must never open the new user's session.
      const previous = readChunkedCookie(cookies, base);
      if (previous !== null && cache.peek(previous, nowSeconds * 1000)?.id === session.id) {
        cache.set(previous, session, end);
      }
      return writeChunkedCookie(base, value, cookies, attributes(session.expiresAt - nowSeconds));
    },
    clear(cookies) {
      const value = readChunkedCookie(cookies, base);
      if (value !== null) cache.delete(value);
      return Promise.resolve(clearChunkedCookie(base, cookies, attributes(0)));
    },
  };
}
