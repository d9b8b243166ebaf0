import { describe, expect, it } from 'vitest';

import { loadClients, toClientMetadata } from './clients';

describe('loadClients', () => {
  it('defaults to the gatehouse-demo client on port 9772', async () => {
    const [demo, ...others] = await loadClients({});
    expect(others).toHaveLength(0);
    expect(demo?.clientId).toBe('gatehouse-demo');
    expect(demo?.redirectUris).toContain('http://localhost:9772/.gatehouse/callback');
    expect(demo?.postLogoutRedirectUris).toContain('http://127.0.0.1:9772/');
  });

  it('reads DEV_IDP_CLIENTS JSON', async () => {
    const json = JSON.stringify([
      { clientId: 'agent', clientSecret: 'agent-secret', redirectUris: ['http://agent:9772/cb'] },
    ]);
    const [agent] = await loadClients({ json });
    expect(toClientMetadata(agent!)).toMatchObject({
      client_id: 'agent',
      redirect_uris: ['http://agent:9772/cb'],
      post_logout_redirect_uris: [],
      grant_types: ['authorization_code', 'refresh_token'],
      token_endpoint_auth_method: 'client_secret_basic',
    });
  });

  it('says which variable holds broken JSON', async () => {
    await expect(loadClients({ json: '[{' })).rejects.toThrow('DEV_IDP_CLIENTS is not valid JSON');
  });

  it('names each invalid field', async () => {
    const json = JSON.stringify([
      {
        clientId: 'a',
        clientSecret: 'long-enough',
        redirectUris: ['ftp://x/cb', 'http://x/#frag'],
      },
      { clientId: 'a', clientSecret: 'short', redirectUris: [] },
    ]);
    const error: unknown = await loadClients({ json }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    const { message } = error as Error;
    expect(message).toMatch(/\[0\]\.redirectUris\[0\]: /);
    expect(message).toMatch(/\[0\]\.redirectUris\[1\]: must not contain a fragment/);
    expect(message).toMatch(/\[1\]\.clientSecret: /);
    expect(message).toMatch(/\[1\]\.redirectUris: /);
    expect(message).toMatch(/\[1\]\.clientId: duplicate clientId a/);
  });
});
