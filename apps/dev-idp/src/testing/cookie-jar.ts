// A small RFC 6265 cookie jar for driving sign-in flows with fetch({ redirect: 'manual' }).
// Like a browser it keys cookies by host, not port (RFC 6265 §8.5), so an agent and the dev IdP on
// two ports of 127.0.0.1 see each other's cookies exactly as they would in Chromium.
// SameSite is ignored: every request here is a top-level navigation.

interface StoredCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  expiresAt: number | undefined;
}

export class CookieJar {
  #cookies: StoredCookie[] = [];

  /** Stores every Set-Cookie of a response received from `url`. */
  storeFrom(response: Response, url: string | URL): void {
    for (const header of response.headers.getSetCookie()) {
      this.setCookie(header, url);
    }
  }

  setCookie(header: string, url: string | URL): void {
    const requestUrl = new URL(url);
    const cookie = parseSetCookie(header, requestUrl);
    if (!cookie) {
      return;
    }
    this.#cookies = this.#cookies.filter(
      (other) =>
        !(
          other.name === cookie.name &&
          other.domain === cookie.domain &&
          other.path === cookie.path
        ),
    );
    if (cookie.expiresAt === undefined || cookie.expiresAt > Date.now()) {
      this.#cookies.push(cookie);
    }
  }

  /** The Cookie header a browser would send to `url`, or undefined when it sends none. */
  cookieHeaderFor(url: string | URL): string | undefined {
    const pairs = this.#matching(new URL(url))
      // RFC 6265 §5.4: longer paths first.
      .sort((a, b) => b.path.length - a.path.length)
      .map((cookie) => `${cookie.name}=${cookie.value}`);
    return pairs.length ? pairs.join('; ') : undefined;
  }

  /** The value of cookie `name` that would be sent to `url`. */
  get(name: string, url: string | URL): string | undefined {
    return this.#matching(new URL(url)).find((cookie) => cookie.name === name)?.value;
  }

  #matching(url: URL): StoredCookie[] {
    const now = Date.now();
    this.#cookies = this.#cookies.filter(
      (cookie) => cookie.expiresAt === undefined || cookie.expiresAt > now,
    );
    const host = url.hostname.toLowerCase();
    return this.#cookies.filter(
      (cookie) =>
        (cookie.hostOnly ? host === cookie.domain : domainMatches(host, cookie.domain)) &&
        pathMatches(url.pathname, cookie.path) &&
        (!cookie.secure || isSecureContext(url)),
    );
  }
}

function parseSetCookie(header: string, url: URL): StoredCookie | undefined {
  const [pair = '', ...attributes] = header.split(';');
  const separator = pair.indexOf('=');
  if (separator < 1) {
    return undefined;
  }
  const cookie: StoredCookie = {
    name: pair.slice(0, separator).trim(),
    value: pair.slice(separator + 1).trim(),
    domain: url.hostname.toLowerCase(),
    hostOnly: true,
    path: defaultPath(url.pathname),
    secure: false,
    expiresAt: undefined,
  };
  let maxAgeSeen = false;
  for (const attribute of attributes) {
    const [rawKey = '', ...rest] = attribute.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (key === 'max-age' && /^-?\d+$/.test(value)) {
      maxAgeSeen = true;
      cookie.expiresAt = Date.now() + Number(value) * 1000;
    } else if (key === 'expires' && !maxAgeSeen) {
      const time = Date.parse(value);
      cookie.expiresAt = Number.isNaN(time) ? undefined : time;
    } else if (key === 'domain' && value) {
      const domain = value.replace(/^\./, '').toLowerCase();
      if (!domainMatches(cookie.domain, domain)) {
        return undefined; // §5.3 step 6: a server may not set cookies for another domain.
      }
      cookie.domain = domain;
      cookie.hostOnly = false;
    } else if (key === 'path' && value.startsWith('/')) {
      cookie.path = value;
    } else if (key === 'secure') {
      cookie.secure = true;
    }
  }
  return cookie;
}

// RFC 6265 §5.1.4
function defaultPath(path: string): string {
  const lastSlash = path.lastIndexOf('/');
  return lastSlash <= 0 ? '/' : path.slice(0, lastSlash);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  return (
    requestPath === cookiePath ||
    (requestPath.startsWith(cookiePath) &&
      (cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/'))
  );
}

function domainMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

// Chromium treats http://localhost and loopback addresses as secure contexts.
function isSecureContext(url: URL): boolean {
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
