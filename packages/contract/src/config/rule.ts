import { z } from 'zod';
import { HTTP_METHODS } from '../checks/http-token';
import { checkRulePath } from '../checks/rule-path';
import { checkSafeRegex } from '../checks/safe-regex';
import { IDENTITY_CONDITION_KINDS, ZRuleConditions } from './rule-conditions';

export const RULE_ACTIONS = ['PROTECTED', 'NOT_PROTECTED', 'DENY'] as const;
export const ZRuleAction = z.enum(RULE_ACTIONS);
export type TRuleAction = z.infer<typeof ZRuleAction>;

export const PATH_MATCH_TYPES = ['EXACT', 'PREFIX', 'REGEX'] as const;

/**
 * Lower priority wins. EXACT matches the normalized path exactly. PREFIX matches segment-wise:
 * `/api` matches `/api` and `/api/…` but not `/apikeys`; a prefix ending in `/` matches what is
 * under it. REGEX must be anchored and pass the safety check. `methods` empty = every method.
 */
export const ZRule = z
  .object({
    priority: z.number().int().min(0).max(1_000_000),
    pathMatch: z.enum(PATH_MATCH_TYPES),
    path: z.string().min(1),
    methods: z.array(z.enum(HTTP_METHODS)).default([]),
    conditions: ZRuleConditions.default({}),
    action: ZRuleAction,
    description: z.string().max(500).nullable().default(null),
  })
  .superRefine((rule, ctx) => {
    const problem =
      rule.pathMatch === 'REGEX' ? checkSafeRegex(rule.path) : checkRulePath(rule.path);
    if (problem) {
      ctx.addIssue({ code: 'custom', path: ['path'], message: `path ${problem}` });
    }
    if (rule.action === 'PROTECTED') return;
    for (const kind of IDENTITY_CONDITION_KINDS) {
      if (rule.conditions[kind] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['conditions', kind],
          message: `a ${rule.action} rule never signs the user in, so it cannot check ${kind}`,
        });
      }
    }
  });
export type TRule = z.infer<typeof ZRule>;
export type TRuleInput = z.input<typeof ZRule>;
