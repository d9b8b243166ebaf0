import {
  compileExpression,
  ExpressionEvaluationError,
  ExpressionSyntaxError,
  ZRoleMappingRow,
} from '@gatehouse/contract';
import { z } from 'zod';

export const ZRoleMappingCheck = z.object({
  rows: z.array(z.unknown()).max(200),
  defaultRole: z.string().nullable(),
  /** A sample ID token's claims, as JSON. */
  claims: z.string().max(20_000),
});

export type RowVerdict =
  | { index: number; state: 'match' | 'no-match' | 'skipped' }
  | { index: number; state: 'error'; message: string };

export interface RoleMappingCheck {
  role: string | null;
  /** Which row gave the role; null: the default role. */
  matchedRow: number | null;
  rows: RowVerdict[];
  claimsError: string | null;
}

// The claim names the IdP presets use; the agent reads them from the IdP's settings.
const STANDARD = {
  email: 'email',
  username: 'preferred_username',
  groups: 'groups',
  firstName: 'given_name',
  lastName: 'family_name',
} as const;

/**
 * Runs the role mapping against sample claims, first matching row wins, as the agent does:
 * standard fields (`email`, `groups`, …) read the standard claims, `claims.x` the raw claim,
 * anything else a dotted claim path. Expressions compile with the contract's language.
 */
export function checkRoleMapping(input: unknown): RoleMappingCheck {
  const request = ZRoleMappingCheck.parse(input);
  let claims: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(request.claims || '{}');
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('not an object');
    claims = parsed as Record<string, unknown>;
  } catch {
    return {
      role: null,
      matchedRow: null,
      rows: [],
      claimsError:
        'The sample claims must be a JSON object, e.g. {"email": "alice@example.com", "groups": ["cvat-admins"]}.',
    };
  }
  const read = (path: string): unknown => {
    if (path.startsWith('claims.')) return readPath(claims, path.slice(7));
    const standard = STANDARD[path as keyof typeof STANDARD];
    return readPath(claims, standard ?? path);
  };
  const verdicts: RowVerdict[] = [];
  let matched: { row: number; role: string } | null = null;
  request.rows.forEach((raw, index) => {
    if (matched) {
      verdicts.push({ index, state: 'skipped' });
      return;
    }
    const row = ZRoleMappingRow.safeParse(raw);
    if (!row.success) {
      verdicts.push({
        index,
        state: 'error',
        message: row.error.issues[0]?.message ?? 'invalid row',
      });
      return;
    }
    try {
      const hit =
        row.data.kind === 'EXPRESSION'
          ? compileExpression(row.data.expression, (_subject: null, path) => read(path))(null)
          : testClaim(read(row.data.claim), row.data.operator, row.data.value);
      verdicts.push({ index, state: hit ? 'match' : 'no-match' });
      if (hit) matched = { row: index, role: row.data.role };
    } catch (error) {
      if (error instanceof ExpressionSyntaxError || error instanceof ExpressionEvaluationError) {
        verdicts.push({ index, state: 'error', message: error.message });
      } else throw error;
    }
  });
  const found = matched as { row: number; role: string } | null;
  return {
    role: found ? found.role : request.defaultRole,
    matchedRow: found ? found.row : null,
    rows: verdicts,
    claimsError: null,
  };
}

function testClaim(
  found: unknown,
  operator: 'EQUALS' | 'CONTAINS' | 'EXISTS',
  value: string | null,
): boolean {
  if (operator === 'EXISTS') return found !== undefined && found !== null;
  if (Array.isArray(found)) return found.some((element) => scalarText(element) === value);
  if (operator === 'EQUALS') return scalarText(found) === value;
  return typeof found === 'string' && value !== null && found.includes(value);
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function readPath(source: Record<string, unknown>, path: string): unknown {
  let current: unknown = source;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
