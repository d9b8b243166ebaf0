import { z } from 'zod';
import { checkRulePath } from '../checks/rule-path';
import { ZAttributePassRow } from './attribute-pass';
import { ZHttpToken, ZHttpUrl, ZId, ZPort, ZSeconds } from './primitives';
import { ZRoleMapping } from './role-mapping';
import { ZRule, ZRuleAction } from './rule';

export const DEFAULT_RESERVED_PATH_PREFIX = '/.gatehouse';
export const DEFAULT_ASSERTION_HEADER = 'X-Gatehouse-Jwt-Assertion';

const ZReservedPathPrefix = z.string().superRefine((prefix, ctx) => {
  const problem = checkRulePath(prefix);
  if (problem) ctx.addIssue({ code: 'custom', message: `prefix ${problem}` });
  else if (prefix === '/' || prefix.endsWith('/')) {
    ctx.addIssue({ code: 'custom', message: 'prefix must not be "/" or end with "/"' });
  }
});

export const ZApplicationConfig = z
  .object({
    id: ZId,
    type: z.literal('WEB'),
    name: z.string().min(1).max(200),
    /** What users type in the address bar; its origin is the only allowed return target. */
    applicationUrl: ZHttpUrl,
    listenPort: ZPort,
    upstreamServers: z.array(ZHttpUrl).min(1).max(32),
    preserveHost: z.boolean(),
    reservedPathPrefix: ZReservedPathPrefix,
    idpIds: z.array(ZId).min(1, 'bind at least one identity provider'),
    session: z.object({
      maxAgeSeconds: ZSeconds.max(30 * 24 * 3600),
      idleTimeoutSeconds: ZSeconds.max(30 * 24 * 3600),
    }),
    logout: z.object({
      singleSignOut: z.boolean(),
      postLogoutRedirectUrl: ZHttpUrl.nullable(),
    }),
    assertion: z.object({ headerName: ZHttpToken, ttlSeconds: ZSeconds.max(3600) }),
    attributePass: z.array(ZAttributePassRow).max(100),
    roleMapping: ZRoleMapping,
    rules: z.array(ZRule).max(500),
    defaultAction: ZRuleAction,
  })
  .superRefine((app, ctx) => {
    reportDuplicates(app.rules, (rule) => String(rule.priority), ctx, 'rules', 'priority');
    reportDuplicates(
      app.attributePass,
      (row) => `${row.type}:${row.type === 'JWT' ? row.name : row.name.toLowerCase()}`,
      ctx,
      'attributePass',
      'name',
    );
    if (app.session.idleTimeoutSeconds > app.session.maxAgeSeconds) {
      ctx.addIssue({
        code: 'custom',
        path: ['session', 'idleTimeoutSeconds'],
        message: 'must not exceed maxAgeSeconds',
      });
    }
  });
export type TApplicationConfig = z.infer<typeof ZApplicationConfig>;

function reportDuplicates<T>(
  items: T[],
  keyOf: (item: T) => string,
  ctx: z.RefinementCtx,
  listName: string,
  field: string,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (seen.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: [listName, index, field],
        message: `duplicate ${field}`,
      });
    }
    seen.add(key);
  });
}
