// Enforces: one unambiguous path. Rules match the decoded, dot-segment-free, slash-collapsed path
// and the upstream receives exactly that path, re-encoded canonically, so no upstream can read a
// request as a different path than the rules did (the `/api/../admin`, `%2e%2e`, `..;` family).
import type { PipelineStep } from './context';
import { sendPage } from './respond';

export type NormalizedTarget =
  | {
      ok: true;
      /** Decoded path the rules see, e.g. `/files/a b`. */
      path: string;
      /** The same path encoded canonically for the upstream, e.g. `/files/a%20b`. */
      encodedPath: string;
      /** The query exactly as received, with its `?`, or '' when there is none. */
      search: string;
    }
  | { ok: false; reason: string };

// RFC 3986 §3.3 pchar minus `;`: Java servlet containers treat `;` as a path-parameter separator
// (`/public/..;/admin` is `/admin` to Tomcat), so it always travels encoded.
const SAFE_SEGMENT = /^[A-Za-z0-9\-._~!$&'()*+,=:@]*$/;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function normalizeTarget(target: string): NormalizedTarget {
  // Absolute-form and asterisk-form targets (RFC 9112 §3.2.2–3.2.4) name a host or nothing; an
  // origin server behind us never needs them, and accepting them invites host confusion.
  if (!target.startsWith('/')) return refuse('the request target must be a path starting with "/"');
  const questionMark = target.indexOf('?');
  const rawPath = questionMark === -1 ? target : target.slice(0, questionMark);
  const search = questionMark === -1 ? '' : target.slice(questionMark);

  const rawSegments = rawPath.split('/');
  const segments: string[] = [];
  let trailingSlash = false;
  for (let index = 1; index < rawSegments.length; index += 1) {
    const decoded = decodeSegment(rawSegments[index] ?? '');
    if (typeof decoded !== 'string') return decoded;
    // RFC 3986 §5.2.4: a final `.`, `..` or empty segment leaves the path ending in "/".
    trailingSlash = decoded === '' || decoded === '.' || decoded === '..';
    if (decoded === '' || decoded === '.') continue;
    if (decoded === '..') segments.pop();
    else segments.push(decoded);
  }
  const tail = trailingSlash && segments.length > 0 ? '/' : '';
  return {
    ok: true,
    path: `/${segments.join('/')}${tail}`,
    encodedPath: `/${segments.map(encodeSegment).join('/')}${tail}`,
    search,
  };
}

function decodeSegment(raw: string): string | { ok: false; reason: string } {
  for (let index = 0; index < raw.length; index += 1) {
    const code = raw.charCodeAt(index);
    if (code <= 0x20 || code >= 0x7f)
      return refuse('the path holds a raw space, control or non-ASCII character');
    if (code === 0x5c) return refuse('the path holds a backslash, which servers read differently');
    if (code === 0x23) return refuse('the path holds a "#"');
  }
  if (!raw.includes('%')) return raw;

  const bytes: number[] = [];
  for (let index = 0; index < raw.length; index += 1) {
    const code = raw.charCodeAt(index);
    if (code !== 0x25) {
      bytes.push(code);
      continue;
    }
    const hex = raw.slice(index + 1, index + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
      return refuse('the path holds a "%" that is not followed by two hex digits');
    }
    const value = Number.parseInt(hex, 16);
    // An encoded "/" or "\" would be one segment to us and two to an upstream that decodes first.
    if (value === 0x2f || value === 0x5c) return refuse('the path holds an encoded "/" or "\\"');
    if (value < 0x20 || value === 0x7f)
      return refuse('the path holds an encoded NUL or control character');
    bytes.push(value);
    index += 2;
  }
  try {
    return UTF8.decode(Uint8Array.from(bytes));
  } catch {
    return refuse('the path holds percent-escapes that are not valid UTF-8');
  }
}

function encodeSegment(segment: string): string {
  if (SAFE_SEGMENT.test(segment)) return segment;
  let encoded = '';
  for (const char of segment) {
    // Every character SAFE_SEGMENT refuses is one encodeURIComponent escapes (`;` included).
    encoded += SAFE_SEGMENT.test(char) ? char : encodeURIComponent(char);
  }
  return encoded;
}

function refuse(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

/** Pipeline step 1. */
export const normalizePath: PipelineStep = (ctx) => {
  const target = normalizeTarget(ctx.req.url ?? '/');
  if (!target.ok) {
    sendPage(ctx, 400, {
      title: 'This address cannot be served',
      message: `The address is ambiguous: ${target.reason}.`,
      hint: 'Check the link you followed; if it came from the application, tell your administrator.',
    });
    return 'done';
  }
  ctx.path = target.path;
  ctx.encodedPath = target.encodedPath;
  ctx.search = target.search;
  return 'next';
};
