// Every route, top to bottom; the first whose path matches answers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { splitRequestTarget } from './request-target';
import { sendJson } from './respond';
import { handleApi } from './routes/api';
import { handleBytes } from './routes/bytes';
import { ANY_METHOD, type Route, type ServerState } from './routes/context';
import { handleSetCookie } from './routes/set-cookie';
import { handleUpload } from './routes/upload';
import { handleWhoami } from './routes/whoami';

const ROUTES: readonly Route[] = [
  {
    matches: (path) => path === '/api' || path.startsWith('/api/'),
    methods: ANY_METHOD,
    handle: handleApi,
  },
  {
    matches: (path) => path === '/upload',
    methods: ['POST', 'PUT', 'PATCH'],
    handle: handleUpload,
  },
  { matches: (path) => path.startsWith('/bytes/'), methods: ['GET', 'HEAD'], handle: handleBytes },
  { matches: (path) => path === '/set-cookie', methods: ['GET', 'HEAD'], handle: handleSetCookie },
  { matches: () => true, methods: ANY_METHOD, handle: handleWhoami },
];

export function createRequestListener(state: ServerState) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    routeRequest(req, res, state).catch((error: unknown) => answerUnexpectedError(res, error));
  };
}

async function routeRequest(req: IncomingMessage, res: ServerResponse, state: ServerState) {
  const target = splitRequestTarget(req.url);
  const route = ROUTES.find((candidate) => candidate.matches(target.path));
  if (route === undefined) throw new Error(`no route for ${target.path}`); // the last one matches all
  const allow = [...route.methods, 'OPTIONS'].join(', ');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { allow, 'content-length': 0 });
    res.end();
    return;
  }
  if (!route.methods.includes(req.method ?? '')) {
    req.resume();
    sendJson(
      res,
      405,
      { detail: `${req.method} is not allowed on ${target.path}; use ${allow}.` },
      { allow },
    );
    return;
  }
  await route.handle({ req, res, target, state });
}

// Most failures here are a client vanishing mid-body; otherwise log the cause under an id and
// answer without internals.
function answerUnexpectedError(res: ServerResponse, error: unknown): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  const requestId = randomUUID();
  console.error(`demo-upstream: request ${requestId} failed`, error);
  sendJson(res, 500, { detail: `The demo upstream failed; see its log for request ${requestId}.` });
}
