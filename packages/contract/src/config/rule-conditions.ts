import { z } from 'zod';
import { parseCidr } from '../checks/cidr';
import { ZHttpToken } from './primitives';

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;

const ZCidr = z.string().superRefine((value, ctx) => {
  const parsed = parseCidr(value);
  if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
});

const ZTimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');

const ZTimeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as "UTC" or "Europe/Berlin"');

/**
 * A request header test. SCHEME compares the auth-scheme of an `Authorization`-style value
 * (RFC 9110 §11.4) case-insensitively, e.g. `Basic` or `Token` for CVAT's API clients.
 */
export const ZHeaderCondition = z
  .object({
    name: ZHttpToken,
    operator: z.enum(['PRESENT', 'EQUALS', 'PREFIX', 'SCHEME']),
    values: z.array(z.string().min(1).max(1024)).max(50).default([]),
  })
  .superRefine((condition, ctx) => {
    if (condition.operator !== 'PRESENT' && condition.values.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['values'],
        message: `operator ${condition.operator} needs at least one value`,
      });
    }
  });

export const ZQueryCondition = z.object({
  name: z.string().min(1).max(256),
  operator: z.literal('PRESENT'),
});

export const ZTimeWindow = z.object({
  days: z.array(z.enum(WEEKDAYS)).min(1),
  start: ZTimeOfDay,
  end: ZTimeOfDay,
  timeZone: ZTimeZone,
});

/**
 * Request conditions (`headers`, `query`, `sourceIps`, `timeWindows`) decide whether a rule
 * matches a request at all. Identity conditions (`groups`, `emails`, `roles`) are checked after
 * sign-in and decide allow or deny, so they only make sense on PROTECTED rules.
 * Within a list any entry may match; across kinds every present kind must match.
 */
export const ZRuleConditions = z.object({
  headers: z.array(ZHeaderCondition).max(20).optional(),
  query: z.array(ZQueryCondition).max(20).optional(),
  sourceIps: z.array(ZCidr).max(200).optional(),
  timeWindows: z.array(ZTimeWindow).max(20).optional(),
  groups: z.array(z.string().min(1).max(256)).max(200).optional(),
  emails: z
    .array(
      z
        .string()
        .regex(/^(\*|[^\s@*]+)@[^\s@*]+$/, 'must be an email address or "*@domain"')
        .max(320),
    )
    .max(500)
    .optional(),
  roles: z.array(z.string().min(1).max(128)).max(50).optional(),
});
export type TRuleConditions = z.infer<typeof ZRuleConditions>;

export const IDENTITY_CONDITION_KINDS = ['groups', 'emails', 'roles'] as const;
