// Secrets never leave the console except where they must: a password, an API token, a
// provisioning secret, an invitation token, an IdP client secret, the deployment's session and
// assertion keys, and the console's own keys appear in no response (but the one that shows a new
// secret once, and the agent's configuration document, which exists to carry them) and in no
// log line, through every route that handles them, successes and failures alike.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as configRoute from '../../app/api/agent/v1/config/route';
import * as heartbeatRoute from '../../app/api/agent/v1/heartbeat/route';
import { verifyCredentials } from '@/server/accounts/verify-credentials';
import type { RouteHandler } from '@/server/api/with-api';
import { callRoute, type CallOptions } from '../helpers/call-route';
import { basicAuth } from '../helpers/api-fixtures';
import { setUpOwnerSuite } from '../helpers/console-test';
import { loadHandler } from '../helpers/route-table';

const suite = setUpOwnerSuite();
const logs: string[] = [];
beforeAll(() => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logs.push(
        args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 8 }))).join(' '),
      );
    });
  }
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    vi.spyOn(stream, 'write').mockImplementation((chunk: unknown, ...rest: unknown[]) => {
      logs.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
      return write(chunk, ...rest);
    });
  }
});
afterAll(() => {
  vi.restoreAllMocks();
});

/** Every response seen, and which ones may show which secrets. */
const responses: Array<{ label: string; text: string; mayShow: Set<string> }> = [];
const secrets = new Map<string, string>();

function remember(name: string, value: string | undefined | null): string {
  if (!value) throw new Error(`no ${name} to remember`);
  secrets.set(name, value);
  return value;
}

async function call<T = Record<string, unknown>>(
  label: string,
  handler: RouteHandler,
  options: CallOptions,
  mayShow: string[] = [],
) {
  const result = await callRoute<T>(handler, options);
  responses.push({
    label,
    text: `${JSON.stringify(result.body)} ${JSON.stringify([...result.headers])}`,
    mayShow: new Set(mayShow),
  });
  return result;
}

const route = loadHandler;

