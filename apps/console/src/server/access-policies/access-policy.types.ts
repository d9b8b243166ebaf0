import { ZAttributePassRow, ZRoleMapping, ZRule, type TRule } from '@gatehouse/contract';
import { z } from 'zod';

function reportDuplicates<T>(
  rows: T[],
  keyOf: (row: T) => string,
  field: string,
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const key = keyOf(row);
    if (seen.has(key)) {
      ctx.addIssue({ code: 'custom', path: ['rows', index, field], message: `duplicate ${field}` });
    }
    seen.add(key);
  });
}

/**
 * `join` may be left out (null: the agent's default). safeExtend keeps the contract's checks;
 * its typing forbids widening an input to optional, hence the cast (the output is unchanged).
 */
const ZAttributePassRowInput = ZAttributePassRow.safeExtend({
  join: z.string().max(8).nullable().default(null),
} as unknown as { join: typeof ZAttributePassRow.shape.join });

export const ZAttributePass = z
  .object({ rows: z.array(ZAttributePassRowInput).max(100) })
  .superRefine((value, ctx) =>
    // Header and cookie names are case-insensitive; JWT claim names are not.
    reportDuplicates(
      value.rows,
      (row) => `${row.type}:${row.type === 'JWT' ? row.name : row.name.toLowerCase()}`,
      'name',
      ctx,
    ),
  );
export type TAttributePass = z.infer<typeof ZAttributePass>;

export const ZRoleMappingBody = ZRoleMapping;
export type TRoleMappingBody = z.infer<typeof ZRoleMappingBody>;

export const ZRules = z
  .object({ rows: z.array(ZRule).max(500) })
  .superRefine((value, ctx) =>
    reportDuplicates(value.rows, (rule: TRule) => String(rule.priority), 'priority', ctx),
  );
export type TRules = z.infer<typeof ZRules>;

export const ZCvatPresetResponse = z.object({
  attributePass: ZAttributePass,
  roleMapping: ZRoleMappingBody,
  rules: ZRules,
});
export type TCvatPresetResponse = z.infer<typeof ZCvatPresetResponse>;
