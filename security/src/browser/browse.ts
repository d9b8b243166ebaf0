// A browser's view of the application through the agents: cookies kept per user, redirects
// followed only when asked, and the demo upstream's whoami read back.
import { CookieJar, loginThroughIdp } from '@gatehouse/dev-idp/testing';

export const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,*/*;q=0.8';

export async function browse(
  jar: CookieJar,
  url: string,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers({ accept: BROWSER_ACCEPT });
  new Headers(init.headers).forEach((value, name) => headers.set(name, value));
  const cookie = jar.cookieHeaderFor(url);
  if (cookie) headers.set('cookie', cookie);
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.storeFrom(response, url);
  return response;
}

/** Opens `url` and signs in at the dev IdP as `email`; the jar then holds the session. */
export async function signIn(url: string, email: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const { response } = await loginThroughIdp({
    startUrl: url,
    login: email,
    password: 'password',
    jar,
  });
  if (response.status !== 200)
    throw new Error(`sign-in as ${email} ended with ${response.status}: ${await response.text()}`);
  return jar;
}

export interface Whoami {
  email: string | null;
  path: string;
  headers: Record<string, string[]>;
}

/** The upstream's whoami for `jar`'s user, or the status and text of whatever answered instead. */
export async function fetchWhoami(
  jar: CookieJar,
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; whoami: Whoami | null; text: string }> {
  const response = await browse(jar, `${url}/whoami?format=json`, init);
  const text = await response.text();
  const json =
    response.status === 200 && (response.headers.get('content-type') ?? '').includes('json');
  return { status: response.status, whoami: json ? (JSON.parse(text) as Whoami) : null, text };
}

/** The agent's session cookie in `jar` (chunk 0), by name and value. */
export function sessionCookieOf(jar: CookieJar, url: string): { name: string; value: string } {
  const pair = (jar.cookieHeaderFor(url) ?? '')
    .split('; ')
    .find((cookie) => /^gatehouse_[A-Za-z0-9]+_0=/.test(cookie));
  if (!pair) throw new Error(`no session cookie for ${url}`);
  return { name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1) };
}
