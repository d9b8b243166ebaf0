import { describe, expect, it } from 'vitest';
import { compileApiUsers } from './api-auth';
import { DEFAULT_API_USERS } from './api-users';
import { identifyRequest } from './identify';
import { createUserStore } from './users';

function setUp() {
  return { users: createUserStore(), apiUsers: compileApiUsers(DEFAULT_API_USERS) };
}

const page = (headers: Record<string, string[]>) => ({ headers, acceptsApiCredentials: false });
const api = (headers: Record<string, string[]>) => ({ headers, acceptsApiCredentials: true });
const basicApiBot = `Basic ${Buffer.from('api-bot:api-bot-password').toString('base64')}`;

describe('identifyRequest', () => {
  it('signs alice in from X-Email with the highest X-Groups role, creating her on first sight', () => {
    const dependencies = setUp();
    expect(dependencies.users.findUser('alice@example.com')).toBeUndefined();

    const outcome = identifyRequest(
      page({ 'x-email': ['alice@example.com'], 'x-groups': ['user:admin'] }),
      dependencies,
    );

    expect(outcome).toEqual({
      ok: true,
      identity: {
        kind: 'signed-in',
        authenticatedBy: 'header',
        username: 'alice@example.com',
        email: 'alice@example.com',
        role: 'admin',
        groups: ['user', 'admin'],
      },
    });
    expect(dependencies.users.findUser('alice@example.com')).toMatchObject({ role: 'admin' });
  });

  it('updates the role on later sightings but keeps the user created the first time', () => {
    const dependencies = setUp();
    identifyRequest(page({ 'x-email': ['bob@example.com'], 'x-groups': ['admin'] }), dependencies);
    const first = dependencies.users.findUser('bob@example.com');

    identifyRequest(page({ 'x-email': ['bob@example.com'], 'x-groups': ['worker'] }), dependencies);
    identifyRequest(page({ 'x-email': ['bob@example.com'] }), dependencies);

    expect(dependencies.users.listUsers()).toHaveLength(1);
    const latest = dependencies.users.findUser('bob@example.com');
    expect(latest).toMatchObject({ email: 'bob@example.com', role: null, groups: [] });
    expect(latest?.createdAt).toBe(first?.createdAt);
  });

  it('leaves a request without X-Email anonymous and creates nobody', () => {
    const dependencies = setUp();
    const withoutEmail: Record<string, string[]>[] = [
      {},
      { 'x-groups': ['admin'] },
      { 'x-email': ['   '] },
    ];
    for (const headers of withoutEmail) {
      expect(identifyRequest(page(headers), dependencies)).toEqual({
        ok: true,
        identity: { kind: 'anonymous' },
      });
    }
    expect(dependencies.users.listUsers()).toEqual([]);
  });

  it('ignores API credentials outside /api', () => {
    const dependencies = setUp();
    const outcome = identifyRequest(page({ authorization: ['Token wrong'] }), dependencies);
    expect(outcome).toEqual({ ok: true, identity: { kind: 'anonymous' } });
  });

  it('checks API credentials before the headers on /api, as CVAT does', () => {
    const dependencies = setUp();
    const outcome = identifyRequest(
      api({ authorization: [basicApiBot], 'x-email': ['alice@example.com'] }),
      dependencies,
    );
    expect(outcome).toMatchObject({
      ok: true,
      identity: { authenticatedBy: 'basic', username: 'api-bot', role: 'user' },
    });
    expect(dependencies.users.listUsers()).toEqual([]);
  });

  it('refuses a bad API credential even when X-Email is present', () => {
    const dependencies = setUp();
    const outcome = identifyRequest(
      api({ authorization: ['Token wrong'], 'x-email': ['alice@example.com'] }),
      dependencies,
    );
    expect(outcome).toEqual({ ok: false, status: 401, detail: 'Invalid token.' });
    expect(dependencies.users.listUsers()).toEqual([]);
  });

  it('falls through to X-Email when Authorization uses a scheme CVAT does not check', () => {
    const outcome = identifyRequest(
      api({ authorization: ['Bearer something'], 'x-email': ['carol@example.com'] }),
      setUp(),
    );
    expect(outcome).toMatchObject({ ok: true, identity: { email: 'carol@example.com' } });
  });

  it('refuses an identity header sent twice instead of picking one copy', () => {
    const dependencies = setUp();
    const outcome = identifyRequest(
      page({ 'x-email': ['alice@example.com', 'mallory@example.com'] }),
      dependencies,
    );
    expect(outcome).toEqual({
      ok: false,
      status: 400,
      detail: 'X-Email was sent 2 times; send it once.',
    });
    expect(dependencies.users.listUsers()).toEqual([]);
  });

  it('refuses X-Email folded into one comma-joined field', () => {
    const outcome = identifyRequest(
      page({ 'x-email': ['alice@example.com, mallory@example.com'] }),
      setUp(),
    );
    expect(outcome).toMatchObject({ ok: false, status: 400 });
  });
});
