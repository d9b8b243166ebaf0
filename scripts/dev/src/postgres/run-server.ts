import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { SUPERUSER } from './init-cluster';
import type { PostgresBinaries } from './locate-binaries';
import { LogTail } from '../processes/log-tail';
import type { ServerAccount } from './server-account';

const READY_DEADLINE_MS = 60_000;
// Fast shutdown (SIGINT) rolls back open transactions and checkpoints; if a client keeps it
// waiting that long, immediate shutdown (SIGQUIT) still leaves a cluster that recovers on start.
const STOP_ESCALATION_MS = 20_000;

export interface RunningServer {
  stop(): Promise<void>;
}

export async function runServer(options: {
  binaries: PostgresBinaries;
  dataDir: string;
  port: number;
  password: string;
  account: ServerAccount | undefined;
  onLog: ((line: string) => void) | undefined;
}): Promise<RunningServer> {
  const tail = new LogTail(options.onLog);
  const child = spawn(
    options.binaries.postgres,
    // Loopback TCP only, and no Unix socket (it would land in /tmp, shared with other clusters).
    ['-D', options.dataDir, '-p', String(options.port), '-h', '127.0.0.1', '-k', ''],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: Ctrl-C in the terminal reaches the dev runner, which stops the
      // apps first and the database last, instead of every process at once.
      detached: true,
      ...(options.account && { uid: options.account.uid, gid: options.account.gid }),
    },
  );
  tail.follow(child.stdout);
  tail.follow(child.stderr);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const spawnFailed = new Promise<never>((_, reject) => child.once('error', reject));
  // If this process exits without calling stop(), do not leave the server running on its own.
  const killOnExit = () => child.kill('SIGQUIT');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    await stopChild(child, exited);
  };
  try {
    await Promise.race([
      waitUntilAccepting(options.port, options.password, exited),
      spawnFailed,
      exited.then((code) => {
        throw new Error(`postgres exited (code ${code}) while starting`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw new Error(
      `The embedded PostgreSQL did not start on 127.0.0.1:${options.port}: ` +
        `${error instanceof Error ? error.message : String(error)}\n${tail.text()}\n` +
        'If the port is taken, pick another (DEV_POSTGRES_PORT) or set DATABASE_URL; if another ' +
        'postmaster holds the data directory, stop that process first.',
      { cause: error },
    );
  }
  return { stop };
}

async function waitUntilAccepting(
  port: number,
  password: string,
  exited: Promise<unknown>,
): Promise<void> {
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + READY_DEADLINE_MS;
  while (!done) {
    const client = new pg.Client({
      host: '127.0.0.1',
      port,
      user: SUPERUSER,
      password,
      database: 'postgres',
    });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      // 28P01: the server runs but rejects the password in the cluster's password file.
      if ((error as { code?: string }).code === '28P01') {
        throw new Error('it rejected the password stored in the data directory', { cause: error });
      }
      if (Date.now() > deadline) {
        throw new Error(`it did not accept connections within ${READY_DEADLINE_MS / 1000} s`, {
          cause: error,
        });
      }
      await sleep(100);
    }
  }
  throw new Error('postgres exited while starting');
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT');
  const escalation = setTimeout(() => child.kill('SIGQUIT'), STOP_ESCALATION_MS);
  await exited;
  clearTimeout(escalation);
}
