import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secret-box';

const key = randomBytes(32);

describe('sealSecret / openSecret', () => {
  it('round-trips and never repeats a ciphertext', () => {
    const first = sealSecret('client-secret-ü', key, 'identity-provider:org1');
    const second = sealSecret('client-secret-ü', key, 'identity-provider:org1');
    expect(first).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('client-secret');
    expect(openSecret(first, key, 'identity-provider:org1')).toBe('client-secret-ü');
  });

  it('refuses another key, another context or an altered ciphertext', () => {
    const sealed = sealSecret('s3cret', key, 'identity-provider:org1');
    expect(() => openSecret(sealed, randomBytes(32), 'identity-provider:org1')).toThrow(
      'integrity check',
    );
    expect(() => openSecret(sealed, key, 'identity-provider:org2')).toThrow('integrity check');
    const parts = sealed.split(':');
    const data = Buffer.from(parts[3] ?? '', 'base64url');
    data[0] = (data[0] ?? 0) ^ 1;
    parts[3] = data.toString('base64url');
    expect(() => openSecret(parts.join(':'), key, 'identity-provider:org1')).toThrow(
      'integrity check',
    );
  });

  it('refuses an unknown format version', () => {
    expect(() => openSecret('v9:a:b:c', key, 'x')).toThrow('format "v9"');
  });
});
