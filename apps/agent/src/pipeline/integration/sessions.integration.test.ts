import { randomBytes } from 'node:crypto';
import { CookieJar } from '@gatehouse/dev-idp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZSession, type Session } from '../../session/session';
import { createSessionKeyring } from '../../session/session-keyring';
import { browse, readWhoami, signIn } from '../testing/browser';
import { startTestStack, type TestStack } from '../testing/start-test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

const now = () => Math.floor(Date.now() / 1000);

/** The session cookie the agent set in `jar`: its name and value. */
function findSessionCookie(jar: CookieJar): { name: string; value: string } {
  const header = jar.cookieHeaderFor(stack.agent.url) ?? '';
  const pair = header.split('; ').find((cookie) => /^gatehouse_[A-Za-z0-9]+_0=/.test(cookie));
  if (!pair) throw new Error(`no session cookie in ${header}`);
  const equals = pair.indexOf('=');
  return { name: pair.slice(0, equals), value: pair.slice(equals + 1) };
}

function setCookie(jar: CookieJar, name: string, value: string): void {
  jar.setCookie(`${name}=${value}; Path=/`, stack.agent.url);
}

/** Reads the real session out of the cookie with the deployment's keys, as an agent would. */
async function openSession(value: string): Promise<Session> {
  return ZSession.parse(await createSessionKeyring(stack.config.sessionKeys).open(value));
}

async function sealSession(session: Session, keys = stack.config.sessionKeys): Promise<string> {
  return createSessionKeyring(keys).seal(session);
}

async function expectSentToSignIn(jar: CookieJar): Promise<Response> {
  const response = await browse(jar, `${stack.agent.url}/whoami?format=json`);
  expect(response.status).toBe(302);
  expect(response.headers.get('location')).toMatch(new RegExp(`^${stack.idp.issuer}/`));
  return response;
}

describe('session cookies', () => {
  it('are accepted as issued', async () => {
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'alice@example.com');
    const whoami = await readWhoami(await browse(jar, `${stack.agent.url}/whoami?format=json`));
    expect(whoami.email).toBe('alice@example.com');
    const cookie = (await browse(jar, `${stack.agent.url}/`)).headers.getSetCookie();
    expect(cookie).toEqual([]); // a cached session costs no new cookie
  });

  it('are refused when tampered with, and cleared', async () => {
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'alice@example.com');
    const { name, value } = findSessionCookie(jar);
    const index = value.length - 10;
    const flipped = `${value.slice(0, index)}${value[index] === 'A' ? 'B' : 'A'}${value.slice(index + 1)}`;
    setCookie(jar, name, flipped);
    const response = await expectSentToSignIn(jar);
    expect(response.headers.getSetCookie()).toContainEqual(
      expect.stringMatching(new RegExp(`^${name}=; .*Max-Age=0`)),
    );
  });

  it('are refused once expired', async () => {
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'bob@example.com');
    const { name, value } = findSessionCookie(jar);
    const session = await openSession(value);
    setCookie(jar, name, await sealSession({ ...session, expiresAt: now() - 1 }));
    await expectSentToSignIn(jar);
  });

  it('are refused after the idle timeout, even within their lifetime', async () => {
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'bob@example.com');
    const { name, value } = findSessionCookie(jar);
    const session = await openSession(value);
    const idle = stack.config.applications[0]?.session.idleTimeoutSeconds ?? 0;
    setCookie(jar, name, await sealSession({ ...session, lastSeenAt: now() - idle - 1 }));
    await expectSentToSignIn(jar);
  });

  it('are refused when another deployment issued them', async () => {
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'carol@example.com');
    const { name, value } = findSessionCookie(jar);
    const session = await openSession(value);
    // Another deployment's keys, even under the same key id…
    const otherKeys = [
      {
        id: stack.config.sessionKeys[0]?.id ?? 'sk1',
        secret: randomBytes(32).toString('base64url'),
      },
    ];
    setCookie(jar, name, await sealSession(session, otherKeys));
    await expectSentToSignIn(jar);
    // …and a session naming another deployment, should keys ever be shared by mistake.
    setCookie(jar, name, await sealSession({ ...session, deploymentId: 'dep_other' }));
    await expectSentToSignIn(jar);
  });

  it('are refreshed at the IdP before the tokens expire', async () => {
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'alice@example.com');
    const { name, value } = findSessionCookie(jar);
    const session = await openSession(value);
    expect(session.refreshToken).toBeTruthy();
    setCookie(jar, name, await sealSession({ ...session, refreshAt: now() - 1 }));

    const response = await browse(jar, `${stack.agent.url}/whoami?format=json`);
    const whoami = await readWhoami(response);
    expect(whoami.email).toBe('alice@example.com');
    const refreshed = await openSession(findSessionCookie(jar).value);
    expect(refreshed.id).toBe(session.id);
    // Only a successful refresh at the IdP plans the next one.
    expect(refreshed.refreshAt).toBeGreaterThan(now());
  });

  it('send the user to sign in again when the refresh fails', async () => {
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'alice@example.com');
    const { name, value } = findSessionCookie(jar);
    const session = await openSession(value);
    setCookie(
      jar,
      name,
      await sealSession({ ...session, refreshAt: now() - 1, refreshToken: 'revoked-or-unknown' }),
    );
    const response = await expectSentToSignIn(jar);
    expect(response.headers.getSetCookie()).toContainEqual(
      expect.stringMatching(new RegExp(`^${name}=; .*Max-Age=0`)),
    );
  });
});

