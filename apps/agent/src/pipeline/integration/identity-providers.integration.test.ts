import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDevIdp } from '@gatehouse/dev-idp';
import { CookieJar } from '@gatehouse/dev-idp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browse } from '../testing/browser';
import { startTestStack, TEST_CLIENT, type TestStack } from '../testing/start-test-stack';

let stack: TestStack;
let deadIssuer: string;
beforeAll(async () => {
  stack = await startTestStack();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  deadIssuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterAll(() => stack.close());

function withSecondIdp(issuer: string) {
  const first = stack.config.identityProviders[0];
  if (!first) throw new Error('the stack has no IdP');
  return {
    identityProviders: [
      first,
      { ...first, id: 'idp_second', name: 'Second IdP', issuer, ...TEST_CLIENT },
    ],
  };
}

describe('several identity providers', () => {
  it('show a chooser that keeps the return URL', async () => {
    await stack.reapply({ idpIds: ['idp_dev', 'idp_second'] }, withSecondIdp(stack.idp.issuer));
    const jar = new CookieJar();
    const first = await browse(jar, `${stack.agent.url}/tasks/3`);
    expect(first.status).toBe(302);
    const chooserUrl = new URL(first.headers.get('location') ?? '', stack.agent.url);
    expect(chooserUrl.pathname).toBe('/.gatehouse/login');

    const chooser = await browse(jar, chooserUrl.href);
    const page = await chooser.text();
    expect(page).toContain('Dev IdP');
    expect(page).toContain('Second IdP');
    const link =
      /href="([^"]*idp=idp_second[^"]*)"/.exec(page)?.[1]?.replaceAll('&amp;', '&') ?? '';
    const chosen = await browse(jar, new URL(link, stack.agent.url).href);
    expect(chosen.status).toBe(302);
    expect(chosen.headers.get('location')).toMatch(new RegExp(`^${stack.idp.issuer}/`));
  });

  it('explain an unreachable IdP with a 502 page naming it, and retry once it is back', async () => {
    await stack.reapply({ idpIds: ['idp_dev', 'idp_second'] }, withSecondIdp(deadIssuer));
    const loginUrl = `${stack.agent.url}/.gatehouse/login?idp=idp_second`;
    const response = await browse(new CookieJar(), loginUrl);
    expect(response.status).toBe(502);
    const page = await response.text();
    expect(page).toContain('Second IdP');
    expect(page).toContain(response.headers.get('x-request-id') ?? 'missing');

    // The failed discovery is not remembered: the same compiled configuration tries again.
    const revived = await startDevIdp({
      port: Number(new URL(deadIssuer).port),
      clients: [{ ...TEST_CLIENT, redirectUris: [`${stack.agent.url}/.gatehouse/callback`] }],
    });
    try {
      const retried = await browse(new CookieJar(), loginUrl);
      expect(retried.status).toBe(302);
      expect(retried.headers.get('location')).toMatch(new RegExp(`^${deadIssuer}/`));
    } finally {
      await revived.close();
    }
  });
});
