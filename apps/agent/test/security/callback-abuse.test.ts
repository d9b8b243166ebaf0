// Abuse of <prefix>/callback: missing, unknown, foreign, expired or replayed `state`; a code
// issued to another client; markup in the IdP's error; oversized requests; bodies that are huge,
// compressed or trickled in. Each is refused without a session, in bounded time and size.
import { gzipSync } from 'node:zlib';
import { CookieJar, loginThroughIdp } from '@gatehouse/dev-idp/testing';
import { startDemoUpstream, type DemoUpstream } from '@gatehouse/demo-upstream';
import { startDevIdp, type DevIdp } from '@gatehouse/dev-idp';
import { buildSampleAgentConfig, buildSampleApplication } from '@gatehouse/contract/testing';
import type { TAgentConfig } from '@gatehouse/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameLoginStateCookie, sealLoginState, type LoginState } from '../../src/oidc/login-state';
import {
  UNREAD_BODY_LIMIT_BYTES,
  UNREAD_BODY_LINGER_MS,
} from '../../src/pipeline/limit-unread-body';
import { browse } from '../../src/pipeline/testing/browser';
import {
  startPipelineHarness,
  type PipelineHarness,
} from '../../src/pipeline/testing/start-pipeline-harness';
import { TEST_CLIENT } from '../../src/pipeline/testing/start-test-stack';
import { createSessionKeyring } from '../../src/session/session-keyring';
import { buildRawRequest, sendRawRequest } from './support/raw-http';
import { SECURITY_APPLICATION } from './support/security-stack';
import { startSlowUpload } from './support/slow-client';

const OTHER_CLIENT = {
  clientId: 'another-app',
  clientSecret: 'another-app-secret',
  redirectUris: ['http://127.0.0.1:9/callback'],
};

let agent: PipelineHarness;
let idp: DevIdp;
let upstream: DemoUpstream;
let config: TAgentConfig;
beforeAll(async () => {
  [agent, upstream] = await Promise.all([startPipelineHarness(), startDemoUpstream({ port: 0 })]);
  idp = await startDevIdp({
    port: 0,
    clients: [{ ...TEST_CLIENT, redirectUris: [`${agent.url}/.gatehouse/callback`] }, OTHER_CLIENT],
  });
  const base = buildSampleAgentConfig();
  config = {
    ...base,
    identityProviders: [
      {
        ...(base.identityProviders[0] as (typeof base.identityProviders)[number]),
        issuer: idp.issuer,
        ...TEST_CLIENT,
      },
    ],
    applications: [
      buildSampleApplication({
        ...SECURITY_APPLICATION,
        applicationUrl: agent.url,
        upstreamServers: [upstream.url],
      }),
    ],
  };
  await agent.apply(config);
});
afterAll(async () => {
  await agent.close();
  await Promise.all([idp.close(), upstream.close()]);
});

interface StartedSignIn {
  jar: CookieJar;
  state: string;
  /** The IdP's authorization URL the agent redirected to. */
  authorizeUrl: string;
}

async function startSignIn(): Promise<StartedSignIn> {
  const jar = new CookieJar();
  const response = await browse(jar, `${agent.url}/.gatehouse/login?rd=%2Fwhoami`);
  const authorizeUrl = response.headers.get('location') ?? '';
  return { jar, authorizeUrl, state: new URL(authorizeUrl).searchParams.get('state') ?? '' };
}

/** Signs in at the IdP and stops at the callback URL, without calling it. */
async function fetchCallbackUrl(started: StartedSignIn): Promise<string> {
  const { url } = await loginThroughIdp({
    startUrl: started.authorizeUrl,
    login: 'alice@example.com',
    password: 'password',
    jar: started.jar,
    stopWhen: (next) => next.pathname === '/.gatehouse/callback',
  });
  return url.href;
}

function hasSession(jar: CookieJar): boolean {
  return /gatehouse_[A-Za-z0-9]+_0=[^;]/.test(jar.cookieHeaderFor(`${agent.url}/`) ?? '');
}

