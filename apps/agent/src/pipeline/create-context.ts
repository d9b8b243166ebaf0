import type { IncomingMessage } from 'node:http';
import { ensureRequestId } from '../runtime/request-id';
import { findClientAddress, readForwardedFor } from './client-address';
import type { AppRuntime, Destination, RequestContext } from './context';

const NO_COOKIES: ReadonlyMap<string, string> = new Map();

export function createContext(
  app: AppRuntime,
  req: IncomingMessage,
  destination: Destination,
): RequestContext {
  return {
    app,
    req,
    destination,
    requestId: ensureRequestId(req),
    method: req.method ?? 'GET',
    clientAddress: findClientAddress(
      req.socket.remoteAddress,
      readForwardedFor(req),
      app.trustedProxies,
    ),
    path: '/',
    encodedPath: '/',
    search: '',
    upstreamHeaders: [],
    upstreamCookie: '',
    agentCookies: NO_COOKIES,
    rule: null,
    session: null,
    derived: null,
    responseCookies: [],
  };
}
