import type { TRoleMapping, TRoleMappingRow } from '@gatehouse/contract';
import { readIdentityField, type Identity } from '../session/identity';
import {
  compileIdentityExpression,
  ExpressionSyntaxError,
} from './expression/compile-identity-expression';

export type RoleResult = { ok: true; role: string | null } | { ok: false; reason: string };
export type RoleMapper = (identity: Identity) => RoleResult;

type RowTest = (identity: Identity) => boolean;

/**
 * Ordered rows; the first that matches gives the role, else `defaultRole`. An expression that
 * fails to evaluate denies the request outright (ok: false) rather than falling through to a
 * later row, which might grant more than the admin meant. A syntax error refuses the whole
 * configuration when it is applied (thrown with the row's path).
 */
export function compileRoleMapping(mapping: TRoleMapping, path: string): RoleMapper {
  const rows = mapping.rows.map((row, index) => ({
    role: row.role,
    index,
    test: compileRow(row, `${path}.rows[${index}]`),
  }));
  return (identity) => {
    for (const row of rows) {
      try {
        if (row.test(identity)) return { ok: true, role: row.role };
      } catch (error) {
        return {
          ok: false,
          reason: `role mapping row ${row.index + 1}: ${(error as Error).message}`,
        };
      }
    }
    return { ok: true, role: mapping.defaultRole };
  };
}

function compileRow(row: TRoleMappingRow, path: string): RowTest {
  if (row.kind === 'EXPRESSION') {
    try {
      return compileIdentityExpression(row.expression);
    } catch (error) {
      if (error instanceof ExpressionSyntaxError) {
        throw new Error(`${path}.expression: ${error.message}`, { cause: error });
      }
      throw error;
    }
  }
  const { claim, value } = row;
  switch (row.operator) {
    case 'EXISTS':
      return (identity) => {
        const found = readIdentityField(identity, claim);
        return found !== undefined && found !== null;
      };
    case 'EQUALS':
      return (identity) => {
        const found = readIdentityField(identity, claim);
        if (Array.isArray(found)) return found.some((element) => scalarText(element) === value);
        return scalarText(found) === value;
      };
    case 'CONTAINS':
      return (identity) => {
        const found = readIdentityField(identity, claim);
        if (Array.isArray(found)) return found.some((element) => scalarText(element) === value);
        return typeof found === 'string' && value !== null && found.includes(value);
      };
  }
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
