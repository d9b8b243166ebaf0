// ID tokens the agent must refuse at the callback, from a provider that lies at its token
// endpoint (support/rogue-idp.ts): another issuer or audience, no signature, the wrong key or
// algorithm, out of its lifetime, another sign-in's nonce. A refusal is a 403 page and no session.
import { CookieJar } from '@gatehouse/dev-idp/testing';
import { startDemoUpstream, type DemoUpstream } from '@gatehouse/demo-upstream';
import { buildSampleAgentConfig, buildSampleApplication } from '@gatehouse/contract/testing';
import { SignJWT, base64url } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browse } from '../../src/pipeline/testing/browser';
import {
  startPipelineHarness,
  type PipelineHarness,
} from '../../src/pipeline/testing/start-pipeline-harness';
import { startRogueIdp, type IdTokenScenario, type RogueIdp } from './support/rogue-idp';
import { SECURITY_APPLICATION } from './support/security-stack';

let agent: PipelineHarness;
let idp: RogueIdp;
let upstream: DemoUpstream;
beforeAll(async () => {
  [agent, idp, upstream] = await Promise.all([
    startPipelineHarness(),
    startRogueIdp({ clientId: 'gatehouse-test', clientSecret: 'gatehouse-test-secret' }),
    startDemoUpstream({ port: 0 }),
  ]);
  const base = buildSampleAgentConfig();
  await agent.apply({
    ...base,
    identityProviders: [
      {
        ...(base.identityProviders[0] as (typeof base.identityProviders)[number]),
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
      },
    ],
    applications: [
      buildSampleApplication({
        ...SECURITY_APPLICATION,
        applicationUrl: agent.url,
        upstreamServers: [upstream.url],
      }),
    ],
  });
});
afterAll(async () => {
  await agent.close();
  await Promise.all([idp.close(), upstream.close()]);
});

/** Signs in through the rogue IdP with `scenario`'s ID token; the agent's answer to the callback. */
async function signInWith(
  scenario: IdTokenScenario,
): Promise<{ callback: Response; jar: CookieJar }> {
  idp.use(scenario);
  const jar = new CookieJar();
  const login = await browse(jar, `${agent.url}/.gatehouse/login?rd=%2Fwhoami`);
  const authorize = await fetch(login.headers.get('location') ?? '', { redirect: 'manual' });
  const callback = await browse(jar, authorize.headers.get('location') ?? '');
  return { callback, jar };
}

const unsigned = (claims: object) =>
  `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(JSON.stringify(claims))}.`;
const now = () => Math.floor(Date.now() / 1000);

const REFUSED: Array<[string, IdTokenScenario]> = [
  [
    'issued by another provider',
    ({ claims, sign }) => sign({ ...claims, iss: 'https://other-idp.example' }),
  ],
  [
    'issuer with a trailing slash',
    ({ claims, sign }) => sign({ ...claims, iss: `${claims.iss}/` }),
  ],
  ['for another client', ({ claims, sign }) => sign({ ...claims, aud: 'other-client' })],
  [
    'for another client and us, no azp',
    ({ claims, sign }) => sign({ ...claims, aud: ['other-client', 'gatehouse-test'] }),
  ],
  [
    'for us and another client, authorized party the other',
    ({ claims, sign }) =>
      sign({ ...claims, aud: ['gatehouse-test', 'other-client'], azp: 'other-client' }),
  ],
  ['without an audience', ({ claims, sign }) => sign({ ...claims, aud: undefined })],
  ['unsigned (alg none)', ({ claims }) => unsigned(claims)],
  [
    'HS256 with the client secret as key',
    ({ claims, clientSecret }) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', kid: 'rogue-1' })
        .sign(new TextEncoder().encode(clientSecret)),
  ],
  [
    'signed with a key the provider does not publish',
    ({ claims, sign }) => sign(claims, { key: 'unpublished' }),
  ],
  [
    'signature of another token',
    async ({ claims, sign }) => {
      const [header, , signature] = (await sign({ ...claims, sub: 'someone-else' })).split('.');
      const [, payload] = (await sign(claims)).split('.');
      return `${header}.${payload}.${signature}`;
    },
  ],
  [
    'expired an hour ago',
    ({ claims, sign }) => sign({ ...claims, iat: now() - 7200, exp: now() - 3600 }),
  ],
  [
    'not valid before an hour from now',
    ({ claims, sign }) => sign({ ...claims, nbf: now() + 3600 }),
  ],
  ['without an expiry', ({ claims, sign }) => sign({ ...claims, exp: undefined })],
  [
    'with the nonce of another sign-in',
    ({ claims, sign }) => sign({ ...claims, nonce: 'another-sign-in' }),
  ],
  ['without a nonce', ({ claims, sign }) => sign({ ...claims, nonce: undefined })],
  ['without a subject', ({ claims, sign }) => sign({ ...claims, sub: undefined })],
  ['not a JWT at all', () => 'not-a-token'],
];

describe('an ID token', () => {
  it('that is honest signs the user in (the control for the rows below)', async () => {
    const { callback, jar } = await signInWith(({ claims, sign }) => sign(claims));
    expect(callback.status, await callback.clone().text()).toBe(302);
    expect(callback.headers.get('location')).toBe(`${agent.url}/whoami`);
    const whoami = await browse(jar, `${agent.url}/whoami?format=json`);
    expect(await whoami.json()).toMatchObject({ email: 'rogue@example.com' });
  });

  it.each(REFUSED)('%s is refused, and no session is made', async (_name, scenario) => {
    const { callback, jar } = await signInWith(scenario);
    const page = await callback.text();
    expect(callback.status, page).toBe(403);
    expect(page).toContain('Sign-in failed');
    const after = await browse(jar, `${agent.url}/whoami?format=json`);
    expect(after.status).toBe(302);
    expect(after.headers.get('location')).toMatch(new RegExp(`^${idp.issuer}/authorize`));
  });
});
