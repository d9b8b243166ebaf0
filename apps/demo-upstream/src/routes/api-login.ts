// CVAT's `POST /api/auth/login` ({ username, password } → { key }), against the built-in API
// users, so the "CVAT API" rule preset (login Not protected, then `Authorization: Token`) can be
// exercised end to end. CVAT's session cookies are out of scope.
import { z } from 'zod';
import { findApiUserByPassword } from '../api-auth';
import { readSmallBody } from '../read-body';
import { sendJson } from '../respond';
import type { RouteContext } from './context';

const MAX_LOGIN_BODY_BYTES = 16 * 1024;

const ZLoginRequest = z.object({ username: z.string(), password: z.string() });

export async function handleLogin({ req, res, state }: RouteContext): Promise<void> {
  if (req.method !== 'POST') {
    await readSmallBody(req, 0);
    sendJson(
      res,
      405,
      { detail: `Method "${req.method}" not allowed.` },
      { allow: 'POST, OPTIONS' },
    );
    return;
  }
  const body = await readSmallBody(req, MAX_LOGIN_BODY_BYTES);
  if (body === null) {
    sendJson(res, 413, { detail: `Send at most ${MAX_LOGIN_BODY_BYTES} bytes of JSON.` });
    return;
  }
  const parsed = ZLoginRequest.safeParse(parseJsonOrUndefined(body));
  if (!parsed.success) {
    sendJson(res, 400, { detail: 'Send JSON like {"username": "…", "password": "…"}.' });
    return;
  }
  const user = findApiUserByPassword(parsed.data.username, parsed.data.password, state.apiUsers);
  if (user === undefined) {
    sendJson(res, 400, { non_field_errors: ['Unable to log in with provided credentials.'] });
    return;
  }
  sendJson(res, 200, { key: user.token });
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
