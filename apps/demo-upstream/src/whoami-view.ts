import type { IncomingMessage } from 'node:http';
import type { Identity } from './identify';
import type { RequestTarget } from './request-target';
import type { Role } from './roles';

/** What `/whoami` answers as JSON, and what the page shows. */
export interface WhoamiView {
  email: string | null;
  role: Role | null;
  groups: Role[];
  authenticatedBy: 'header' | 'basic' | 'token' | null;
  method: string;
  path: string;
  query: string;
  /**
   * Lower-cased header name → every value received, always an array (even for one value), so
   * a duplicated header (say a client's X-Email that got past the proxy) is never folded away.
   */
  headers: Record<string, string[]>;
}

export function describeRequest(
  req: IncomingMessage,
  target: RequestTarget,
  identity: Identity,
): WhoamiView {
  const signedIn = identity.kind === 'signed-in' ? identity : undefined;
  return {
    email: signedIn?.email ?? null,
    role: signedIn?.role ?? null,
    groups: signedIn?.groups ?? [],
    authenticatedBy: signedIn?.authenticatedBy ?? null,
    method: req.method ?? 'GET',
    path: target.path,
    query: target.query,
    headers: req.headersDistinct as Record<string, string[]>,
  };
}
