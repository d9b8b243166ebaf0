import { describe, expect, it } from 'vitest';
import { displayPrefix, generateSecret, hashSecret, secretMatchesHash } from './hash-secret';

describe('generated secrets', () => {
  it('are prefixed, random, and verified against their hash only', () => {
    const secret = generateSecret('ghs');
    expect(secret).toMatch(/^ghs_[\w-]{43}$/);
    expect(generateSecret('ghs')).not.toBe(secret);
    const hash = hashSecret(secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(secretMatchesHash(secret, hash)).toBe(true);
    expect(secretMatchesHash(generateSecret('ghs'), hash)).toBe(false);
    expect(secretMatchesHash(secret, 'not-a-hash')).toBe(false);
    expect(displayPrefix(secret)).toBe(secret.slice(0, 12));
  });
});
