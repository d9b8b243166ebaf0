import { CVAT_ROLE_MAPPING } from '@gatehouse/contract';
import { describe, expect, it } from 'vitest';
import { checkRoleMapping } from './check-role-mapping';

const cvat = { rows: CVAT_ROLE_MAPPING.rows, defaultRole: CVAT_ROLE_MAPPING.defaultRole };

describe('checkRoleMapping', () => {
  it('gives the first matching row, and the default role when none matches', () => {
    const admin = checkRoleMapping({ ...cvat, claims: '{"groups": ["staff", "cvat-admins"]}' });
    expect(admin).toMatchObject({ role: 'admin', matchedRow: 0 });
    expect(admin.rows.slice(1).every((row) => row.state === 'skipped')).toBe(true);
    expect(checkRoleMapping({ ...cvat, claims: '{"groups": []}' })).toMatchObject({
      role: 'worker',
      matchedRow: null,
    });
  });

  it('evaluates expressions over standard fields and raw claims', () => {
    const rows = [
      { kind: 'EXPRESSION', expression: 'username == "bob" && claims.tier == 2', role: 'user' },
    ];
    const claims = '{"preferred_username": "bob", "tier": 2}';
    expect(checkRoleMapping({ rows, defaultRole: null, claims }).role).toBe('user');
    expect(checkRoleMapping({ rows, defaultRole: null, claims: '{"tier": 2}' }).role).toBeNull();
  });

  it('reports a row that fails instead of skipping past it silently', () => {
    const rows = [{ kind: 'EXPRESSION', expression: 'email', role: 'x' }];
    const result = checkRoleMapping({ rows, defaultRole: null, claims: '{"email": "a@b.c"}' });
    expect(result.rows[0]).toMatchObject({ state: 'error' });
  });

  it('says when the sample claims are not a JSON object', () => {
    expect(checkRoleMapping({ ...cvat, claims: '[1]' }).claimsError).toMatch(/JSON object/);
    expect(checkRoleMapping({ ...cvat, claims: '{nope' }).claimsError).toMatch(/JSON object/);
  });
});
