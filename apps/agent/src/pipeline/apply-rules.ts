// Enforces: the application's rules, first match by priority on the normalized path, method and
// request conditions (headers, query, source IP, time). DENY answers 403 here; NOT_PROTECTED
// lets the later identity steps pass the request through untouched; PROTECTED needs a session.
import type { PipelineStep } from './context';
import { sendPage } from './respond';

const readClock = () => new Date();

/** Pipeline step 4. */
export const applyRules: PipelineStep = (ctx) => {
  const rule = ctx.app.matchRule({
    method: ctx.method,
    path: ctx.path,
    headers: ctx.req.headers,
    search: ctx.search,
    clientAddress: ctx.clientAddress,
    now: readClock,
  });
  ctx.rule = rule;
  if (rule.action !== 'DENY') return 'next';
  ctx.app.logger.info(
    { requestId: ctx.requestId, path: ctx.path, rule: rule.label },
    'denied by rule',
  );
  sendPage(ctx, 403, {
    title: 'Access denied',
    message: `${ctx.app.config.name} does not allow this request.`,
    hint: 'If you need it, ask your administrator and mention the request id below.',
  });
  return 'done';
};
