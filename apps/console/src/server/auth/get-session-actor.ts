import { headers } from 'next/headers';
import { getEnv } from '@/env';
import type { Actor } from '../api/actor';
import { readRequestMeta } from '../api/request-meta';
import { resolveActor } from '../api/resolve-actor';

/**
 * The signed-in member, for server components and server actions (the UI calls the same server
 * functions as the REST API with it). Same resolution as the API: the session cookie, the role
 * as it is now. Throws AppError `unauthorized` when nobody is signed in. Server actions get
 * Next's own same-origin check, so this builds a GET and skips ours.
 */
export async function getSessionActor(): Promise<Actor> {
  const incoming = new Headers(await headers());
  incoming.delete('authorization');
  const request = new Request(getEnv().publicUrl, { headers: incoming });
  return resolveActor(request, readRequestMeta(request));
}
