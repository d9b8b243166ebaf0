import { IdpUnreachableError } from '../oidc/idp-client';
import { SessionStoreUnavailableError } from '../session/session-store';
import type { PipelineStep, RequestContext } from './context';
import { sendPage } from './respond';

/**
 * Runs the steps in order, synchronously for as long as they answer synchronously (the hot path
 * of a cached session is), awaiting only the steps that return a promise.
 */
export function runPipeline(steps: readonly PipelineStep[], ctx: RequestContext, from = 0): void {
  for (let index = from; index < steps.length; index += 1) {
    let outcome: ReturnType<PipelineStep>;
    try {
      outcome = (steps[index] as PipelineStep)(ctx);
    } catch (error) {
      answerFailure(ctx, error);
      return;
    }
    if (outcome === 'done') return;
    if (outcome !== 'next') {
      outcome.then(
        (settled) => settled === 'next' && runPipeline(steps, ctx, index + 1),
        (error: unknown) => answerFailure(ctx, error),
      );
      return;
    }
  }
}

/** A step threw: say what went wrong in words a user understands, log the details. */
export function answerFailure(ctx: RequestContext, error: unknown): void {
  const { app } = ctx;
  if (error instanceof IdpUnreachableError) {
    app.logger.error({ err: error, requestId: ctx.requestId }, 'identity provider unreachable');
    sendPage(ctx, 502, {
      title: 'The sign-in service is not answering',
      message: `The identity provider "${error.idpName}" could not be reached, so you cannot sign in to ${app.config.name} right now.`,
      hint: 'Try again in a minute. If it keeps happening, tell your administrator and mention the request id below.',
    });
    return;
  }
  if (error instanceof SessionStoreUnavailableError) {
    app.logger.error({ err: error, requestId: ctx.requestId }, 'session store unavailable');
    sendPage(ctx, 503, {
      title: 'Sessions are unavailable',
      message: `The access proxy cannot read or store sessions for ${app.config.name} right now.`,
      hint: 'Try again in a minute. If it keeps happening, tell your administrator and mention the request id below.',
    });
    return;
  }
  app.logger.error({ err: error, requestId: ctx.requestId }, 'request failed');
  sendPage(ctx, 500, {
    title: 'Something went wrong',
    message: `The access proxy in front of ${app.config.name} failed to handle this request.`,
    hint: 'Try again. If it keeps happening, tell your administrator and mention the request id below.',
  });
}