describe('secrets', () => {
  it('go through every route that handles them', async () => {
    remember('the console encryption key', process.env.GATEHOUSE_ENCRYPTION_KEY);
    remember('the console session secret', process.env.NEXTAUTH_SECRET);
    const auth = suite.owner.token;

    const password = remember('a password', 'sign-up password 7f3a9c');
    await call('sign-up', await route('auth/sign-up', 'POST'), {
      method: 'POST',
      body: { email: 'secret-owner@example.test', password, organizationName: 'Secret Org' },
    });
    await call('sign-up refused', await route('auth/sign-up', 'POST'), {
      method: 'POST',
      body: { email: 'not-an-email', password, organizationName: 'x' },
    });
    await verifyCredentials(
      { email: 'secret-owner@example.test', password: `${password}-wrong` },
      null,
    );
    remember('a wrong password', `${password}-wrong`);

    const token = await call<{ token: string; id: string }>(
      'create API token',
      await route('api-tokens', 'POST'),
      { method: 'POST', auth, body: { name: 'ci' } },
      ['an API token'],
    );
    remember('an API token', token.body.token);
    await call('list API tokens', await route('api-tokens', 'GET'), { auth });
    await call('me with the new token', await route('me', 'GET'), { auth: token.body.token });
    const guessed = remember('a guessed API token', `ght_${'g'.repeat(43)}`);
    await call('me with a guessed token', await route('me', 'GET'), { auth: guessed });

    const deployment = await call<{ id: string }>(
      'create deployment',
      await route('deployments', 'POST'),
      {
        method: 'POST',
        auth,
        body: { name: 'secret deployment' },
      },
    );
    const deploymentId = deployment.body.id;
    await call('get deployment', await route('deployments/[id]', 'GET'), {
      auth,
      params: { id: deploymentId },
    });

    const clientSecret = remember('an IdP client secret', 'idp-client-secret-2b61e0');
    const created = await call<{ id: string }>(
      'create IdP',
      await route('deployments/[id]/idps', 'POST'),
      {
        method: 'POST',
        auth,
        params: { id: deploymentId },
        body: {
          name: 'Dev',
          provider: 'GENERIC',
          clientId: 'gatehouse',
          clientSecret,
          issuer: suite.idp.issuer,
        },
      },
    );
    const idpId = created.body.id;
    await call('get IdP', await route('idps/[id]', 'GET'), { auth, params: { id: idpId } });
    await call('list IdPs', await route('deployments/[id]/idps', 'GET'), {
      auth,
      params: { id: deploymentId },
    });
    const rotated = remember('a rotated IdP client secret', 'idp-client-secret-rotated-9d04');
    await call('rotate IdP secret', await route('idps/[id]', 'PATCH'), {
      method: 'PATCH',
      auth,
      params: { id: idpId },
      body: { clientSecret: rotated },
    });
    const refused = remember('a refused IdP client secret', 'idp-client-secret-refused-77ac');
    await call('IdP change refused', await route('idps/[id]', 'PATCH'), {
      method: 'PATCH',
      auth,
      params: { id: idpId },
      body: { clientSecret: refused, issuer: 'not a url' },
    });
    await call('IdP with an unreachable issuer', await route('deployments/[id]/idps', 'POST'), {
      method: 'POST',
      auth,
      params: { id: deploymentId },
      body: {
        name: 'Gone',
        provider: 'GENERIC',
        clientId: 'x',
        clientSecret: refused,
        issuer: 'http://127.0.0.1:9',
      },
    });

    await call('create application', await route('deployments/[id]/applications', 'POST'), {
      method: 'POST',
      auth,
      params: { id: deploymentId },
      body: {
        name: 'app',
        applicationUrl: 'http://app.example.test:9100',
        listenPort: 9100,
        upstreamServers: ['http://127.0.0.1:8080'],
        idpIds: [idpId],
      },
    });

    const key = await call<{ id: string; key: string; secret: string }>(
      'create provisioning key',
      await route('deployments/[id]/provisioning-keys', 'POST'),
      { method: 'POST', auth, params: { id: deploymentId }, body: { name: 'agent' } },
      ['a provisioning secret'],
    );
    remember('a provisioning secret', key.body.secret);
    await call('list provisioning keys', await route('deployments/[id]/provisioning-keys', 'GET'), {
      auth,
      params: { id: deploymentId },
    });

    // The agent's document carries the IdP secret and the deployment's keys: that is its purpose.
    const document = await call<{
      sessionKeys: Array<{ secret: string }>;
      assertionKeys: Array<{ privateJwk: { d: string } }>;
    }>('agent config', configRoute.GET, { auth: basicAuth(key.body) }, [
      'an IdP client secret',
      'a rotated IdP client secret',
      'a session key',
      'an assertion private key',
    ]);
    remember('a session key', document.body.sessionKeys[0]?.secret);
    remember('an assertion private key', document.body.assertionKeys[0]?.privateJwk.d);
    const wrongSecret = remember('a wrong provisioning secret', `ghs_${'w'.repeat(43)}`);
    await call('agent config, wrong secret', configRoute.GET, {
      auth: basicAuth({ key: key.body.key, secret: wrongSecret }),
    });
    await call('heartbeat', heartbeatRoute.POST, {
      method: 'POST',
      auth: basicAuth(key.body),
      body: {
        instanceId: 'agent-1',
        hostname: 'agent-host',
        agentVersion: '0.1.0',
        configVersion: 1,
        startedAt: new Date().toISOString(),
        uptimeSeconds: 1,
        health: 'OK',
        lastError: null,
      },
    });
    await call('agents list', await route('deployments/[id]/agents', 'GET'), {
      auth,
      params: { id: deploymentId },
    });

    const invitation = await call<{ token: string }>(
      'create invitation',
      await route('invitations', 'POST'),
      { method: 'POST', auth, body: { email: 'invitee@example.test', role: 'VIEWER' } },
      ['an invitation token'],
    );
    remember('an invitation token', invitation.body.token);
    await call('list invitations', await route('invitations', 'GET'), { auth });
    const invitee = remember('an invitee password', 'invitee password 55e1b2');
    await call('accept invitation', await route('invitations/accept', 'POST'), {
      method: 'POST',
      body: { token: invitation.body.token, password: invitee },
    });
    await call('accept invitation again', await route('invitations/accept', 'POST'), {
      method: 'POST',
      body: { token: invitation.body.token, password: invitee },
    });

    await call('audit events', await route('audit-events', 'GET'), { auth });
    await call('revoke provisioning key', await route('provisioning-keys/[id]', 'DELETE'), {
      method: 'DELETE',
      auth,
      params: { id: key.body.id },
    });
    await call('agent config, revoked key', configRoute.GET, { auth: basicAuth(key.body) });
  });

  it('are shown where they must be (so the scan below can find them)', () => {
    for (const { label, text, mayShow } of responses) {
      for (const name of mayShow) {
        if (name.includes('rotated') || name.includes('IdP client secret')) continue;
        expect(text, `${label} should show ${name}`).toContain(secrets.get(name));
      }
    }
    expect(responses.find((r) => r.label === 'agent config')?.text).toContain(
      secrets.get('a rotated IdP client secret'),
    );
  });

  it('appear in no other response', () => {
    const leaks: string[] = [];
    for (const { label, text, mayShow } of responses) {
      for (const [name, value] of secrets) {
        if (!mayShow.has(name) && text.includes(value)) leaks.push(`${label} shows ${name}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('appear in no log line', () => {
    // The capture itself works (so an empty list of leaks means something).
    console.error('capture check: console');
    process.stderr.write('capture check: stream\n');
    expect(logs.filter((line) => line.startsWith('capture check')).length).toBe(2);
    const leaks: string[] = [];
    for (const line of logs) {
      for (const [name, value] of secrets)
        if (line.includes(value)) leaks.push(`${name}: ${line.slice(0, 200)}`);
    }
    expect(leaks).toEqual([]);
  });
});
