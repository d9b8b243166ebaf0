import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DevLog } from '../log/dev-log';
import { LogTail } from './log-tail';

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Service {
  name: string;
  pid: number;
  /** Resolves when the process has exited, however that happened. */
  exited: Promise<ExitStatus>;
  /** True until `stop()` is called: an exit before that is unexpected. */
  readonly wanted: boolean;
  /** The last lines it printed, for error messages. */
  tail(): string;
  /** Asks it to stop, escalates to SIGKILL after a while; resolves once it has exited. */
  stop(): Promise<ExitStatus>;
}

export interface SpawnServiceOptions {
  name: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  log: DevLog;
  /** How long a graceful stop may take before SIGKILL (default 30 s). */
  stopTimeoutMs?: number;
}

/** Runs `node <args>` as a long-lived service of the dev stack, its output prefixed by name. */
export function spawnService(options: SpawnServiceOptions): Service {
  const tail = new LogTail((line) => options.log.line(options.name, line));
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: Ctrl-C in the terminal reaches only the dev runner, which stops the
    // services one by one in order, rather than every process at once.
    detached: true,
  });
  tail.follow(child.stdout);
  tail.follow(child.stderr);
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error(`Could not start ${options.name} (node ${options.args.join(' ')}).`);
  }
  const exited = new Promise<ExitStatus>((resolve) =>
    child.once('exit', (code, signal) => {
      // Whatever it left behind in its group (next dev's server, cluster workers) goes with it,
      // and "exited" means all of it is gone, so its ports are free again.
      killGroup(pid, 'SIGKILL');
      void waitUntilGroupIsGone(pid).then(() => resolve({ code, signal }));
    }),
  );
  // If the runner itself dies without stopping its services, do not leave them running alone.
  const killOnExit = () => killGroup(pid, 'SIGTERM');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  let wanted = true;
  let stopping: Promise<ExitStatus> | undefined;
  const stop = () => {
    wanted = false;
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // The leader alone: it shuts its own helpers down in order (Next's server process, the
        // agent's workers); the group is killed only if it does not finish in time.
        child.kill('SIGTERM');
      }
      const escalation = setTimeout(
        () => killGroup(pid, 'SIGKILL'),
        options.stopTimeoutMs ?? 30_000,
      );
      const status = await exited;
      clearTimeout(escalation);
      return status;
    })();
    return stopping;
  };

  return {
    name: options.name,
    pid,
    exited,
    get wanted() {
      return wanted;
    },
    tail: () => tail.text(),
    stop,
  };
}

async function waitUntilGroupIsGone(pid: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      process.kill(-pid, 0);
    } catch {
      return; // ESRCH: no process left in the group
    }
    await sleep(50);
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already empty.
  }
}

export function describeExit(status: ExitStatus): string {
  return status.signal === null ? `exit code ${status.code}` : `signal ${status.signal}`;
}
