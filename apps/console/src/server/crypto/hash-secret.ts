// Provisioning secrets, API tokens and invitation tokens are 32 random bytes: unguessable, so a
// fast hash is enough to make a stolen table useless (no dictionary to try), and lookups stay
// cheap on every agent poll. Passwords are different: see password-hash.ts.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type SecretKind = 'ghk' | 'ghs' | 'ght' | 'ghi';

/** A prefixed random value such as `ght_3q2+…`: the prefix tells people and scanners what it is. */
export function generateSecret(kind: SecretKind, bytes = 32): string {
  return `${kind}_${randomBytes(bytes).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The first characters (`ght_ab12cd34`), enough to tell values apart, never enough to use. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, 12);
}

/** Compares in constant time, so response timing reveals nothing about the stored hash. */
export function secretMatchesHash(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === given.length && timingSafeEqual(given, stored);
}
