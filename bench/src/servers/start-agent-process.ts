import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildAgentBundle } from '@gatehouse/agent/build';
import {
  AGENT_MAIN_PATH,
  AGENT_PACKAGE_DIR,
  findFreePort,
  startFakeConsole,
} from '@gatehouse/agent/testing';
import type { TAgentConfig } from '@gatehouse/contract';
import { buildChildEnvironment } from '../env';
import { spawnChild, type Child } from '../processes/spawn-child';
import { waitForHttp } from './wait-for-http';

export interface AgentProcess {
  url: string;
  adminUrl: string;
  process: Child;
  close(): Promise<void>;
}

export interface StartAgentProcessOptions {
  name: string;
  /** A document whose one application listens on `listenPort`. */
  document: TAgentConfig;
  listenPort: number;
  redisUrl?: string;
  /** AGENT_WORKERS; undefined keeps the agent's default. */
  workers?: number;
  /** Extra node flags, e.g. `--cpu-prof` for a profile. */
  nodeArgs?: readonly string[];
  /** An apps/agent directory other than this workspace's (run through tsx). */
  agentDir?: string;
  /** src/main.ts through tsx rather than the bundle, built here, that images run. */
  tsx?: boolean;
}

const CREDENTIALS = {
  provisioningKey: 'ghk_bench0000001',
  provisioningSecret: 'ghs_bench-secret-0123456789abcdef',
};

/**
 * A real agent as operators run it (`node dist/main.mjs`, as the image does, its own process),
 * synced from the console stand-in the agent's own tests use. Ready once `/readyz` says so.
 */
export async function startAgentProcess(options: StartAgentProcessOptions): Promise<AgentProcess> {
  const fakeConsole = await startFakeConsole({
    ...CREDENTIALS,
    deploymentId: options.document.deployment.id,
    document: options.document,
  });
  const stateDir = await mkdtemp(join(tmpdir(), 'gatehouse-bench-agent-'));
  const adminPort = await findFreePort();
  const environment: Record<string, string> = {
    PROVISIONING_KEY: CREDENTIALS.provisioningKey,
    PROVISIONING_SECRET: CREDENTIALS.provisioningSecret,
    CONSOLE_URL: fakeConsole.url,
    STATE_DIR: stateDir,
    ADMIN_PORT: String(adminPort),
    LOG_LEVEL: 'warn',
    // Under tsx every process compiles its TypeScript at start and keeps an esbuild service,
    // whose memory belongs in the agent's footprint.
    TSX_DISABLE_CACHE: '1',
  };
  if (options.redisUrl !== undefined) environment.REDIS_URL = options.redisUrl;
  if (options.workers !== undefined) environment.AGENT_WORKERS = String(options.workers);
  const agentDir = options.agentDir === undefined ? AGENT_PACKAGE_DIR : resolve(options.agentDir);
  const main = options.agentDir === undefined ? AGENT_MAIN_PATH : join(agentDir, 'src/main.ts');
  const args =
    options.tsx || options.agentDir !== undefined
      ? [...(options.nodeArgs ?? []), '--import', 'tsx', main]
      : [...(options.nodeArgs ?? []), await buildAgentBundle()];
  const child = spawnChild(options.name, process.execPath, args, {
    cwd: agentDir,
    env: buildChildEnvironment(environment),
  });
  const close = async () => {
    await child.stop(30_000);
    await fakeConsole.close();
    await rm(stateDir, { recursive: true, force: true });
  };
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  try {
    await waitForHttp(`${adminUrl}/readyz`, child, 60_000);
  } catch (error) {
    await close();
    throw error;
  }
  return { url: `http://127.0.0.1:${options.listenPort}`, adminUrl, process: child, close };
}
