import { CookieJar, loginThroughIdp } from '@gatehouse/dev-idp/testing';

export const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,*/*;q=0.8';

/** One request as a browser would send it with `jar`'s cookies, without following redirects. */
export async function browse(
  jar: CookieJar,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Response> {
  const headers = new Headers({ accept: BROWSER_ACCEPT, ...init.headers });
  const cookie = jar.cookieHeaderFor(url);
  if (cookie) headers.set('cookie', cookie);
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.storeFrom(response, url);
  return response;
}

export interface SignedIn {
  jar: CookieJar;
  response: Response;
  /** Every URL requested on the way, for assertion messages. */
  visited: string[];
}

/** Opens `startUrl` and signs in at the dev IdP as `email`, following every redirect. */
export async function signIn(
  startUrl: string,
  email: string,
  jar = new CookieJar(),
): Promise<SignedIn> {
  const { response, visited } = await loginThroughIdp({
    startUrl,
    login: email,
    password: 'password',
    jar,
  });
  return { jar, response, visited };
}

export interface Whoami {
  email: string | null;
  role: string | null;
  groups: string[];
  path: string;
  method: string;
  headers: Record<string, string[]>;
}

export async function readWhoami(response: Response): Promise<Whoami> {
  const text = await response.text();
  if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) {
    throw new Error(
      `expected the upstream's whoami JSON, got ${response.status}: ${text.slice(0, 300)}`,
    );
  }
  return JSON.parse(text) as Whoami;
}
