import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { IpRanges } from './ip-ranges';
import { unmapIpv4 } from './ip-ranges';

/**
 * The client's address for source-IP rules and `X-Forwarded-For`. `X-Forwarded-For` is believed
 * only as far as it was written by trusted proxies: walking from the right (the hop nearest to
 * us), each trusted address lets us read one entry further; the first untrusted one is the client.
 * Anything to its left could have been typed by the client.
 */
export function findClientAddress(
  peerAddress: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: IpRanges | null,
): string {
  const peer = unmapIpv4(peerAddress ?? '');
  if (trustedProxies === null || forwardedFor === undefined || !trustedProxies.includes(peer)) {
    return peer;
  }
  const hops = forwardedFor.split(',').map((hop) => unmapIpv4(hop.trim()));
  let client = peer;
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index] ?? '';
    if (isIP(hop) === 0) return client;
    client = hop;
    if (!trustedProxies.includes(hop)) return client;
  }
  return client;
}

/** The `X-Forwarded-For` to send upstream: the trusted chain, then the peer that reached us. */
export function buildForwardedFor(
  peerAddress: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: IpRanges | null,
): string {
  const peer = unmapIpv4(peerAddress ?? '');
  if (trustedProxies !== null && forwardedFor && trustedProxies.includes(peer)) {
    return `${forwardedFor}, ${peer}`;
  }
  return peer;
}

/** Every `X-Forwarded-For` field the request carries, as one list (RFC 9110 §5.3). */
export function readForwardedFor(req: IncomingMessage): string | undefined {
  const value = req.headers['x-forwarded-for'];
  return Array.isArray(value) ? value.join(', ') : value;
}
