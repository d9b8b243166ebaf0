// `pnpm dev` on a fresh clone, end to end: the whole stack from an empty DATA_DIR, alice signing
// in through the agent into the demo upstream, Ctrl-C, and a second run on the same data. Ports
// are free ones (the DEV_* variables) so a developer's own `pnpm dev` can keep running.
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CookieJar, loginThroughIdp } from '@gatehouse/dev-idp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPortFree } from './check-ports';
import { pollUntil } from './testing/poll-until';
import {
  DEV_READY_TIMEOUT_MS,
  createDataDir,
  isGroupAlive,
  pickDevPorts,
  runDevRunner,
  type DevRun,
} from './testing/run-dev-runner';

interface Whoami {
  email: string | null;
  role: string | null;
}

let dataDir: string;
let run: DevRun;
let apiToken: string;

beforeAll(async () => {
  dataDir = await createDataDir();
  run = runDevRunner({ dataDir, ports: await pickDevPorts(), environment: process.env });
  ({ apiToken } = await run.ready);
}, DEV_READY_TIMEOUT_MS);

afterAll(async () => {
  await run?.cleanUp();
  await rm(dataDir, { recursive: true, force: true });
}, 120_000);

const consoleUrl = () => `http://localhost:${run.ports.console}`;
const applicationUrl = () => `http://localhost:${run.ports.agent}`;

async function signInThroughAgent(login: string): Promise<Whoami> {
  const { response, visited } = await loginThroughIdp({
    startUrl: `${applicationUrl()}/whoami?format=json`,
    login,
    password: 'password',
    jar: new CookieJar(),
  });
  expect(response.status, visited.join('\n')).toBe(200);
  // It went through the dev IdP's login form, not around it.
  expect(visited.some((step) => step.startsWith(`POST http://localhost:${run.ports.idp}/`))).toBe(
    true,
  );
  return (await response.json()) as Whoami;
}

async function callApi<T>(path: string, token = apiToken): Promise<T> {
  const response = await fetch(`${consoleUrl()}/api/v1${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

describe('pnpm dev on a fresh clone', () => {
  it('prints where everything is, the demo logins and the API token it keeps in DATA_DIR', async () => {
    const output = run.output();
    for (const expected of [
      `Demo application  ${applicationUrl()}`,
      `Console           ${consoleUrl()}   admin@example.com / password`,
      'alice@example.com / password',
      'bob@example.com   / password',
      'carol@example.com / password',
      `Dev IdP           http://localhost:${run.ports.idp}`,
      `Data              ${dataDir}`,
    ]) {
      expect(output).toContain(expected);
    }
    const secrets = JSON.parse(await readFile(join(dataDir, 'secrets.json'), 'utf8')) as {
      apiToken: string;
    };
    expect(secrets.apiToken).toBe(apiToken);
  });

  it('makes the bootstrap owner, whose token owns the seeded demo deployment', async () => {
    const me = await callApi<{ user: { email: string }; role: string }>('/me');
    expect(me.user.email).toBe('admin@example.com');
    expect(me.role).toBe('OWNER');
    const { deployments } = await callApi<{ deployments: { id: string; name: string }[] }>(
      '/deployments',
    );
    const demo = deployments.find((deployment) => deployment.name === 'Demo');
    expect(demo).toBeDefined();
    const { applications } = await callApi<{
      applications: { name: string; applicationUrl: string; status: string }[];
    }>(`/deployments/${demo?.id}/applications`);
    expect(applications).toEqual([
      expect.objectContaining({
        name: 'CVAT demo',
        applicationUrl: applicationUrl(),
        status: 'READY',
      }),
    ]);
  });

  it('signs alice in through the agent into the demo upstream as a CVAT admin', async () => {
    expect(await signInThroughAgent('alice@example.com')).toMatchObject({
      email: 'alice@example.com',
      role: 'admin',
    });
  });

  it('maps bob to user and carol, in no group, to worker', async () => {
    expect(await signInThroughAgent('bob@example.com')).toMatchObject({ role: 'user' });
    expect(await signInThroughAgent('carol@example.com')).toMatchObject({ role: 'worker' });
  });

  it('lets the bootstrap owner sign in to the console with the published password', async () => {
    const jar = new CookieJar();
    const csrf = await fetch(`${consoleUrl()}/api/auth/csrf`);
    jar.storeFrom(csrf, consoleUrl());
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = await fetch(`${consoleUrl()}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: jar.cookieHeaderFor(consoleUrl()) ?? '',
      },
      body: new URLSearchParams({
        csrfToken,
        email: 'admin@example.com',
        password: 'password',
        json: 'true',
      }),
    });
    jar.storeFrom(signIn, consoleUrl());
    const me = await fetch(`${consoleUrl()}/api/v1/me`, {
      headers: { cookie: jar.cookieHeaderFor(consoleUrl()) ?? '' },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('admin@example.com');
  });

  it('stops everything in order on Ctrl-C', async () => {
    const pids = run.servicePids();
    expect([...pids.keys()]).toEqual(['upstream', 'idp', 'console', 'agent']);

    run.signal('SIGINT');
    expect(await run.exited).toEqual({ code: 0, signal: null });

    const stopped = [...run.output().matchAll(/^dev +\| stopped (\S+)$/gm)].map((m) => m[1]);
    expect(stopped).toEqual(['agent', 'console', 'idp', 'upstream', 'database']);
    for (const [name, pid] of pids) expect(isGroupAlive(pid), name).toBe(false);
    // PostgreSQL removes its lock file only on a clean shutdown.
    expect(await readdir(join(dataDir, 'postgres'))).not.toContain('postmaster.pid');
    for (const port of Object.values(run.ports)) expect(await isPortFree(port)).toBe(true);
  }, 120_000);

  it(
    'keeps the data for the next run: same token, same demo, same key',
    async () => {
      const keyFile = await readFile(join(dataDir, 'provisioning-key.json'), 'utf8');
      run = runDevRunner({
        dataDir,
        ports: run.ports,
        environment: process.env,
        passThrough: { AGENT_REVOKED_GRACE_SECONDS: '1' },
      });
      expect((await run.ready).apiToken).toBe(apiToken);
      expect(run.output()).toContain('reusing provisioning key');
      expect(await readFile(join(dataDir, 'provisioning-key.json'), 'utf8')).toBe(keyFile);
      const { deployments } = await callApi<{ deployments: { name: string }[] }>('/deployments');
      expect(deployments.map((deployment) => deployment.name)).toEqual(['Demo']);
      expect(await signInThroughAgent('alice@example.com')).toMatchObject({ role: 'admin' });
    },
    DEV_READY_TIMEOUT_MS,
  );

  it('keeps the rest running when the demo key is revoked in the console', async () => {
    const { id } = JSON.parse(await readFile(join(dataDir, 'provisioning-key.json'), 'utf8')) as {
      id: string;
    };
    const revoked = await fetch(`${consoleUrl()}/api/v1/provisioning-keys/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${apiToken}` },
    });
    expect(revoked.status).toBe(200);
    await pollUntil(
      () => Promise.resolve(run.output()),
      (output) => output.includes('the agent stopped: the console refused its provisioning key'),
      60_000,
    );
    expect(isGroupAlive(run.servicePids().get('agent') ?? 0)).toBe(false);
    expect((await callApi<{ user: { email: string } }>('/me')).user.email).toBe(
      'admin@example.com',
    );

    run.signal('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
  }, 120_000);
});
