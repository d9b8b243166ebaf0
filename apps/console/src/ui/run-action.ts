import { randomUUID } from 'node:crypto';
import type { Actor } from '@/server/api/actor';
import { getSessionActor } from '@/server/auth/get-session-actor';
import { handleApiError, type ErrorBody } from '@/server/errors/handle-api-error';
import { friendlyMessage, type ActionResult, type FieldErrors } from './action-result';

/**
 * The body of every server action: the signed-in member calls one server function, exactly as
 * the REST route would, and failures come back in the API's own terms (handleApiError: zod and
 * AppError issues keep their field paths), so a form shows the same errors a 422 names.
 */
export async function runAction<T>(work: (actor: Actor) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const actor = await getSessionActor();
    return { ok: true, data: await work(actor) };
  } catch (error) {
    return toFailure(error);
  }
}

export async function toFailure(error: unknown): Promise<ActionResult<never>> {
  const response = handleApiError(error, randomUUID());
  const body = (await response.json()) as ErrorBody;
  const fieldErrors: FieldErrors = {};
  for (const issue of body.error.issues ?? []) {
    fieldErrors[issue.path] ??= friendlyMessage(issue.message);
  }
  const message =
    response.status === 401
      ? 'Your session has ended; sign in again.'
      : body.error.message.startsWith('The request is invalid')
        ? 'Some fields need attention; see the messages next to them.'
        : body.error.message;
  return { ok: false, message, fieldErrors };
}