async function expectSentBack(response: Response, status: number, text: string): Promise<void> {
  const page = await response.text();
  expect(response.status, page).toBe(status);
  expect(page).toContain(text);
}

describe('the callback refuses', () => {
  it('a missing state', async () => {
    const jar = new CookieJar();
    await expectSentBack(
      await browse(jar, `${agent.url}/.gatehouse/callback?code=x`),
      400,
      'Sign-in expired',
    );
  });

  it('a state without its sign-in cookie (another browser)', async () => {
    const started = await startSignIn();
    const callback = await fetchCallbackUrl(started);
    await expectSentBack(await browse(new CookieJar(), callback), 400, 'Sign-in expired');
  });

  it("a state that is not the sign-in cookie's", async () => {
    const first = await startSignIn();
    const second = await startSignIn();
    const callback = new URL(await fetchCallbackUrl(first));
    callback.searchParams.set('state', second.state);
    await expectSentBack(await browse(first.jar, callback.href), 400, 'Sign-in expired');
    expect(hasSession(first.jar)).toBe(false);
  });

  it.each([
    ['another application', { applicationId: 'app_other' }],
    ['another deployment', { deploymentId: 'dep_other' }],
    ['an expired sign-in', { expiresAt: Math.floor(Date.now() / 1000) - 1 }],
  ])('a sign-in cookie of %s', async (_name, change: Partial<LoginState>) => {
    const started = await startSignIn();
    const callback = await fetchCallbackUrl(started);
    const keyring = createSessionKeyring(config.sessionKeys);
    const cookieName = nameLoginStateCookie(agentCookieBase(started.jar), started.state);
    const value = (started.jar.cookieHeaderFor(callback) ?? '')
      .split('; ')
      .find((pair) => pair.startsWith(`${cookieName}=`))
      ?.slice(cookieName.length + 1);
    const original = (await keyring.open(value ?? '')) as LoginState;
    const forged = await sealLoginState(
      keyring,
      { ...original, ...change },
      {
        cookieBase: agentCookieBase(started.jar),
        callbackPath: '/.gatehouse/callback',
        secure: false,
      },
    );
    started.jar.setCookie(forged, callback);
    await expectSentBack(await browse(started.jar, callback), 400, 'Sign-in expired');
    expect(hasSession(started.jar)).toBe(false);
  });

  it('the callback replayed after it signed the user in', async () => {
    const started = await startSignIn();
    const callback = await fetchCallbackUrl(started);
    expect((await browse(started.jar, callback)).status).toBe(302);
    await expectSentBack(await browse(started.jar, callback), 400, 'Sign-in expired');
  });

  it('the callback replayed with a captured sign-in cookie (the code is spent)', async () => {
    const started = await startSignIn();
    const callback = await fetchCallbackUrl(started);
    const captured = started.jar.cookieHeaderFor(callback) ?? '';
    expect((await browse(started.jar, callback)).status).toBe(302);
    const attacker = new CookieJar();
    for (const pair of captured.split('; ')) attacker.setCookie(`${pair}; Path=/`, callback);
    await expectSentBack(await browse(attacker, callback), 403, 'Sign-in failed');
    expect(hasSession(attacker)).toBe(false);
  });

  it('a code the IdP issued to another client', async () => {
    const started = await startSignIn();
    const authorize = new URL(started.authorizeUrl);
    authorize.searchParams.set('client_id', OTHER_CLIENT.clientId);
    authorize.searchParams.set('redirect_uri', OTHER_CLIENT.redirectUris[0] ?? '');
    const { url } = await loginThroughIdp({
      startUrl: authorize,
      login: 'alice@example.com',
      password: 'password',
      jar: started.jar,
      stopWhen: (next) => next.href.startsWith(OTHER_CLIENT.redirectUris[0] ?? ''),
    });
    const code = url.searchParams.get('code');
    expect(code).toBeTruthy();
    const callback = `${agent.url}/.gatehouse/callback?code=${code}&state=${started.state}`;
    await expectSentBack(await browse(started.jar, callback), 403, 'Sign-in failed');
    expect(hasSession(started.jar)).toBe(false);
  });

  it('markup in the IdP error, shown as text', async () => {
    const started = await startSignIn();
    const markup = '<script>alert(document.cookie)</script>';
    const callback = `${agent.url}/.gatehouse/callback?state=${started.state}&error=access_denied&error_description=${encodeURIComponent(markup)}`;
    const response = await browse(started.jar, callback);
    const page = await response.text();
    expect(response.status).toBe(403);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;');
  });
});

