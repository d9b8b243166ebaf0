import { describe, expect, it } from 'vitest';
import { ZAttributePassRow } from '../config/attribute-pass';
import { ZRoleMapping } from '../config/role-mapping';
import { ZRule } from '../config/rule';
import { validateWith } from '../validate';
import { CVAT_PRESET } from './cvat';

describe('CVAT preset', () => {
  it('passes email as X-Email and the role as colon-joined X-Groups', () => {
    expect(CVAT_PRESET.attributePass).toEqual([
      { field: 'email', name: 'X-Email', type: 'HEADER', join: null },
      { field: 'role', name: 'X-Groups', type: 'HEADER', join: ':' },
    ]);
  });

  it('is valid under the contract it ships with', () => {
    for (const row of CVAT_PRESET.attributePass)
      expect(validateWith(ZAttributePassRow, row).ok).toBe(true);
    for (const rule of CVAT_PRESET.rules) expect(validateWith(ZRule, rule).ok).toBe(true);
    expect(validateWith(ZRoleMapping, CVAT_PRESET.roleMapping).ok).toBe(true);
  });

  it('lets only credentialed API calls and the API login through without SSO', () => {
    const exposed = CVAT_PRESET.rules.filter((rule) => rule.action === 'NOT_PROTECTED');
    expect(exposed).toHaveLength(CVAT_PRESET.rules.length);
    for (const rule of exposed) {
      const hasCondition = Object.keys(rule.conditions).length > 0;
      const isLogin = rule.pathMatch === 'EXACT' && rule.path === '/api/auth/login';
      expect(hasCondition || isLogin, rule.description ?? '').toBe(true);
    }
  });

  it('maps the dev IdP groups to CVAT groups', () => {
    const roleOf = (group: string) =>
      CVAT_PRESET.roleMapping.rows.find((row) => row.kind === 'CLAIM' && row.value === group)?.role;
    expect(roleOf('cvat-admins')).toBe('admin');
    expect(roleOf('cvat-users')).toBe('user');
    expect(CVAT_PRESET.roleMapping.defaultRole).toBe('worker');
  });
});
