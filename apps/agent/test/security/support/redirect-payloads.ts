// Return-URL payloads built from the pieces open-redirect advisories are made of: other hosts
// (plain, IDN and homoglyphs), slash and backslash tricks, schemes, userinfo, script schemes,
// whitespace and control characters; each then travels plain, encoded and double-encoded.

export interface RedirectPayload {
  /** What the row is called in the report. */
  name: string;
  /** The `rd` value exactly as the agent decodes it from the query. */
  value: string;
}

// Hosts a browser could be sent to instead of ours.
const FOREIGN_HOSTS = [
  'evil.example',
  'xn--vl-6kc.example', // IDN (punycode)
  'еvil.example', // Cyrillic "е"
  'evil。example', // ideographic full stop: a dot to the URL parser
  '127.0.0.2',
];

// Ways to make a path-looking string start a new authority.
const AUTHORITY_TRICKS = [
  '//',
  '///',
  '////',
  '\\\\',
  '\\/',
  '/\\',
  '/\\/',
  '/%5c',
  '/%2f',
  '%2f%2f',
  '/%09/',
  '/\t/',
  '/\n/',
  '/\r\n/',
  ' //',
  '\t//',
  '/./',
  '/../',
  '/.//',
  '/..//',
  '／／', // fullwidth solidus
];

const SCHEMES = [
  'http://',
  'https://',
  'HTTP://',
  'hTTpS://',
  'http:',
  'https:',
  'http:/',
  'http:\\\\',
  'http:/\\',
  'ftp://',
  'ws://',
];

const SCRIPT_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'javascript://%0aalert(1)',
  'javascript:%2f%2f%0aalert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
];

const LEADING_NOISE = ['\u0000', '\u000b', '\u000c', '\u00a0', '\u2028', '\ufeff', '\u200b'];

/** Payloads aimed at an application whose origin is `origin` (e.g. `http://127.0.0.1:4000`). */
export function buildRedirectPayloads(origin: string): RedirectPayload[] {
  const host = new URL(origin).host;
  const payloads: RedirectPayload[] = [];
  // Names are JSON-quoted so tabs, newlines and control characters stay visible in the report.
  const add = (kind: string, value: string) =>
    payloads.push({ name: `${kind} ${JSON.stringify(value)}`, value });

  for (const foreign of FOREIGN_HOSTS) {
    for (const trick of AUTHORITY_TRICKS) add('authority trick', `${trick}${foreign}/`);
    for (const scheme of SCHEMES) add('scheme', `${scheme}${foreign}/`);
  }
  // Userinfo and look-alike origins: our own origin as a prefix of someone else's.
  for (const value of [
    `${origin}@evil.example/`,
    `${origin}.evil.example/`,
    `${origin}:443@evil.example/`,
    `${origin}%40evil.example/`,
    `${origin}\\@evil.example/`,
    `${origin}evil.example/`,
    `http://${host}@evil.example/`,
    `//${host}@evil.example/`,
    `//evil.example\\@${host}/`,
    `http://evil.example#@${host}/`,
    `http://evil.example?@${host}/`,
    `http://evil.example\\.${host}/`,
    `//evil.example%23@${host}/`,
    `${origin}/..//evil.example/`,
    `${origin}/%2e%2e//evil.example/`,
    `${origin}//evil.example/`,
    `${origin}/\\evil.example/`,
    `${origin.replace('http', 'https')}/`,
    `${origin.replace('127.0.0.1', 'localhost')}/`,
    `${origin}0/`,
  ]) {
    add('userinfo or look-alike', value);
  }
  for (const url of SCRIPT_URLS) add('script', url);
  for (const noise of LEADING_NOISE) {
    for (const base of ['//evil.example/', 'javascript:alert(1)', '/\\evil.example/']) {
      add('leading noise', `${noise}${base}`);
    }
  }
  return payloads;
}

export type PayloadForm = 'plain' | 'encoded' | 'double-encoded';

/** The value the agent decodes, for a payload sent in `form`. */
export function applyForm(value: string, form: PayloadForm): string {
  if (form === 'plain') return value;
  if (form === 'encoded') return encodeURIComponent(value);
  return encodeURIComponent(encodeURIComponent(value));
}

/**
 * Where a browser lands when it follows `location` from a page on `origin`, or null when it would
 * not follow it at all. WHATWG URL parsing is what browsers do (backslashes, tabs and all).
 */
export function landingOrigin(location: string, origin: string): string | null {
  const url = URL.parse(location, `${origin}/`);
  return url === null ? null : url.origin;
}
