import { describe, expect, it } from 'vitest';
import { validateWith } from '../validate';
import { ZAttributePassRow } from './attribute-pass';
import { ZRoleMapping } from './role-mapping';

describe('attribute pass rows', () => {
  it('refuses headers the agent must never set, in any case', () => {
    for (const name of [
      'Host',
      'cookie',
      'Authorization',
      'X-Forwarded-For',
      'Transfer-Encoding',
    ]) {
      const result = validateWith(ZAttributePassRow, {
        field: 'email',
        name,
        type: 'HEADER',
        join: null,
      });
      expect(result.ok ? [] : result.problems.map((p) => p.path), name).toEqual(['name']);
    }
  });

  it('refuses names that are not HTTP tokens and joins that could split a header', () => {
    const result = validateWith(ZAttributePassRow, {
      field: 'bad path!',
      name: 'X Email',
      type: 'COOKIE',
      join: '\r\n',
    });
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['field', 'name', 'join']);
  });

  it('accepts claim paths and JWT claim names', () => {
    const row = { field: 'realm_access.roles', name: 'roles', type: 'JWT', join: null };
    expect(validateWith(ZAttributePassRow, row).ok).toBe(true);
  });
});

describe('role mapping', () => {
  it('needs a value for comparing operators but not for EXISTS', () => {
    const result = validateWith(ZRoleMapping, {
      rows: [
        { kind: 'CLAIM', claim: 'groups', operator: 'CONTAINS', value: null, role: 'admin' },
        { kind: 'CLAIM', claim: 'groups', operator: 'EXISTS', value: null, role: 'user' },
        { kind: 'EXPRESSION', expression: '', role: 'user' },
        { kind: 'EXPRESSION', expression: '"cvat-admins" in groups ||', role: 'admin' },
        {
          kind: 'EXPRESSION',
          expression: '"cvat-admins" in groups && !(email endsWith "@x")',
          role: 'admin',
        },
        { kind: 'SCRIPT', role: 'user' },
      ],
      defaultRole: null,
    });
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
      'rows[2].expression',
      'rows[3].expression',
      'rows[5].kind',
    ]);
  });
});
