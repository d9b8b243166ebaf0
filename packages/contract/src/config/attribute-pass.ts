import { z } from 'zod';
import { isReservedHeaderName } from '../checks/http-token';
import { ZClaimPath, ZHttpToken } from './primitives';

export const ATTRIBUTE_TYPES = ['HEADER', 'COOKIE', 'JWT'] as const;
export const ZAttributeType = z.enum(ATTRIBUTE_TYPES);

/**
 * One row: take `field` from the user's identity (a standard field such as `email`, `groups` or
 * `role`, or any claim path) and pass it upstream as `name`. HEADER and COOKIE rows name the
 * header or cookie; JWT rows name a claim of the signed assertion the agent sends in the
 * application's assertion header. `join` turns a multi-valued field into one string (CVAT: ":").
 */
export const ZAttributePassRow = z
  .object({
    field: ZClaimPath,
    name: ZHttpToken,
    type: ZAttributeType,
    join: z.string().max(8).nullable(),
  })
  .superRefine((row, ctx) => {
    if (row.type === 'HEADER' && isReservedHeaderName(row.name)) {
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: `"${row.name}" is a reserved header the agent cannot set`,
      });
    }
    if (row.join !== null && /[\r\n\0]/.test(row.join)) {
      ctx.addIssue({ code: 'custom', path: ['join'], message: 'must not contain CR, LF or NUL' });
    }
  });
export type TAttributePassRow = z.infer<typeof ZAttributePassRow>;
