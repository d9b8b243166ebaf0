import { describe, expect, it } from 'vitest';

import { startDevIdp } from './server';

describe('startDevIdp', () => {
  it('announces a given issuer while listening on an ephemeral loopback port', async () => {
    const idp = await startDevIdp({ issuer: 'http://dev-idp.test:3001/' });
    try {
      expect(idp.issuer).toBe('http://dev-idp.test:3001');
      expect(idp.url).toBe(`http://127.0.0.1:${idp.port}`);
      const response = await fetch(`${idp.url}/.well-known/openid-configuration`);
      const metadata = (await response.json()) as Record<string, unknown>;
      expect(metadata.issuer).toBe('http://dev-idp.test:3001');
      // oidc-provider builds endpoint URLs from the request's Host; only the issuer is fixed.
      expect(metadata.authorization_endpoint).toBe(`${idp.url}/auth`);
      expect(metadata.end_session_endpoint).toBe(`${idp.url}/session/end`);
      expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
      expect(metadata.response_types_supported).toEqual(['code']);
      expect(metadata.scopes_supported).toEqual(
        expect.arrayContaining(['openid', 'email', 'profile', 'groups', 'offline_access']),
      );
    } finally {
      await idp.close();
    }
  });

  it('refuses an issuer with a path, which its root-mounted endpoints could not serve', async () => {
    await expect(startDevIdp({ issuer: 'http://127.0.0.1:3001/idp' })).rejects.toThrow(
      'must be an origin without a path',
    );
  });

  it('stops accepting connections once closed', async () => {
    const idp = await startDevIdp();
    await idp.close();
    await expect(fetch(`${idp.url}/.well-known/openid-configuration`)).rejects.toThrow();
  });
});