describe('activity on a session cookie', () => {
  it('re-seals the cookie once per touch interval, however often a stale copy comes back', async () => {
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'bob@example.com');
    const { name, value } = findSessionCookie(jar);
    const session = await openSession(value);
    // Last seen two minutes ago: past the touch interval, well within the idle timeout.
    const stale = `${name}=${await sealSession({ ...session, lastSeenAt: now() - 120 })}`;
    const send = () =>
      fetch(`${stack.agent.url}/whoami?format=json`, { headers: { cookie: stale } });
    const first = await send();
    expect((await readWhoami(first)).email).toBe('bob@example.com');
    expect(first.headers.getSetCookie()).toHaveLength(1);
    // A client that never stores cookies (or requests already in flight) keep sending it.
    for (let index = 0; index < 3; index += 1) {
      const again = await send();
      expect((await readWhoami(again)).email).toBe('bob@example.com');
      expect(again.headers.getSetCookie()).toEqual([]);
    }
  });

  it("never lets the cookie a sign-in replaced open the new user's session", async () => {
    const alice = await signIn(`${stack.agent.url}/whoami?format=json`, 'alice@example.com');
    const aliceCookie = findSessionCookie(alice.jar);
    // Bob signs in in a browser that still holds Alice's session cookie.
    const bobJar = new CookieJar();
    setCookie(bobJar, aliceCookie.name, aliceCookie.value);
    await signIn(
      `${stack.agent.url}/.gatehouse/login?rd=%2Fwhoami%3Fformat%3Djson`,
      'bob@example.com',
      bobJar,
    );
    expect(findSessionCookie(bobJar).value).not.toBe(aliceCookie.value);
    expect(
      (await readWhoami(await browse(bobJar, `${stack.agent.url}/whoami?format=json`))).email,
    ).toBe('bob@example.com');
    const replay = await fetch(`${stack.agent.url}/whoami?format=json`, {
      headers: { cookie: `${aliceCookie.name}=${aliceCookie.value}` },
    });
    expect((await readWhoami(replay)).email).toBe('alice@example.com');
  });
});

describe('logout', () => {
  it('clears the session', async () => {
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'alice@example.com');
    const response = await browse(jar, `${stack.agent.url}/.gatehouse/logout`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('You are signed out');
    await expectSentToSignIn(jar);
  });

  it('returns to a same-origin rd only', async () => {
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'alice@example.com');
    const response = await browse(jar, `${stack.agent.url}/.gatehouse/logout?rd=//evil.example/`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${stack.agent.url}/`);
  });
});
