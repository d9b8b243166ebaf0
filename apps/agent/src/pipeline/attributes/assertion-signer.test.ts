import { buildSampleAgentConfig, generateAssertionJwk } from '@gatehouse/contract/testing';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { importAssertionKeys, signAssertion } from './assertion-signer';

describe('signAssertion', () => {
  it('signs an ES256 token that verifies against the published keys, through a rotation', async () => {
    const { assertionKeys } = buildSampleAgentConfig();
    const next = { id: 'ak2', privateJwk: generateAssertionJwk() };
    const before = await importAssertionKeys(assertionKeys);
    const after = await importAssertionKeys([next, ...assertionKeys]);
    const settings = {
      issuer: 'https://cvat.example/.gatehouse',
      audience: 'https://cvat.example',
      ttlSeconds: 60,
    };
    const now = Math.floor(Date.now() / 1000);

    const signed = await signAssertion(before, settings, 'sub-1', { email: 'a@example.com' }, now);
    const { payload, protectedHeader } = await jwtVerify(
      signed.token,
      createLocalJWKSet(after.jwks),
      {
        issuer: settings.issuer,
        audience: settings.audience,
      },
    );
    expect(protectedHeader).toMatchObject({ alg: 'ES256', kid: 'ak1' });
    expect(payload).toMatchObject({ sub: 'sub-1', email: 'a@example.com', exp: now + 60 });
    expect(after.jwks.keys.every((key) => !('d' in key))).toBe(true);

    await expect(
      jwtVerify(signed.token, createLocalJWKSet(after.jwks), { audience: 'https://other.example' }),
    ).rejects.toThrow();
  });
});
