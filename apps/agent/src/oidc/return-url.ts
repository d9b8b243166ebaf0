/**
 * Where to send a user after signing in or out: `rd` only if it stays on the application's own
 * origin, else the application's root. Returns an absolute URL built from our origin, so the
 * Location header can never be read as protocol-relative (`//evil.example`) or scheme-relative
 * (`https:evil.example`), whatever the input looked like.
 */
export function resolveReturnUrl(rd: string | null | undefined, origin: string): string {
  const fallback = `${origin}/`;
  if (!rd) return fallback;
  // Browsers treat "\" as "/" and drop tabs and newlines while parsing (WHATWG URL), so
  // `/\evil.example` and `/\t/evil.example` are really `//evil.example`. Refuse them outright.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (/[\\\u0000-\u001f\u007f]/.test(rd)) return fallback;
  const relative = rd.startsWith('/') && !rd.startsWith('//');
  if (!relative && !rd.startsWith(`${origin}/`)) return fallback;
  const url = URL.parse(rd, origin);
  if (url === null || url.origin !== origin) return fallback;
  if (url.pathname.startsWith('//')) return fallback;
  return `${origin}${url.pathname}${url.search}${url.hash}`;
}
