// Runs `pnpm dev` for tests the way a terminal does: the root package.json's `dev` script through
// `sh -c` (as pnpm runs scripts), in a process group of its own, so "Ctrl-C" is SIGINT to that
// group. Nothing here parses more than the runner's printed lines.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../paths';
import { findFreePort } from './find-free-port';

// next dev compiles on first use; initdb, migrations and the first compile on a busy 2-core
// machine can take minutes. Bounded, so a hang fails rather than stalls CI.
export const DEV_READY_TIMEOUT_MS = 8 * 60_000;

// A type, not an interface, so Object.values() sees numbers.
export type DevPorts = {
  postgres: number;
  console: number;
  idp: number;
  upstream: number;
  agent: number;
  agentAdmin: number;
};

export interface DevRun {
  ports: DevPorts;
  /** Resolves with the printed API token once the summary is printed; rejects if it exits first. */
  ready: Promise<{ apiToken: string }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  /** `<name> is up (pid N)` lines: the service processes it started. */
  servicePids(): Map<string, number>;
  /** SIGINT (Ctrl-C) or SIGTERM to the whole group, as a terminal or a supervisor sends it. */
  signal(signal: 'SIGINT' | 'SIGTERM'): void;
  /** For afterAll: stops a runner a failed test left running, by force if it must. */
  cleanUp(): Promise<void>;
}

/** A private temporary DATA_DIR that PostgreSQL's own account can enter when tests run as root. */
export async function createDataDir(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-dev-test-'));
  await chmod(dataDir, 0o755);
  return dataDir;
}

export async function pickDevPorts(): Promise<DevPorts> {
  return {
    postgres: await findFreePort(),
    console: await findFreePort(),
    idp: await findFreePort(),
    upstream: await findFreePort(),
    agent: await findFreePort(),
    agentAdmin: await findFreePort(),
  };
}

export function runDevRunner(options: {
  dataDir: string;
  ports: DevPorts;
  /** The test's own environment, for PATH and the like; nothing else of it reaches the runner. */
  environment: NodeJS.ProcessEnv;
  /** Variables for the programs it starts, which they inherit (say, AGENT_REVOKED_GRACE_SECONDS). */
  passThrough?: Record<string, string>;
}): DevRun {
  const { environment } = options;
  const { ports } = options;
  const script = (
    JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts.dev;
  if (!script) throw new Error('the root package.json has no "dev" script');
  const child = spawn('sh', ['-c', script], {
    cwd: REPOSITORY_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: environment.PATH,
      HOME: environment.HOME,
      TMPDIR: environment.TMPDIR,
      // CI sets it (.ci/run); elsewhere the runner finds the stand-in itself or Prisma downloads.
      PRISMA_SCHEMA_ENGINE_BINARY: environment.PRISMA_SCHEMA_ENGINE_BINARY,
      DATA_DIR: options.dataDir,
      DEV_POSTGRES_PORT: String(ports.postgres),
      DEV_CONSOLE_PORT: String(ports.console),
      DEV_IDP_PORT: String(ports.idp),
      DEMO_UPSTREAM_PORT: String(ports.upstream),
      DEV_AGENT_PORT: String(ports.agent),
      DEV_AGENT_ADMIN_PORT: String(ports.agentAdmin),
      ...options.passThrough,
    },
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<{ apiToken: string }>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const summary = output.slice(output.indexOf('\nGatehouse is ready.'));
      const apiToken = /^ {2}API token +(ght_\S+)$/m.exec(summary)?.[1];
      if (output.includes('\nGatehouse is ready.') && apiToken && summary.includes('Ctrl-C')) {
        resolve({ apiToken });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`pnpm dev exited before it was ready:\n${output}`)));
  });
  ready.catch(() => undefined); // awaited by the tests that need it
  const servicePids = () =>
    new Map(
      [...output.matchAll(/^dev +\| (\S+) is up \(pid (\d+)\)$/gm)].map(
        (match) => [match[1] ?? '', Number(match[2])] as const,
      ),
    );
  return {
    ports,
    ready,
    exited,
    output: () => output,
    servicePids,
    signal: (signal) => killGroup(child.pid, signal),
    cleanUp: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => {
        for (const pid of servicePids().values()) killGroup(pid, 'SIGKILL');
        killGroup(child.pid, 'SIGKILL');
        killEmbeddedPostgres(options.dataDir);
      }, 60_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function killEmbeddedPostgres(dataDir: string): void {
  try {
    const pid = Number(
      readFileSync(join(dataDir, 'postgres/postmaster.pid'), 'utf8').split('\n')[0],
    );
    process.kill(pid, 'SIGQUIT');
  } catch {
    // not running
  }
}

export function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** True while any process of the group still exists. */
export function isGroupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
