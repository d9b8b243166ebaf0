import { compileRules, formatPath, ZRule, ZRuleAction, type TRule } from '@gatehouse/contract';
import { z } from 'zod';
import { AppError } from '@/server/errors/app-error';

export const ZTestRequest = z.object({
  rules: z.array(z.unknown()).max(500),
  defaultAction: ZRuleAction,
  method: z.string().trim().min(1).max(16).toUpperCase(),
  /** Path with an optional query string, e.g. /api/jobs/1/data?sign=abc. */
  target: z.string().trim().min(1).max(2048).startsWith('/', 'must start with /'),
  /** One `Name: value` per line. */
  headers: z.string().max(8192),
  clientAddress: z.string().trim().max(64),
});
export type TTestRequest = z.input<typeof ZTestRequest>;

export interface RequestExplanation {
  action: TRule['action'];
  /** The matching rule's priority; null when no rule matched and the default applied. */
  priority: number | null;
  label: string;
  /** What the agent would do, in a sentence. */
  outcome: string;
  /** Identity conditions still checked after sign-in (PROTECTED only). */
  afterSignIn: string[];
}

/**
 * Which rule the agent would pick for a request, and what it would do: the agent's own compiled
 * matcher (from the contract), run over the rules as edited, saved or not. Rows that are not
 * valid rules are reported with their path, like the API would.
 */
export function explainRequest(input: unknown): RequestExplanation {
  const request = ZTestRequest.parse(input);
  const rules = request.rules.map((row, index) => {
    const parsed = ZRule.safeParse(row);
    if (!parsed.success) {
      throw new AppError(
        'invalid',
        `Rule ${index + 1} is not valid yet; fix it to test requests.`,
        {
          issues: parsed.error.issues.map((issue) => ({
            path: formatPath(['rows', index, ...issue.path]),
            message: issue.message,
          })),
        },
      );
    }
    return parsed.data;
  });
  const [path = '/', query = ''] = request.target.split(/\?(.*)/s);
  const match = compileRules({ rules, defaultAction: request.defaultAction })({
    method: request.method,
    path,
    search: query ? `?${query}` : '',
    headers: parseHeaderLines(request.headers),
    clientAddress: request.clientAddress || '203.0.113.10',
    now: () => new Date(),
  });
  const rule = rules.find((candidate) => candidate.priority === match.priority);
  const afterSignIn = rule ? describeIdentityConditions(rule) : [];
  return {
    action: match.action,
    priority: match.priority,
    label: match.label,
    outcome: OUTCOME[match.action],
    afterSignIn,
  };
}

const OUTCOME: Record<TRule['action'], string> = {
  PROTECTED:
    'Single sign-on required: users without a session go to the identity provider, then the request reaches the application with their identity.',
  NOT_PROTECTED:
    'Passed to the application without sign-in and without identity headers (the agent strips any the client sent).',
  DENY: 'Refused with 403 Forbidden; the application never sees it.',
};

function describeIdentityConditions(rule: TRule): string[] {
  const { groups, emails, roles } = rule.conditions;
  return [
    groups?.length ? `member of ${groups.join(' or ')}` : null,
    emails?.length ? `e-mail ${emails.join(' or ')}` : null,
    roles?.length ? `role ${roles.join(' or ')}` : null,
  ].filter((line): line is string => line !== null);
}

/** `Authorization: Token abc` lines → Node-style headers (lower-case names, repeats joined). */
export function parseHeaderLines(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return headers;
}
