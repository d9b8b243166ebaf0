import { z } from 'zod';
import { checkExpression } from '../expression/check-expression';
import { ZClaimPath } from './primitives';

export const ROLE_MAPPING_OPERATORS = ['EQUALS', 'CONTAINS', 'EXISTS'] as const;

const ZRole = z.string().min(1).max(128);

/**
 * Ordered rows; the first row that matches gives the role. CLAIM rows compare one claim:
 * EQUALS (the claim, or any element of a list claim, equals `value`), CONTAINS (a list claim
 * contains `value`, a string claim contains it as a substring), EXISTS (the claim is present).
 * EXPRESSION rows hold a boolean expression in the agent's sandboxed expression language.
 */
export const ZRoleMappingRow = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('CLAIM'),
    claim: ZClaimPath,
    operator: z.enum(ROLE_MAPPING_OPERATORS),
    value: z.string().max(1024).nullable(),
    role: ZRole,
  }),
  z.object({
    kind: z.literal('EXPRESSION'),
    expression: z
      .string()
      .min(1)
      .max(2000)
      .superRefine((source, ctx) => {
        const problem = source === '' ? null : checkExpression(source);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    role: ZRole,
  }),
]);
export type TRoleMappingRow = z.infer<typeof ZRoleMappingRow>;

export const ZRoleMapping = z
  .object({
    rows: z.array(ZRoleMappingRow).max(200),
    /** The role of a user no row matches; null leaves the role empty. */
    defaultRole: ZRole.nullable(),
  })
  .superRefine((mapping, ctx) => {
    mapping.rows.forEach((row, index) => {
      if (row.kind === 'CLAIM' && row.operator !== 'EXISTS' && row.value === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', index, 'value'],
          message: `operator ${row.operator} needs a value`,
        });
      }
    });
  });
export type TRoleMapping = z.infer<typeof ZRoleMapping>;
