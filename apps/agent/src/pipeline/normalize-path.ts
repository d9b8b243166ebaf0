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
  const questionMark = target.indexOf('?');
  const rawPath = questionMark === -1 ? target : target.slice(0, questionMark);
  if (isCanonicalPath(rawPath)) {
    const search = questionMark === -1 ? '' : target.slice(questionMark);
    return { ok: true, path: rawPath, encodedPath: rawPath, search };
  }
  return normalizeTargetBySegments(target);
}

/** The general case: decode, check and rebuild segment by segment. */
export function normalizeTargetBySegments(target: string): NormalizedTarget {
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

// SAFE_SEGMENT's characters, by char code, for the scan below.
const SAFE_CHAR = Array.from({ length: 128 }, (_, code) =>
  SAFE_SEGMENT.test(String.fromCharCode(code)),
);
const SLASH = 0x2f;
const DOT = 0x2e;

/**
 * The common case, decided in one pass without allocating: a path that is already exactly what
 * the slow path would produce (only safe characters, so nothing to decode or re-encode; no empty,
 * `.` or `..` segment). Anything else takes the slow path.
 */
function isCanonicalPath(path: string): boolean {
  const length = path.length;
  if (length === 0 || path.charCodeAt(0) !== SLASH) return false;
  for (let index = 0; index < length; index += 1) {
    const code = path.charCodeAt(index);
    if (code === SLASH) {
      const next = index + 1 < length ? path.charCodeAt(index + 1) : -1;
      if (next === SLASH) return false;
      if (next === DOT) {
        const after = index + 2 < length ? path.charCodeAt(index + 2) : SLASH;
        if (after === SLASH) return false;
        if (after === DOT && (index + 3 >= length || path.charCodeAt(index + 3) === SLASH)) {
          return false;
        }
      }
    } else if (code >= 128 || !SAFE_CHAR[code]) {
      return false;
    }
  }
  return true;
}

function decodeSegment(raw: string): string | { ok: false; reason: string } {
  for (let index = 0; index < raw.length; index += 1) {
    const code = raw.charCodeAt(index);
    if (code <= 0x20 || code >= 0x7f)
      return refuse('the path holds a raw space, control or non-ASCII character');
    if (code === 0x5c) return refuse('the path holds a backslash, which servers read differently');
    if (code === 0x23) return refuse('the path holds a "#"');
  }
  if (!raw.includes('%')) return checkDecodedSegment(raw);

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
  let decoded: string;
  try {
    decoded = UTF8.decode(Uint8Array.from(bytes));
  } catch {
    return refuse('the path holds percent-escapes that are not valid UTF-8');
  }
  return checkDecodedSegment(decoded);
}

// After one decoding, these still spell a dot, a separator, a parameter or an escape.
const STILL_ENCODED = /%(2e|2f|5c|25|3b|00)/i;
const STRUCTURAL = /[./\\;%]/g;

/**
 * Refuses a decoded segment that some upstream reads as something else than a plain name, so
 * that the rule decision holds for every reading of the path (all found by the path-confusion
 * suite, test/security/path-confusion.test.ts):
 * - `..;x` or `.;x`: a dot segment once `;` parameters are dropped (Tomcat, Spring, Jetty);
 * - `%2e%2e`, `%2f` left after one decoding: dots or slashes to an upstream that decodes twice;
 * - `．．` (U+FF0E) or `‥` (U+2025): dots to an upstream that folds Unicode compatibility forms
 *   (NFKC), as Windows and some Java servers do.
 */
function checkDecodedSegment(segment: string): string | { ok: false; reason: string } {
  if (segment.includes(';')) {
    const name = segment.slice(0, segment.indexOf(';'));
    if (name === '.' || name === '..') {
      return refuse('the path holds a dot segment with ";" parameters');
    }
  }
  if (segment.includes('%') && STILL_ENCODED.test(segment)) {
    return refuse('the path is encoded twice (a "%25" escape hides a dot, slash or escape)');
  }
  if (!isAscii(segment)) {
    const folded = segment.normalize('NFKC');
    if (folded !== segment && countStructural(folded) !== countStructural(segment)) {
      return refuse('the path holds Unicode look-alikes of ".", "/", "\\", ";" or "%"');
    }
  }
  return segment;
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    if (text.charCodeAt(index) >= 0x80) return false;
  }
  return true;
}

function countStructural(text: string): number {
  return text.match(STRUCTURAL)?.length ?? 0;
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
