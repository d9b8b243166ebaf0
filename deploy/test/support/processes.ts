import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface Finished {
  code: number | null;
  output: string;
}

export interface Running {
  output(): string;
  stop(signal: NodeJS.Signals): Promise<Finished>;
  finished: Promise<Finished>;
}

export function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): Running {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const finished = new Promise<Finished>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
  return {
    output: () => output,
    finished,
    stop: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return finished;
    },
  };
}

export async function runToCompletion(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<Finished> {
  return startProcess(command, args, options).finished;
}

export async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls `url` until it answers (any status) or `running` exits; returns the status. */
export async function waitForAnswer(url: string, running: Running): Promise<number> {
  let exited = false;
  void running.finished.then(() => (exited = true));
  for (let attempt = 0; attempt < 300 && !exited; attempt += 1) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      return response.status;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} never answered; the program printed:\n${running.output()}`);
}
