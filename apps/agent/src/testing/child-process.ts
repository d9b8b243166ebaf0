import { spawn, type ChildProcess } from 'node:child_process';

export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  /** The last lines it printed, for failure messages. */
  output(): string;
  /** Resolves with the exit code (or signal) once it exited. */
  readonly exited: Promise<number | string>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it exited. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL: a crash, no chance to clean up. */
  kill(): Promise<void>;
}

const KEPT_LINES = 200;

/** A child process whose output is kept (not shown) and which tests can stop or kill. */
export function spawnChild(
  name: string,
  command: string,
  args: readonly string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv },
): Child {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > KEPT_LINES) lines.splice(0, lines.length - KEPT_LINES);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const running = () => child.exitCode === null && child.signalCode === null;

  return {
    name,
    process: child,
    output: () => lines.join('\n'),
    exited,
    async stop(graceMs = 10_000) {
      if (!running()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (!running()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Polls `url` until it answers `expectedStatus`, or fails naming the child's output. */
export async function waitForHttp(
  url: string,
  child: Child,
  timeoutMs = 60_000,
  expectedStatus = 200,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`${child.name} exited before ${url} answered:\n${child.output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === expectedStatus) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `${url} did not answer ${expectedStatus} within ${timeoutMs} ms (${last}):\n${child.output()}`,
  );
}