describe('the callback stays bounded in size and time', () => {
  const host = () => new URL(agent.url).host;

  it('refuses a query string larger than the header limit', async () => {
    const response = await sendRawRequest(
      agent.url,
      buildRawRequest('GET', `/.gatehouse/callback?state=x&code=${'a'.repeat(32 * 1024)}`, host()),
    );
    expect([414, 431]).toContain(response.status);
  });

  it('refuses a cookie header larger than the header limit', async () => {
    const response = await sendRawRequest(
      agent.url,
      buildRawRequest('GET', '/.gatehouse/callback?state=x', host(), [
        ['Cookie', `a=${'b'.repeat(20 * 1024)}`],
      ]),
    );
    expect(response.status).toBe(431);
  });

  it.each([
    ['a 100 MB body', [['Content-Length', String(100 * 1024 * 1024)]]],
    ['a chunked body', [['Transfer-Encoding', 'chunked']]],
    [
      'a gzip bomb',
      [
        ['Content-Encoding', 'gzip'],
        ['Content-Length', String(gzipSync(Buffer.alloc(64 * 1024 * 1024)).length)],
      ],
    ],
  ])('answers without waiting for %s', async (_name, fields) => {
    const upload = startSlowUpload(
      agent.url,
      buildRawRequest(
        'POST',
        '/.gatehouse/callback?state=x',
        host(),
        fields as Array<[string, string]>,
      ),
      { chunkBytes: 1024, everyMs: 50 },
    );
    try {
      // The answer comes although almost none of the body was sent.
      expect(await upload.answered).toBe('HTTP/1.1 400 Bad Request');
    } finally {
      upload.stop();
    }
  });

  it('closes the connection once it discarded more than the unread-body limit', async () => {
    const upload = startSlowUpload(
      agent.url,
      buildRawRequest('POST', '/.gatehouse/callback?state=x', host(), [
        // Keep-alive: with `Connection: close` Node drops the connection after any answer.
        ['Connection', 'keep-alive'],
        ['Content-Length', String(1024 * 1024 * 1024)],
      ]),
      { chunkBytes: 256 * 1024, everyMs: 5 },
    );
    expect(await upload.answered).toBe('HTTP/1.1 400 Bad Request');
    const sent = await upload.closed;
    // Sent before the agent cut it: the limit plus what was in flight, far from the gigabyte.
    expect(sent).toBeLessThan(UNREAD_BODY_LIMIT_BYTES * 16);
  });

  it(
    'closes the connection of a client trickling a body it will never finish',
    async () => {
      const upload = startSlowUpload(
        agent.url,
        buildRawRequest('POST', '/.gatehouse/callback?state=x', host(), [
          // Keep-alive: with `Connection: close` Node drops the connection after any answer.
          ['Connection', 'keep-alive'],
          ['Content-Length', String(1024 * 1024 * 1024)],
        ]),
        { chunkBytes: 100, everyMs: 100 },
      );
      expect(await upload.answered).toBe('HTTP/1.1 400 Bad Request');
      expect(await upload.closed).toBeLessThan(UNREAD_BODY_LIMIT_BYTES);
    },
    4 * UNREAD_BODY_LINGER_MS,
  );
});

/** The agent's cookie prefix for this application, read from the sign-in cookie's name. */
function agentCookieBase(jar: CookieJar): string {
  const header = jar.cookieHeaderFor(`${agent.url}/.gatehouse/callback`) ?? '';
  const match = /(gatehouse_[A-Za-z0-9]+)_login_/.exec(header);
  if (!match?.[1]) throw new Error(`no sign-in cookie in ${header}`);
  return match[1];
}
