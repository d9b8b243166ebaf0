// loginThroughIdp as the agent's integration tests use it: start at a protected page of a
// relying party that has its own cookie session, and end on that page, signed in.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as client from 'openid-client';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { startDevIdp, type DevIdp } from '../server';
import { CookieJar } from './cookie-jar';
import { loginThroughIdp } from './login';

let idp: DevIdp;
let rp: Server;
let rpUrl: string;

// A minimal server-side relying party: / needs a session, /callback redeems the code.
async function startRelyingParty(): Promise<void> {
  const pending = new Map<string, { verifier: string; nonce: string }>();
  const sessions = new Map<string, string>();
  let config: client.Configuration | undefined;
  rp = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', rpUrl);
      config ??= await client.discovery(
        new URL(idp.issuer),
        'rp',
        undefined,
        client.ClientSecretBasic('rp-secret'),
        {
          execute: [client.allowInsecureRequests],
        },
      );
      const sid = /rp_session=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
      if (url.pathname === '/callback') {
        const state = url.searchParams.get('state') ?? '';
        const checks = pending.get(state);
        const tokens = await client.authorizationCodeGrant(config, url, {
          pkceCodeVerifier: checks?.verifier,
          expectedNonce: checks?.nonce,
          expectedState: state,
        });
        const id = client.randomState();
        const email = tokens.claims()?.email;
        sessions.set(id, typeof email === 'string' ? email : 'no email');
        res.writeHead(302, { location: '/', 'set-cookie': `rp_session=${id}; Path=/; HttpOnly` });
        res.end();
      } else if (sid && sessions.has(sid)) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`hello ${sessions.get(sid)}`);
      } else {
        const verifier = client.randomPKCECodeVerifier();
        const state = client.randomState();
        const nonce = client.randomNonce();
        pending.set(state, { verifier, nonce });
        const location = client.buildAuthorizationUrl(config, {
          redirect_uri: `${rpUrl}/callback`,
          scope: 'openid email groups',
          code_challenge: await client.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
          state,
          nonce,
        });
        res.writeHead(302, { location: location.href });
        res.end();
      }
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => rp.listen(0, '127.0.0.1', resolve));
  rpUrl = `http://127.0.0.1:${(rp.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  await startRelyingParty();
  idp = await startDevIdp({
    clients: [{ clientId: 'rp', clientSecret: 'rp-secret', redirectUris: [`${rpUrl}/callback`] }],
  });
});
afterAll(async () => {
  await idp.close();
  rp.closeAllConnections();
  await new Promise((resolve) => rp.close(resolve));
});

it('signs in through a relying party and ends on its protected page', async () => {
  const jar = new CookieJar();
  const result = await loginThroughIdp({
    startUrl: `${rpUrl}/`,
    login: 'alice@example.com',
    password: 'password',
    jar,
  });
  expect(result.url.href).toBe(`${rpUrl}/`);
  expect(result.response.status).toBe(200);
  expect(await result.response.text()).toBe('hello alice@example.com');
  expect(result.visited.filter((step) => step.startsWith('POST'))).toHaveLength(1);

  // The jar now holds both sessions: the relying party answers at once.
  const again = await fetch(`${rpUrl}/`, { headers: { cookie: jar.cookieHeaderFor(rpUrl) ?? '' } });
  expect(await again.text()).toBe('hello alice@example.com');
});
