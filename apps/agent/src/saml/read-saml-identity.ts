import { SAML_NAME_ID_FORMATS, type TSamlIdentityProviderConfig } from '@gatehouse/contract';
import type { Profile } from '@node-saml/node-saml';
import type { Identity } from '../session/identity';

// Where IdPs commonly put first and last names when the admin did not say (LDAP, WS-Fed, eduPerson).
const FIRST_NAME_ATTRIBUTES = [
  'firstName',
  'givenName',
  'given_name',
  'urn:oid:2.5.4.42',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
];
const LAST_NAME_ATTRIBUTES = [
  'lastName',
  'sn',
  'surname',
  'family_name',
  'urn:oid:2.5.4.4',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
];

/**
 * The identity a verified assertion describes, shaped exactly like an OIDC one so role mapping
 * and attribute pass work the same: `sub` is the NameID, the standard fields come from the IdP's
 * configured attribute names, and `claims` holds every attribute (by its full name) for rows and
 * expressions that name one. node-saml hands a single-valued attribute over as a string and a
 * multi-valued one as an array; groups are always a list here.
 */
export function readSamlIdentity(idp: TSamlIdentityProviderConfig, profile: Profile): Identity {
  const nameId = typeof profile.nameID === 'string' ? profile.nameID.trim() : '';
  if (nameId === '') throw new Error('the assertion names no subject (NameID)');
  const attributes = readAttributes(profile.attributes);
  const email =
    firstString(attributes[idp.attributes.email]) ??
    // An emailAddress NameID is the e-mail address itself (saml-core-2.0-os §8.3.2).
    (profile.nameIDFormat === SAML_NAME_ID_FORMATS.emailAddress ? nameId : null);
  return {
    idpId: idp.id,
    sub: nameId,
    email,
    username: firstString(attributes[idp.attributes.username]),
    firstName: firstOf(attributes, FIRST_NAME_ATTRIBUTES),
    lastName: firstOf(attributes, LAST_NAME_ATTRIBUTES),
    groups: allStrings(attributes[idp.attributes.groups]),
    claims: { ...attributes, sub: nameId },
  };
}

type AttributeValue = string | string[];

/** Attribute values that are text; complex values (nested XML) are left out. */
function readAttributes(raw: unknown): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  if (raw === null || typeof raw !== 'object') return attributes;
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (name === '__proto__') continue;
    if (typeof value === 'string') attributes[name] = value;
    else if (Array.isArray(value)) {
      attributes[name] = value.filter((item): item is string => typeof item === 'string');
    }
  }
  return attributes;
}

function allStrings(value: AttributeValue | undefined): string[] {
  if (value === undefined) return [];
  return (typeof value === 'string' ? [value] : value).filter((item) => item !== '');
}

function firstString(value: AttributeValue | undefined): string | null {
  return allStrings(value)[0] ?? null;
}

function firstOf(attributes: Record<string, AttributeValue>, names: string[]): string | null {
  for (const name of names) {
    const value = firstString(attributes[name]);
    if (value !== null) return value;
  }
  return null;
}
