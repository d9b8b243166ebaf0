import { CVAT_ATTRIBUTE_PASS } from '@gatehouse/contract';
import { describe, expect, it } from 'vitest';
import type { Identity } from '../../session/identity';
import { compileAttributePass } from './compile-attribute-pass';

const alice: Identity = {
  idpId: 'idp',
  sub: 'dev-user-alice',
  email: 'alice@example.com',
  username: 'alice',
  firstName: 'Zoë',
  lastName: null,
  groups: ['cvat-admins', 'staff'],
  claims: { dept: { code: 42 }, note: 'a\r\nX-Email: mallory@example.com' },
};

describe('compileAttributePass', () => {
  it('passes the CVAT preset: email and role as headers', () => {
    const pass = compileAttributePass(CVAT_ATTRIBUTE_PASS);
    expect(pass(alice, 'admin')).toEqual({
      headers: [
        ['X-Email', 'alice@example.com'],
        ['X-Groups', 'admin'],
      ],
      cookie: '',
      assertionClaims: null,
    });
  });

  it('joins multi-valued fields, reads claim paths and omits what is missing', () => {
    const pass = compileAttributePass([
      { field: 'groups', name: 'X-Groups', type: 'HEADER', join: ':' },
      { field: 'groups', name: 'X-Groups-Default', type: 'HEADER', join: null },
      { field: 'dept.code', name: 'X-Dept', type: 'HEADER', join: null },
      { field: 'lastName', name: 'X-Last', type: 'HEADER', join: null },
      { field: 'role', name: 'X-Role', type: 'HEADER', join: null },
    ]);
    expect(pass(alice, null).headers).toEqual([
      ['X-Groups', 'cvat-admins:staff'],
      ['X-Groups-Default', 'cvat-admins,staff'],
      ['X-Dept', '42'],
    ]);
  });

  it('never lets a claim inject a header, and sends non-ASCII as UTF-8 bytes', () => {
    const pass = compileAttributePass([
      { field: 'note', name: 'X-Note', type: 'HEADER', join: null },
      { field: 'firstName', name: 'X-First', type: 'HEADER', join: null },
    ]);
    const { headers } = pass(alice, null);
    expect(headers).toHaveLength(1);
    expect(Buffer.from(headers[0]?.[1] ?? '', 'latin1').toString('utf8')).toBe('Zoë');
  });

  it('builds cookies and assertion claims', () => {
    const pass = compileAttributePass([
      { field: 'email', name: 'user_email', type: 'COOKIE', join: null },
      { field: 'firstName', name: 'first', type: 'COOKIE', join: null },
      { field: 'email', name: 'email', type: 'JWT', join: null },
      { field: 'groups', name: 'groups', type: 'JWT', join: null },
      { field: 'groups', name: 'groups_text', type: 'JWT', join: ' ' },
      { field: 'role', name: 'role', type: 'JWT', join: null },
    ]);
    const passed = pass(alice, 'admin');
    expect(passed.cookie).toBe('user_email=alice%40example.com; first=Zo%C3%AB');
    expect(passed.assertionClaims).toEqual({
      email: 'alice@example.com',
      groups: ['cvat-admins', 'staff'],
      groups_text: 'cvat-admins staff',
      role: 'admin',
    });
  });
});
