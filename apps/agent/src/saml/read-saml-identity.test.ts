import { buildSampleSamlIdentityProvider } from '@gatehouse/contract/testing';
import type { Profile } from '@node-saml/node-saml';
import { describe, expect, it } from 'vitest';
import { readSamlIdentity } from './read-saml-identity';

const idp = buildSampleSamlIdentityProvider();
const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';

function profile(fields: Partial<Profile>): Profile {
  return { issuer: idp.entityId, nameID: 'u-1', nameIDFormat: PERSISTENT, ...fields };
}

describe('readSamlIdentity', () => {
  it('reads the configured attributes and keeps every attribute as a claim', () => {
    const identity = readSamlIdentity(
      { ...idp, attributes: { email: 'mail', username: 'uid', groups: 'memberOf' } },
      profile({
        attributes: {
          mail: 'a@example.com',
          uid: 'alice',
          memberOf: ['admins', 'staff'],
          givenName: 'Alice',
          'urn:oid:2.5.4.4': 'Liddell',
        },
      }),
    );
    expect(identity).toEqual({
      idpId: idp.id,
      sub: 'u-1',
      email: 'a@example.com',
      username: 'alice',
      firstName: 'Alice',
      lastName: 'Liddell',
      groups: ['admins', 'staff'],
      claims: {
        sub: 'u-1',
        mail: 'a@example.com',
        uid: 'alice',
        memberOf: ['admins', 'staff'],
        givenName: 'Alice',
        'urn:oid:2.5.4.4': 'Liddell',
      },
    });
  });

  it('makes a single group (which node-saml hands over as a string) a list of one', () => {
    const identity = readSamlIdentity(idp, profile({ attributes: { groups: 'cvat-admins' } }));
    expect(identity.groups).toEqual(['cvat-admins']);
    expect(readSamlIdentity(idp, profile({})).groups).toEqual([]);
  });

  it('takes the e-mail from an emailAddress NameID when no attribute carries it', () => {
    const byNameId = profile({ nameID: 'carol@example.com', nameIDFormat: EMAIL_FORMAT });
    expect(readSamlIdentity(idp, byNameId).email).toBe('carol@example.com');
    expect(readSamlIdentity(idp, profile({})).email).toBeNull();
  });

  it('refuses an assertion without a NameID and ignores values that are not text', () => {
    expect(() => readSamlIdentity(idp, profile({ nameID: '' }))).toThrow('no subject');
    const identity = readSamlIdentity(
      idp,
      profile({ attributes: { email: { nested: 'xml' }, groups: ['a', 7, ''] } }),
    );
    expect(identity.email).toBeNull();
    expect(identity.groups).toEqual(['a']);
  });
});
