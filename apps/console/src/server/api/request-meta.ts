import { randomUUID } from 'node:crypto';

export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * The client address for audit events and rate-limit keys. Route handlers see no socket, only
 * headers: Next fills X-Forwarded-For from the socket when absent, and a proxy in front appends
 * its peer, so the last entry is the most trustworthy one. It stays informational: nothing
 * grants access by address.
 */
export function readRequestMeta(request: Request): RequestMeta {
  const forwarded = request.headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  // A proxy's request id is kept for correlation when it looks like one; anything else is replaced.
  const incomingId = request.headers.get('x-request-id');
  return {
    requestId: incomingId && /^[\w.-]{1,64}$/.test(incomingId) ? incomingId : randomUUID(),
    ip: last || request.headers.get('x-real-ip') || null,
    userAgent: request.headers.get('user-agent')?.slice(0, 512) ?? null,
  };
}
