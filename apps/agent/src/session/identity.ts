/**
 * Who a session belongs to, as read from the IdP's claims at sign-in (and refreshed with the
 * tokens). The standard fields come from the IdP's configured claim names; `claims` keeps the
 * rest for role mapping rows, expressions and attribute-pass rows that name any claim path.
 */
export interface Identity {
  idpId: string;
  sub: string;
  email: string | null;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  groups: readonly string[];
  claims: Readonly<Record<string, unknown>>;
}

const STANDARD_FIELDS = new Set(['sub', 'email', 'username', 'firstName', 'lastName', 'groups']);

/**
 * Resolves a field the configuration names: a standard field (`email`, `groups`, …) reads the
 * identity, so rows work with any IdP's claim names; anything else is a dotted claim path.
 */
export function readIdentityField(identity: Identity, field: string): unknown {
  if (STANDARD_FIELDS.has(field)) return identity[field as keyof Identity];
  return readClaimPath(identity.claims, field);
}

export function readClaimPath(claims: Readonly<Record<string, unknown>>, path: string): unknown {
  let current: unknown = claims;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
