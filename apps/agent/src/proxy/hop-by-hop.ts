import type { IncomingHttpHeaders } from 'node:http';

// RFC 9110 §7.6.1: these describe one connection, not the message, and never cross a proxy.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * The upstream's response headers minus hop-by-hop fields and whatever its `Connection` names,
 * as the flat `[name, value, …]` list `writeHead` takes without building a header object.
 * `Set-Cookie` stays separate fields, exactly as the upstream sent them (RFC 6265 §3 forbids
 * folding them), with the agent's own cookies after them. `X-Request-Id` is the agent's unless
 * the upstream sent its own.
 */
export function copyResponseHeaders(
  upstream: IncomingHttpHeaders,
  agentCookies: readonly string[],
  requestId: string,
): string[] {
  const connection = upstream.connection?.toLowerCase();
  // `keep-alive` and `close`, what servers send, name only hop-by-hop fields dropped anyway.
  const named =
    connection && connection !== 'keep-alive' && connection !== 'close'
      ? new Set(connection.split(',').map((name) => name.trim()))
      : null;
  const headers: string[] = [];
  for (const name in upstream) {
    const value = upstream[name];
    if (value === undefined || HOP_BY_HOP.has(name) || named?.has(name)) continue;
    if (typeof value === 'string') headers.push(name, value);
    else for (const item of value) headers.push(name, item);
  }
  for (const cookie of agentCookies) headers.push('set-cookie', cookie);
  if (upstream['x-request-id'] === undefined) headers.push('x-request-id', requestId);
  return headers;
}
