import type { TAttributePassRow } from '@gatehouse/contract';
import { readIdentityField, type Identity } from '../../session/identity';

/** What the attribute pass adds to one upstream request, computed once per session and config. */
export interface PassedAttributes {
  headers: ReadonlyArray<readonly [name: string, value: string]>;
  /** `name=value` pairs for the upstream Cookie header, or '' when there are none. */
  cookie: string;
  /** Claims for the signed assertion, or null when no JWT row exists. */
  assertionClaims: Record<string, unknown> | null;
}

export type AttributePass = (identity: Identity, role: string | null) => PassedAttributes;

const DEFAULT_JOIN = ',';

/**
 * `role` is the role from role mapping; every other field reads the identity (see
 * readIdentityField). A field with no value sends nothing: an absent header is never sent empty.
 */
export function compileAttributePass(rows: readonly TAttributePassRow[]): AttributePass {
  const hasJwt = rows.some((row) => row.type === 'JWT');
  return (identity, role) => {
    const headers: Array<readonly [string, string]> = [];
    const cookies: string[] = [];
    const assertionClaims: Record<string, unknown> | null = hasJwt ? {} : null;
    for (const row of rows) {
      const raw = row.field === 'role' ? role : readIdentityField(identity, row.field);
      if (row.type === 'JWT') {
        const claim = toClaimValue(raw, row.join);
        if (claim !== undefined && assertionClaims) assertionClaims[row.name] = claim;
        continue;
      }
      const text = toText(raw, row.join ?? DEFAULT_JOIN);
      if (text === undefined) continue;
      if (row.type === 'HEADER') {
        const value = toHeaderValue(text);
        if (value !== undefined) headers.push([row.name, value]);
      } else {
        cookies.push(`${row.name}=${encodeURIComponent(text)}`);
      }
    }
    return { headers, cookie: cookies.join('; '), assertionClaims };
  };
}

function toText(value: unknown, join: string): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.filter(isScalar).map(String);
    return parts.length === 0 ? undefined : parts.join(join);
  }
  return undefined;
}

function toClaimValue(value: unknown, join: string | null): unknown {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && join !== null) return toText(value, join);
  return value;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * Claims come from the IdP, so a value with CR, LF or another control character is dropped
 * rather than risk header injection. Non-ASCII text travels as UTF-8 bytes (Node writes a
 * latin1 string byte for byte), which is what upstreams reading raw header bytes expect.
 */
function toHeaderValue(text: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(text)) return undefined;
  // eslint-disable-next-line no-control-regex -- printable ASCII plus tab needs no conversion
  if (/^[\u0009\u0020-\u007e]*$/.test(text)) return text;
  return Buffer.from(text, 'utf8').toString('latin1');
}
