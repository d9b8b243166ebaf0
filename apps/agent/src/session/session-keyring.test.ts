import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSessionKeyring } from './session-keyring';

const key = (id: string) => ({ id, secret: randomBytes(32).toString('base64url') });

describe('createSessionKeyring', () => {
  it('opens what it sealed, and nothing that was changed', async () => {
    const keyring = createSessionKeyring([key('k1')]);
    const sealed = await keyring.seal({ hello: 'world' });
    expect(await keyring.open(sealed)).toEqual({ hello: 'world' });

    const parts = sealed.split('.');
    const ciphertext = parts[3] ?? '';
    const flipped = `${ciphertext.startsWith('A') ? 'B' : 'A'}${ciphertext.slice(1)}`;
    expect(await keyring.open([...parts.slice(0, 3), flipped, parts[4]].join('.'))).toBeNull();
    expect(await keyring.open('not-a-token')).toBeNull();
  });

  it('refuses what another deployment sealed, even under the same key id', async () => {
    const sealed = await createSessionKeyring([key('k1')]).seal({ a: 1 });
    expect(await createSessionKeyring([key('k1')]).open(sealed)).toBeNull();
  });

  it('keeps opening old sessions after a rotation, and seals with the new key', async () => {
    const old = key('k1');
    const sealedBefore = await createSessionKeyring([old]).seal({ a: 1 });
    const rotated = createSessionKeyring([key('k2'), old]);
    expect(await rotated.open(sealedBefore)).toEqual({ a: 1 });
    const sealedAfter = await rotated.seal({ a: 2 });
    expect(
      JSON.parse(Buffer.from(sealedAfter.split('.')[0] ?? '', 'base64url').toString()),
    ).toMatchObject({ kid: 'k2' });
    expect(await createSessionKeyring([old]).open(sealedAfter)).toBeNull();
  });
});
