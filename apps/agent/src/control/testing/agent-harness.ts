import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TAgentConfig } from '@gatehouse/contract';
import { buildSampleAgentConfig, buildSampleApplication } from '@gatehouse/contract/testing';
import { pino } from 'pino';
import type { AgentEnv } from '../../env';
import { startAgent, type RunningAgent } from '../start-agent';
import { startFakeConsole, type FakeConsole } from './fake-console';
import { createTestCompile } from './test-compile';

export const TEST_DEPLOYMENT_ID = 'dep_test';

export interface TestApplication {
  name: string;
  port: number;
  /** Host name of the application URL; 127.0.0.1 unless several apps share a port. */
  host?: string;
}

/** A valid document whose applications listen on 127.0.0.1 ports the test picked. */
export function buildTestDocument(version: number, applications: TestApplication[]): TAgentConfig {
  return buildSampleAgentConfig({
    version,
    deployment: { id: TEST_DEPLOYMENT_ID, name: 'Test deployment' },
    applications: applications.map((app) =>
      buildSampleApplication({
        id: `app_${app.name}`,
        name: app.name,
        listenPort: app.port,
        applicationUrl: `http://${app.host ?? '127.0.0.1'}:${app.port}`,
      }),
    ),
  });
}

export interface AgentHarness {
  console: FakeConsole;
  compile: ReturnType<typeof createTestCompile>;
  stateDir: string;
  /** Every log record of every agent this harness started. */
  logs: Array<{ level: number; msg: string } & Record<string, unknown>>;
  /** Codes passed to onFatal, in order. */
  fatalCodes: number[];
  /** Starts an agent process-alike against the fake console, with fast timings. */
  startAgent(): Promise<RunningAgent>;
  close(): Promise<void>;
}

/**
 * A fake console serving `document`, a fresh state directory and a test CompileConfig; agents
 * started from it listen on 127.0.0.1, long-poll like production (the fake console answers at
 * once on publish), heartbeat every 100 ms and retry within 20-200 ms.
 */
export async function createAgentHarness(document: unknown): Promise<AgentHarness> {
  const credentials = {
    provisioningKey: 'ghk_harness0001',
    provisioningSecret: 'ghs_harness-secret-0123456789',
  };
  const fakeConsole = await startFakeConsole({
    ...credentials,
    deploymentId: TEST_DEPLOYMENT_ID,
    document,
  });
  const stateDir = await mkdtemp(join(tmpdir(), 'gatehouse-agent-'));
  const compile = createTestCompile();
  const logs: AgentHarness['logs'] = [];
  const fatalCodes: number[] = [];
  const agents: RunningAgent[] = [];

  const env: AgentEnv = {
    ...credentials,
    consoleUrl: fakeConsole.url,
    redisUrl: undefined,
    stateDir,
    logLevel: 'debug',
    adminPort: 0,
    revokedGraceSeconds: 0.3,
    instanceId: undefined,
    workers: 1,
  };
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => logs.push(JSON.parse(line) as AgentHarness['logs'][number]) },
  );

  return {
    console: fakeConsole,
    compile,
    stateDir,
    logs,
    fatalCodes,
    async startAgent() {
      const agent = await startAgent({
        env,
        compile: compile.compile,
        logger,
        listenHost: '127.0.0.1',
        onFatal: (code) => fatalCodes.push(code),
        timing: { heartbeatIntervalMs: 100, backoff: { baseMs: 20, capMs: 200 } },
      });
      agents.push(agent);
      return agent;
    },
    async close() {
      compile.releaseHeld();
      await Promise.all(agents.map((agent) => agent.close()));
      await fakeConsole.close();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}
