// The agent against the real console (issue 5 asked its sync tests to move here once the console
// landed): `pnpm dev` provides the console (next dev over PostgreSQL), the dev IdP and the demo
// upstream; this test makes its own deployment through the REST API and runs its own agent
// process, `apps/agent/src/main.ts` exactly as operators run it.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_MAIN, REPOSITORY_ROOT, TSX_LOADER } from './paths';
import { createConsoleApi, type ConsoleApi } from './seed/console-api';
import { findFreePort } from './testing/find-free-port';
import { get, pollUntil } from './testing/poll-until';
import {
  DEV_READY_TIMEOUT_MS,
  createDataDir,
  pickDevPorts,
  runDevRunner,
  type DevRun,
} from './testing/run-dev-runner';

// The agent long-polls with a 25 s wait (apps/agent/src/control/start-agent.ts). A change seen
// well within that came through the console's NOTIFY waking the held request, not a later poll:
// that push path is what makes changes reach agents within about a second.
const PUSHED_WITHIN_MS = 10_000;
const EXIT_PROVISIONING_KEY_REJECTED = 77;

interface AgentProcess {
  exited: Promise<number | null>;
  output: () => string;
  kill: () => void;
}

let dataDir: string;
let run: DevRun;
let api: ConsoleApi;
let agent: AgentProcess;
let listenPort: number;
let adminPort: number;
let deploymentId: string;
let applicationId: string;
let keyId: string;

function startAgentProcess(key: { key: string; secret: string }): AgentProcess {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, AGENT_MAIN], {
    cwd: REPOSITORY_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      PROVISIONING_KEY: key.key,
      PROVISIONING_SECRET: key.secret,
      CONSOLE_URL: `http://127.0.0.1:${run.ports.console}`,
      STATE_DIR: join(dataDir, 'sync-test-agent'),
      ADMIN_PORT: String(adminPort),
      INSTANCE_ID: 'sync-test-agent',
      AGENT_REVOKED_GRACE_SECONDS: '5',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { exited, output: () => output, kill: () => child.kill('SIGKILL') };
}

beforeAll(async () => {
  dataDir = await createDataDir();
  run = runDevRunner({ dataDir, ports: await pickDevPorts(), environment: process.env });
  const { apiToken } = await run.ready;
  api = createConsoleApi(`http://127.0.0.1:${run.ports.console}`, apiToken);
  [listenPort, adminPort] = [await findFreePort(), await findFreePort()];

  const deployment = await api.post<{ id: string }>('/deployments', { name: 'Sync test' });
  deploymentId = deployment.id;
  const idp = await api.post<{ id: string }>(`/deployments/${deploymentId}/idps`, {
    name: 'Dev IdP',
    provider: 'GENERIC',
    issuer: `http://localhost:${run.ports.idp}`,
    clientId: 'gatehouse-demo',
    clientSecret: 'gatehouse-demo-secret',
  });
  const application = await api.post<{ id: string }>(`/deployments/${deploymentId}/applications`, {
    name: 'Synced app',
    applicationUrl: `http://localhost:${listenPort}`,
    listenPort,
    upstreamServers: [`http://127.0.0.1:${run.ports.upstream}`],
    idpIds: [idp.id],
  });
  applicationId = application.id;
  const key = await api.post<{ id: string; key: string; secret: string }>(
    `/deployments/${deploymentId}/provisioning-keys`,
    { name: 'agent sync test' },
  );
  keyId = key.id;

  agent = startAgentProcess(key);
  await pollUntil(
    () => get(`http://127.0.0.1:${adminPort}/readyz`),
    (response) => response.status === 200,
    120_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\nagent output:\n${agent.output()}`);
  });
}, DEV_READY_TIMEOUT_MS);

afterAll(async () => {
  agent?.kill();
  await run?.cleanUp();
  await rm(dataDir, { recursive: true, force: true });
}, 120_000);

const protectedPage = () => `http://localhost:${listenPort}/whoami?format=json`;
// A browser navigation: the agent sends those to sign in (other requests get 401).
const navigate = (url: string) => get(url, { accept: 'text/html' });

describe('an agent syncing from the real console', () => {
  it('serves what the console configured: the application, protected by the dev IdP', async () => {
    const response = await navigate(protectedPage());
    expect(response.status).toBe(302);
    expect(response.location).toMatch(new RegExp(`^http://localhost:${run.ports.idp}/`));
  });

  it('applies a change made through the REST API while its long poll is held', async () => {
    await api.put(`/applications/${applicationId}/rules`, {
      rows: [{ priority: 10, pathMatch: 'EXACT', path: '/whoami', action: 'NOT_PROTECTED' }],
    });
    const page = await pollUntil(
      () => navigate(protectedPage()),
      (response) => response.status === 200,
      PUSHED_WITHIN_MS,
    );
    // Passed without sign-in, so without identity headers.
    expect(JSON.parse(page.body)).toMatchObject({ email: null, role: null });
  });

  it('reports the version it runs, which the console lists as up to date', async () => {
    const { configVersion } = await api.get<{ configVersion: number }>(
      `/deployments/${deploymentId}`,
    );
    const listAgents = () =>
      api.get<{ agents: { instanceId: string; configVersion: number | null; online: boolean }[] }>(
        `/deployments/${deploymentId}/agents`,
      );
    await listAgents(); // next dev compiles the route on first use; not part of the wait below
    const listed = await pollUntil(
      listAgents,
      ({ agents }) => agents[0]?.configVersion === configVersion,
      PUSHED_WITHIN_MS,
    );
    expect(listed.agents).toEqual([
      expect.objectContaining({ instanceId: 'sync-test-agent', online: true, upToDate: true }),
    ]);
  });

  it('serves the 503 page and exits non-zero once its key is revoked through the API', async () => {
    await api.delete(`/provisioning-keys/${keyId}`);
    const page = await pollUntil(
      () => navigate(protectedPage()),
      (response) => response.status === 503,
      PUSHED_WITHIN_MS,
    );
    expect(page.contentType).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('provisioning key was revoked or expired');
    expect((await get(`http://127.0.0.1:${adminPort}/readyz`)).status).toBe(503);
    expect(await agent.exited).toBe(EXIT_PROVISIONING_KEY_REJECTED);
  }, 60_000);
});
