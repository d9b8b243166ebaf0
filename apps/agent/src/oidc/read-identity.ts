import type { TOidcIdentityProviderConfig } from '@gatehouse/contract';
import { readClaimPath, type Identity } from '../session/identity';

// Protocol claims of the ID token: checked at sign-in, meaningless afterwards.
const PROTOCOL_CLAIMS = new Set([
  'iss',
  'aud',
  'exp',
  'iat',
  'nbf',
  'nonce',
  'at_hash',
  'c_hash',
  's_hash',
  'azp',
  'jti',
]);

/** The identity an IdP's claims describe, read through the IdP's configured claim names. */
export function readIdentity(
  idp: TOidcIdentityProviderConfig,
  claims: Record<string, unknown>,
): Identity {
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(claims))
    if (!PROTOCOL_CLAIMS.has(name)) kept[name] = value;
  const sub = claims.sub;
  if (typeof sub !== 'string' || sub === '') throw new Error('the ID token has no subject');
  return {
    idpId: idp.id,
    sub,
    email: readString(claims, idp.claims.email),
    username: readString(claims, idp.claims.username),
    firstName: readString(claims, 'given_name'),
    lastName: readString(claims, 'family_name'),
    groups: readGroups(readClaimPath(claims, idp.claims.groups)),
    claims: kept,
  };
}

function readString(claims: Record<string, unknown>, path: string): string | null {
  const value = readClaimPath(claims, path);
  return typeof value === 'string' && value !== '' ? value : null;
}

function readGroups(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (!Array.isArray(value)) return [];
  return value.filter((group): group is string => typeof group === 'string');
}

/** Whether the ID token lacks a claim we need, so userinfo is worth asking (OIDC Core §5.4). */
export function needsUserInfo(
  idp: TOidcIdentityProviderConfig,
  claims: Record<string, unknown>,
): boolean {
  return (
    readClaimPath(claims, idp.claims.email) === undefined ||
    readClaimPath(claims, idp.claims.groups) === undefined
  );
}
