import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AGENT_BUNDLE_PATH } from '../build/bundle-path';
import { findFreePort } from '../control/testing/http-probe';
import { spawnChild, waitForHttp, type Child } from './child-process';
import { buildChildEnvironment } from './env';

/** `src/main.ts`, as operators run it with `node --import tsx`. */
export const AGENT_MAIN_PATH = fileURLToPath(new URL('../main.ts', import.meta.url));

/** The agent package's directory (resolves `tsx` and the agent's dependencies). */
export const AGENT_PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface AgentProcess {
  adminUrl: string;
  child: Child;
  /** Scrapes /metrics and returns one sample's value (first match), or undefined. */
  readMetric(name: string): Promise<number | undefined>;
  /** Starts it again (same state directory and admin port) after a stop or kill. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface AgentProcessOptions {
  name: string;
  consoleUrl: string;
  provisioningKey: string;
  provisioningSecret: string;
  redisUrl?: string;
  /** LISTEN_HOST: one loopback address per replica lets replicas share the application port. */
  listenHost?: string;
  /** Node flags before the entry point, e.g. `--inspect=127.0.0.1:9229`. */
  nodeArgs?: readonly string[];
  /** Wait for /readyz (a configuration applied and its ports open). Default true. */
  waitUntilReady?: boolean;
  /** LOG_LEVEL; default warn (its output is kept for failure messages, not shown). */
  logLevel?: string;
  /** More of its environment, e.g. AGENT_REVOKED_GRACE_SECONDS. */
  environment?: Record<string, string>;
  /**
   * Run dist/main.mjs, the bundle the image runs, rather than the sources through tsx. Build it
   * first, once (buildAgentBundle from `@gatehouse/agent/build`): parallel builds would race.
   */
  bundle?: boolean;
}

/**
 * A real agent process (`node --import tsx src/main.ts`, or with `bundle` the image's
 * `node dist/main.mjs`), one worker (test suites run several agents on two cores), its own state
 * directory and admin port. The security suite and the e2e specs start their agents with this.
 */
export async function startAgentProcess(options: AgentProcessOptions): Promise<AgentProcess> {
  const stateDir = await mkdtemp(join(tmpdir(), 'gatehouse-test-agent-'));
  const adminPort = await findFreePort();
  const adminUrl = `http://${options.listenHost ?? '127.0.0.1'}:${adminPort}`;
  const environment: Record<string, string> = {
    PROVISIONING_KEY: options.provisioningKey,
    PROVISIONING_SECRET: options.provisioningSecret,
    CONSOLE_URL: options.consoleUrl,
    STATE_DIR: stateDir,
    ADMIN_PORT: String(adminPort),
    AGENT_WORKERS: '1',
    LOG_LEVEL: options.logLevel ?? 'warn',
  };
  Object.assign(environment, options.environment);
  if (options.redisUrl) environment.REDIS_URL = options.redisUrl;
  if (options.listenHost) environment.LISTEN_HOST = options.listenHost;
  let child: Child;
  const launch = async () => {
    const entry = options.bundle ? [await findAgentBundle()] : ['--import', 'tsx', AGENT_MAIN_PATH];
    const args = [...(options.nodeArgs ?? []), ...entry];
    child = spawnChild(options.name, process.execPath, args, {
      cwd: AGENT_PACKAGE_DIR,
      env: buildChildEnvironment(environment),
    });
    if (options.waitUntilReady ?? true) await waitForHttp(`${adminUrl}/readyz`, child);
  };
  await launch();
  return {
    adminUrl,
    get child() {
      return child;
    },
    async readMetric(name) {
      const text = await (await fetch(`${adminUrl}/metrics`)).text();
      const line = text
        .split('\n')
        .find((entry) => entry.startsWith(name) && !entry.startsWith('#'));
      return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
    },
    restart: launch,
    async close() {
      await child.stop();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}

async function findAgentBundle(): Promise<string> {
  try {
    await access(AGENT_BUNDLE_PATH);
  } catch {
    throw new Error(
      `${AGENT_BUNDLE_PATH} does not exist: build it first (pnpm --filter @gatehouse/agent build).`,
    );
  }
  return AGENT_BUNDLE_PATH;
}
