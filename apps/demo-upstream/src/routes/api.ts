// A CVAT-shaped /api: a public about endpoint and login, then every other path authenticated the
// way CVAT does (API credentials before the X-Email sign-in). Unknown paths answer an echo of the
// caller and the request instead of 404, so proxy rules can be tested on any API path.
import type { Identity } from '../identify';
import { identifyRequest } from '../identify';
import { digestBody } from '../read-body';
import { sendJson } from '../respond';
import { handleLogin } from './api-login';
import type { RouteContext } from './context';

export const DEMO_UPSTREAM_VERSION = '0.1.0';

// DRF names its first authenticator's scheme; CVAT's first is Token. Unlike Basic it makes no
// browser pop up a password prompt.
const CHALLENGE = { 'www-authenticate': 'Token' };

type SignedIn = Extract<Identity, { kind: 'signed-in' }>;

export async function handleApi(context: RouteContext): Promise<void> {
  const { req, res, target, state } = context;
  if (target.path === '/api/server/about') return handleAbout(context);
  if (target.path === '/api/auth/login') return handleLogin(context);

  const bodyBytes =
    req.method === 'GET' || req.method === 'HEAD' ? 0 : (await digestBody(req)).bytes;
  const outcome = identifyRequest(
    { headers: req.headersDistinct, acceptsApiCredentials: true },
    state,
  );
  if (!outcome.ok) {
    sendJson(
      res,
      outcome.status,
      { detail: outcome.detail },
      outcome.status === 401 ? CHALLENGE : {},
    );
    return;
  }
  if (outcome.identity.kind === 'anonymous') {
    sendJson(res, 401, { detail: 'Authentication credentials were not provided.' }, CHALLENGE);
    return;
  }
  const user = describeUser(outcome.identity);
  if (target.path === '/api/users/self') return sendJson(res, 200, user);
  if (target.path === '/api/users') return sendJson(res, 200, listUsers(context));
  sendJson(res, 200, {
    method: req.method,
    path: target.path,
    query: target.query,
    bodyBytes,
    user,
  });
}

function handleAbout({ req, res }: RouteContext): Promise<void> {
  // Public even with bad credentials: the endpoint exists so anyone can see what answers here.
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(
      res,
      405,
      { detail: `Method "${req.method}" not allowed.` },
      { allow: 'GET, HEAD, OPTIONS' },
    );
  } else {
    sendJson(res, 200, {
      name: 'Gatehouse demo upstream',
      version: DEMO_UPSTREAM_VERSION,
      description:
        'A stand-in for CVAT that honours its header-auth contract (X-Email, X-Groups) and shows what it received.',
    });
  }
  return Promise.resolve();
}

function describeUser(identity: SignedIn) {
  const { username, email, role, groups, authenticatedBy } = identity;
  return { username, email, role, groups, authenticatedBy };
}

// Header-created users only: the built-in API users are configuration, not sign-ups.
function listUsers({ state }: RouteContext) {
  const results = state.users.listUsers().map((user) => ({
    username: user.email,
    email: user.email,
    role: user.role,
    groups: user.groups,
    date_joined: user.createdAt.toISOString(),
  }));
  return { count: results.length, next: null, previous: null, results };
}
