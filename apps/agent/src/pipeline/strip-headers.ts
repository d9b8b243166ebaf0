// Enforces: nothing the client sends can pose as something the agent vouches for. Client copies of
// every header the agent may set (each attribute-pass name and the assertion header, in any case
// and with `_` or `-`, since many servers treat `X_Email` as `X-Email`) are dropped, and so are the
// agent's own cookies and client cookies named like an attribute-pass cookie. Hop-by-hop fields
// (RFC 9110 §7.6.1), including any the client names in `Connection`, never travel upstream.
import type { IncomingHttpHeaders } from 'node:http';
import type { TApplicationConfig } from '@gatehouse/contract';
import type { PipelineStep } from './context';

/** Every cookie the agent sets starts with this; none of them ever reaches an upstream. */
export const AGENT_COOKIE_PREFIX = 'gatehouse_';

export interface StripList {
  /** Canonical names (lower case, `_` → `-`) of headers only the agent may set. */
  headers: ReadonlySet<string>;
  /** Canonical names (see canonicalCookieName) of cookies only the agent may set. */
  cookies: ReadonlySet<string>;
}

// Set again by the forward step from what the agent knows, never copied from the client.
const NEVER_COPIED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
  'host',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
  'x-request-id',
  'cookie',
]);

export function canonicalHeaderName(name: string): string {
  return name.toLowerCase().replaceAll('_', '-');
}

/**
 * A cookie name as the most lenient upstream reads it: PHP URL-decodes cookie names and turns
 * `.`, ` ` and `[` into `_`, so `gh.email`, `gh email` and `gh%5Femail` all reach it as `gh_email`.
 */
export function canonicalCookieName(name: string): string {
  let decoded = name;
  if (name.includes('%')) {
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // A malformed escape is left as it is, as PHP does.
    }
  }
  return decoded.toLowerCase().replace(/[. []/g, '_');
}

export function compileStripList(app: TApplicationConfig): StripList {
  const headers = new Set([canonicalHeaderName(app.assertion.headerName)]);
  const cookies = new Set<string>();
  for (const row of app.attributePass) {
    if (row.type === 'HEADER') headers.add(canonicalHeaderName(row.name));
    if (row.type === 'COOKIE') cookies.add(canonicalCookieName(row.name));
  }
  return { headers, cookies };
}

export interface StrippedRequest {
  /**
   * What may go upstream, before the agent adds identity and forwarding headers, as a flat
   * `[name, value, …]` list (what undici takes without another copy).
   */
  headers: string[];
  /** The client's cookies minus the agent's and the stripped ones, or '' for none. */
  cookie: string;
  /** The agent's own cookies by name, for the session step. */
  agentCookies: Map<string, string>;
}

/**
 * Works on Node's parsed header object, the one the rules read, so the upstream receives exactly
 * the fields the rules judged (Node keeps the first of duplicated single-value fields such as
 * Authorization and drops the others).
 */
export function stripRequestHeaders(
  incoming: IncomingHttpHeaders,
  strip: StripList,
): StrippedRequest {
  const connectionNamed = listConnectionOptions(incoming.connection);
  const headers: string[] = [];
  for (const name in incoming) {
    const value = incoming[name];
    if (value === undefined || NEVER_COPIED.has(name)) continue;
    // Node lower-cases these names already.
    if (connectionNamed?.has(name) || strip.headers.has(dashed(name))) continue;
    if (typeof value === 'string') headers.push(name, value);
    else for (const item of value) headers.push(name, item);
  }
  const { cookie, agentCookies } = splitCookies(incoming.cookie, strip.cookies);
  return { headers, cookie, agentCookies };
}

function dashed(lowerName: string): string {
  return lowerName.includes('_') ? lowerName.replaceAll('_', '-') : lowerName;
}

function listConnectionOptions(connection: string | undefined): Set<string> | undefined {
  if (connection === undefined) return undefined;
  // What browsers send, naming only fields that are never copied anyway.
  const lower = connection.toLowerCase();
  if (lower === 'keep-alive' || lower === 'close') return undefined;
  return new Set(lower.split(',').map((option) => option.trim()));
}

function splitCookies(header: string | undefined, stripped: ReadonlySet<string>) {
  const agentCookies = new Map<string, string>();
  if (header === undefined || header === '') return { cookie: '', agentCookies };
  const kept: string[] = [];
  for (const pair of header.split(';')) {
    const trimmed = pair.trim();
    if (trimmed === '') continue;
    const equals = trimmed.indexOf('=');
    const name = (equals === -1 ? trimmed : trimmed.slice(0, equals)).trim();
    const lowerName = name.toLowerCase();
    if (lowerName.startsWith(AGENT_COOKIE_PREFIX)) {
      agentCookies.set(name, equals === -1 ? '' : trimmed.slice(equals + 1).trim());
    } else if (stripped.size === 0 || !stripped.has(canonicalCookieName(name))) {
      kept.push(trimmed);
    }
  }
  return { cookie: kept.join('; '), agentCookies };
}

/** Pipeline step 2. */
export const stripHeaders: PipelineStep = (ctx) => {
  const stripped = stripRequestHeaders(ctx.req.headers, ctx.app.strip);
  ctx.upstreamHeaders = stripped.headers;
  ctx.upstreamCookie = stripped.cookie;
  ctx.agentCookies = stripped.agentCookies;
  return 'next';
};
