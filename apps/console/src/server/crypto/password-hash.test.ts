import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password-hash';

describe('password hashing', () => {
  it('stores scrypt with its parameters and verifies only the right password', async () => {
    const encoded = await hashPassword('correct horse battery staple');
    expect(encoded).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(encoded).not.toContain('horse');
    expect(await verifyPassword('correct horse battery staple', encoded)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', encoded)).toBe(false);
    expect(await hashPassword('correct horse battery staple')).not.toBe(encoded);
  });

  it('refuses malformed hashes and answers false for unknown accounts', async () => {
    expect(await verifyPassword('x', 'argon2id$whatever')).toBe(false);
    expect(await verifyAgainstDummy('gatehouse-dummy-password')).toBe(false);
  });
});
