import { buildSampleAgentConfig } from '@gatehouse/contract/testing';
import { describe, expect, it } from 'vitest';
import { needsUserInfo, readIdentity } from './read-identity';

const [idp] = buildSampleAgentConfig().identityProviders;
if (!idp) throw new Error('no sample IdP');

describe('readIdentity', () => {
  it('reads the fields through the IdP claim names and drops protocol claims', () => {
    const identity = readIdentity(
      { ...idp, claims: { email: 'mail', username: 'upn', groups: 'realm_access.roles' } },
      {
        iss: 'https://idp',
        aud: 'client',
        nonce: 'n',
        exp: 1,
        sub: 'u1',
        mail: 'a@example.com',
        upn: 'alice',
        given_name: 'Alice',
        realm_access: { roles: ['admins', 7] },
      },
    );
    expect(identity).toEqual({
      idpId: idp.id,
      sub: 'u1',
      email: 'a@example.com',
      username: 'alice',
      firstName: 'Alice',
      lastName: null,
      groups: ['admins'],
      claims: {
        sub: 'u1',
        mail: 'a@example.com',
        upn: 'alice',
        given_name: 'Alice',
        realm_access: { roles: ['admins', 7] },
      },
    });
  });

  it('accepts a single group as a string and refuses claims without a subject', () => {
    expect(readIdentity(idp, { sub: 's', groups: 'one' }).groups).toEqual(['one']);
    expect(() => readIdentity(idp, { email: 'a@example.com' })).toThrow('no subject');
  });

  it('asks userinfo only when the ID token lacks email or groups', () => {
    expect(needsUserInfo(idp, { sub: 's', email: 'a@example.com', groups: [] })).toBe(false);
    expect(needsUserInfo(idp, { sub: 's', email: 'a@example.com' })).toBe(true);
  });
});
