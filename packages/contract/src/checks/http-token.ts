// RFC 9110 §5.6.2 token: the only characters allowed in a header field name or cookie name.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function isHttpToken(value: string): boolean {
  return TOKEN.test(value);
}

// Header names the agent must never set on the client's behalf: framing, routing and
// hop-by-hop fields (RFC 9110 §7.6.1), and credentials the upstream relies on.
const RESERVED_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'content-type',
  'content-encoding',
  'cookie',
  'set-cookie',
  'authorization',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'forwarded',
  'x-request-id',
]);

export function isReservedHeaderName(name: string): boolean {
  return RESERVED_HEADERS.has(name.toLowerCase());
}

export const HTTP_METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'CONNECT',
  'TRACE',
] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
