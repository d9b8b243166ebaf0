// Enforces: the application's rules, first match by priority on the normalized path, method and
// request conditions (headers, query, source IP, time). DENY answers 403 here; NOT_PROTECTED
// lets the later identity steps pass the request through untouched; PROTECTED needs a session.
import type { PipelineStep } from './context';
import { sendPage } from './respond';

const readClock = () => new Date();

const STRICTNESS = { NOT_PROTECTED: 0, PROTECTED: 1, DENY: 2 } as const;

function dropPathParameters(path: string): string {
  return path
    .split('/')
    .map((segment) => segment.split(';')[0])
    .join('/');
}

/** Pipeline step 4. */
export const applyRules: PipelineStep = (ctx) => {
  const request = {
    method: ctx.method,
    path: ctx.path,
    headers: ctx.req.headers,
    search: ctx.search,
    clientAddress: ctx.clientAddress,
    now: readClock,
  };
  let rule = ctx.app.matchRule(request);
  if (ctx.path.includes(';')) {
    // Some servers decode the path and then drop ";" parameters (RFC 3986 §3.3), reading
    // "/admin;x" as "/admin". Decide as they would too and keep the stricter answer, so a ";"
    // never bypasses a DENY or PROTECTED rule. Only paths with ";" pay for the second match.
    const lenient = ctx.app.matchRule({ ...request, path: dropPathParameters(ctx.path) });
    if (STRICTNESS[lenient.action] > STRICTNESS[rule.action]) rule = lenient;
  }
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
