import { CVAT_ROLE_MAPPING } from '@gatehouse/contract';
import { describe, expect, it } from 'vitest';
import type { Identity } from '../session/identity';
import { compileRoleMapping } from './role-mapping';

function identity(overrides: Partial<Identity> = {}): Identity {
  return {
    idpId: 'idp',
    sub: 'sub',
    email: 'alice@example.com',
    username: 'alice',
    firstName: null,
    lastName: null,
    groups: [],
    claims: {},
    ...overrides,
  };
}

describe('compileRoleMapping', () => {
  const cvat = compileRoleMapping(CVAT_ROLE_MAPPING, 'roleMapping');

  it('maps IdP groups to CVAT roles, first row wins, default for nobody', () => {
    expect(cvat(identity({ groups: ['cvat-users', 'cvat-admins'] }))).toEqual({
      ok: true,
      role: 'admin',
    });
    expect(cvat(identity({ groups: ['cvat-users'] }))).toEqual({ ok: true, role: 'user' });
    expect(cvat(identity({ groups: [] }))).toEqual({ ok: true, role: 'worker' });
  });

  it('compares claim paths with EQUALS, CONTAINS and EXISTS', () => {
    const map = compileRoleMapping(
      {
        rows: [
          {
            kind: 'CLAIM',
            claim: 'realm_access.roles',
            operator: 'EQUALS',
            value: 'ops',
            role: 'ops',
          },
          {
            kind: 'CLAIM',
            claim: 'department',
            operator: 'CONTAINS',
            value: 'Research',
            role: 'r',
          },
          { kind: 'CLAIM', claim: 'contractor', operator: 'EXISTS', value: null, role: 'c' },
        ],
        defaultRole: null,
      },
      'roleMapping',
    );
    expect(map(identity({ claims: { realm_access: { roles: ['x', 'ops'] } } }))).toEqual({
      ok: true,
      role: 'ops',
    });
    expect(map(identity({ claims: { department: 'Applied Research' } }))).toEqual({
      ok: true,
      role: 'r',
    });
    expect(map(identity({ claims: { contractor: false } }))).toEqual({ ok: true, role: 'c' });
    expect(map(identity({ claims: { contractor: null } }))).toEqual({ ok: true, role: null });
  });

  it('evaluates expression rows and denies when one fails', () => {
    const map = compileRoleMapping(
      {
        rows: [
          { kind: 'EXPRESSION', expression: 'email endsWith "@corp.example"', role: 'staff' },
          { kind: 'EXPRESSION', expression: 'groups startsWith "x"', role: 'never' },
        ],
        defaultRole: 'guest',
      },
      'roleMapping',
    );
    expect(map(identity({ email: 'a@corp.example' }))).toEqual({ ok: true, role: 'staff' });
    const failed = map(identity({ groups: ['x'] }));
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.reason).toContain('row 2');
  });

  it('refuses a configuration whose expression does not parse, naming the row', () => {
    expect(() =>
      compileRoleMapping(
        { rows: [{ kind: 'EXPRESSION', expression: '"a" in', role: 'x' }], defaultRole: null },
        'applications[0].roleMapping',
      ),
    ).toThrow('applications[0].roleMapping.rows[0].expression: expected a value');
  });
});
