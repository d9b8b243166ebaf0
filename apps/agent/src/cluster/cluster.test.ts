import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TAgentConfig } from '@gatehouse/contract';
import { buildSampleAgentConfig, buildSampleApplication } from '@gatehouse/contract/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConsole, type FakeConsole } from '../control/testing/fake-console';
import { findFreePort, pollUntil, probe } from '../control/testing/http-probe';

const agentDir = fileURLToPath(new URL('../..', import.meta.url));
const credentials = {
  provisioningKey: 'ghk_clustertest01',
  provisioningSecret: 'ghs_cluster-test-secret-0123456789',
};

/** The agent's workers: child processes of `parent` running main.ts (Linux /proc). */
function listChildren(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      // tsx may run an esbuild service beside each process; it is not a worker.
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (ppid === parent && command.includes('main.ts')) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

function buildDocument(version: number, port: number, upstreamUrl: string): TAgentConfig {
  return buildSampleAgentConfig({
    version,
    deployment: { id: 'dep_cluster', name: 'Cluster test' },
    applications: [
      buildSampleApplication({
        applicationUrl: `http://127.0.0.1:${port}`,
        listenPort: port,
        upstreamServers: [upstreamUrl],
        rules: [
          {
            priority: 1,
            pathMatch: 'PREFIX',
            path: version === 1 ? '/public' : '/renamed',
            methods: [],
            conditions: {},
            action: 'NOT_PROTECTED',
            description: null,
          },
        ],
        defaultAction: 'DENY',
      }),
    ],
  });
}

let upstream: Server;
let upstreamUrl: string;
let fakeConsole: FakeConsole;
let appPort: number;
let adminPort: number;
let agent: ReturnType<typeof spawn>;
let exited: Promise<number | null>;
let output = '';

beforeAll(async () => {
  upstream = createServer((req, res) => res.end(`upstream saw ${req.url}`));
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  [appPort, adminPort] = [await findFreePort(), await findFreePort()];
  fakeConsole = await startFakeConsole({
    ...credentials,
    deploymentId: 'dep_cluster',
    document: buildDocument(1, appPort, upstreamUrl),
  });
  agent = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: agentDir,
    env: {
      PATH: process.env.PATH ?? '',
      PROVISIONING_KEY: credentials.provisioningKey,
      PROVISIONING_SECRET: credentials.provisioningSecret,
      CONSOLE_URL: fakeConsole.url,
      ADMIN_PORT: String(adminPort),
      STATE_DIR: join(tmpdir(), `gatehouse-cluster-test-${process.pid}`),
      LOG_LEVEL: 'info',
      AGENT_WORKERS: '2',
    },
  });
  agent.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  agent.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  exited = new Promise((resolve) => agent.once('exit', (code) => resolve(code)));
  await pollUntil(
    () => probe(`http://127.0.0.1:${adminPort}/readyz`),
    (response) => response.status === 200,
    30_000,
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}\n${output}`);
  });
}, 40_000);

afterAll(async () => {
  if (agent.exitCode === null) agent.kill('SIGKILL');
  await fakeConsole.close();
  await new Promise((resolve) => upstream.close(resolve));
});

describe('the agent with two workers', () => {
  it('serves the applications from worker processes and counts every request once', async () => {
    expect(listChildren(agent.pid ?? -1)).toHaveLength(2);
    for (let index = 0; index < 6; index += 1) {
      const response = await probe(`http://127.0.0.1:${appPort}/public/x`);
      expect(response.body).toBe('upstream saw /public/x');
    }
    const metrics = await probe(`http://127.0.0.1:${adminPort}/metrics`);
    expect(metrics.body).toMatch(
      /gatehouse_agent_requests_total\{application="app_cvat",status="200"\} 6\n/,
    );
    expect(metrics.body).toMatch(
      /gatehouse_agent_upstream_latency_seconds_count\{application="app_cvat"\} 6\n/,
    );
    expect(metrics.body).toMatch(/gatehouse_agent_config_version 1\n/);
    // The workers hand over what they counted once: a second scrape adds nothing.
    const again = await probe(`http://127.0.0.1:${adminPort}/metrics`);
    expect(again.body).toMatch(
      /gatehouse_agent_requests_total\{application="app_cvat",status="200"\} 6\n/,
    );
  });

  it('hands a new configuration to every worker', async () => {
    fakeConsole.publish(buildDocument(2, appPort, upstreamUrl));
    // Every worker must answer under version 2: ask more often than there are workers.
    await pollUntil(
      async () => {
        const answers = [];
        for (let index = 0; index < 6; index += 1) {
          answers.push((await probe(`http://127.0.0.1:${appPort}/renamed/y`)).status);
        }
        return answers;
      },
      (answers) => answers.every((status) => status === 200),
      10_000,
    );
    expect((await probe(`http://127.0.0.1:${appPort}/public/x`)).status).toBe(403);
  });

  it('replaces a worker that dies, with the current configuration', async () => {
    const [victim] = listChildren(agent.pid ?? -1);
    process.kill(victim ?? -1, 'SIGKILL');
    await pollUntil(
      () => listChildren(agent.pid ?? -1),
      (workers) => workers.length === 2 && !workers.includes(victim ?? -1),
      15_000,
    );
    await pollUntil(
      () => probe(`http://127.0.0.1:${adminPort}/readyz`),
      (response) => response.status === 200,
      15_000,
    );
    for (let index = 0; index < 6; index += 1) {
      expect((await probe(`http://127.0.0.1:${appPort}/renamed/z`)).status).toBe(200);
    }
  }, 40_000);

  it('stops its workers and exits cleanly on SIGTERM', async () => {
    const workers = listChildren(agent.pid ?? -1);
    agent.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  }, 30_000);
});
