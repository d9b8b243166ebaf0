import { decode, encode, type JWT } from 'next-auth/jwt';
import { getEnv } from '@/env';

/** next-auth's cookie name: the `__Secure-` prefix only where the console is served over https. */
export function sessionCookieName(): string {
  const secure = getEnv().publicUrl.protocol === 'https:';
  return secure ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

export interface SessionClaims {
  userId: string;
  organizationId: string;
}

/**
 * Reads the next-auth session JWT from the request's cookies (next-auth splits large ones into
 * `.0`, `.1`, … chunks). Decoding here rather than through getServerSession keeps route handlers
 * callable with a plain Request, which is how the tests drive them.
 */
export async function readSessionClaims(request: Request): Promise<SessionClaims | null> {
  const name = sessionCookieName();
  const cookies = parseCookies(request.headers.get('cookie') ?? '');
  const chunks = [...cookies.entries()]
    .filter(([key]) => key === name || key.startsWith(`${name}.`))
    .sort(([a], [b]) => chunkIndex(a) - chunkIndex(b));
  if (chunks.length === 0) return null;
  let token: JWT | null;
  try {
    token = await decode({
      token: chunks.map(([, value]) => value).join(''),
      secret: getEnv().authSecret,
    });
  } catch {
    return null;
  }
  const userId = token?.sub;
  const organizationId = token?.organizationId;
  if (typeof userId !== 'string' || typeof organizationId !== 'string') return null;
  return { userId, organizationId };
}

/** A session cookie exactly as next-auth would issue it; for tests and tooling. */
export async function encodeSessionCookie(claims: SessionClaims): Promise<string> {
  const value = await encode({
    token: { sub: claims.userId, organizationId: claims.organizationId },
    secret: getEnv().authSecret,
  });
  return `${sessionCookieName()}=${value}`;
}

function chunkIndex(name: string): number {
  const suffix = Number(name.split('.').pop());
  return Number.isInteger(suffix) ? suffix : -1;
}

function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    if (!cookies.has(name)) cookies.set(name, decodeURIComponentSafe(value));
  }
  return cookies;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
