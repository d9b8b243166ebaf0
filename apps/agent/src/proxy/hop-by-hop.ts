import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

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
 * The upstream's response headers minus hop-by-hop fields and whatever its `Connection` names.
 * `Set-Cookie` stays an array of separate fields, exactly as the upstream sent them (RFC 6265 §3
 * forbids folding them), with the agent's own cookies added.
 */
export function copyResponseHeaders(
  upstream: IncomingHttpHeaders,
  agentCookies: readonly string[],
): OutgoingHttpHeaders {
  const connection = upstream.connection;
  const named = connection
    ? new Set(connection.split(',').map((name) => name.trim().toLowerCase()))
    : null;
  const headers: OutgoingHttpHeaders = {};
  for (const name in upstream) {
    const value = upstream[name];
    if (value === undefined || HOP_BY_HOP.has(name) || named?.has(name)) continue;
    headers[name] = value;
  }
  if (agentCookies.length > 0) {
    const upstreamCookies = upstream['set-cookie'] ?? [];
    headers['set-cookie'] = [...upstreamCookies, ...agentCookies];
  }
  return headers;
}
