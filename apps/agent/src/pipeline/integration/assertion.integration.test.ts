import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browse, readWhoami, signIn } from '../testing/browser';
import { startTestStack, type TestStack } from '../testing/start-test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    application: {
      attributePass: [
        { field: 'email', name: 'X-Email', type: 'HEADER', join: null },
        { field: 'email', name: 'email', type: 'JWT', join: null },
        { field: 'groups', name: 'groups', type: 'JWT', join: null },
        { field: 'role', name: 'role', type: 'JWT', join: null },
      ],
    },
  });
});
afterAll(() => stack.close());

describe('the JWT attribute pass', () => {
  it('sends an ES256 assertion that verifies against jwks.json', async () => {
    const { response } = await signIn(`${stack.agent.url}/whoami?format=json`, 'alice@example.com');
    const whoami = await readWhoami(response);
    const token = whoami.headers['x-gatehouse-jwt-assertion']?.[0];
    expect(token).toBeTruthy();

    const jwks = createRemoteJWKSet(new URL(`${stack.agent.url}/.gatehouse/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(token ?? '', jwks, {
      issuer: `${stack.agent.url}/.gatehouse`,
      audience: stack.agent.url,
      algorithms: ['ES256'],
    });
    expect(protectedHeader.kid).toBe(stack.config.assertionKeys[0]?.id);
    expect(payload).toMatchObject({
      sub: 'dev-user-alice',
      email: 'alice@example.com',
      groups: ['cvat-admins'],
      role: 'admin',
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(
      stack.config.applications[0]?.assertion.ttlSeconds,
    );
  });

  it('publishes only public keys', async () => {
    const response = await fetch(`${stack.agent.url}/.gatehouse/jwks.json`);
    const { keys } = (await response.json()) as { keys: Array<Record<string, unknown>> };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('answers its health on the reserved prefix and 404 for unknown reserved paths', async () => {
    expect((await fetch(`${stack.agent.url}/.gatehouse/healthz`)).status).toBe(200);
    const unknown = await browse(
      (await signIn(`${stack.agent.url}/whoami?format=json`, 'bob@example.com')).jar,
      `${stack.agent.url}/.gatehouse/anything`,
    );
    expect(unknown.status).toBe(404);
  });
});
