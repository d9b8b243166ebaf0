import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildChildEnvironment } from '../env';
import { spawnChild } from '../processes/spawn-child';
import { parseWrkOutput, type WrkReport } from './parse-wrk-output';

export interface WrkRun {
  url: string;
  headers: Readonly<Record<string, string>>;
  threads: number;
  connections: number;
  durationSeconds: number;
}

/**
 * The headers as a wrk Lua script rather than `-H` arguments: a session cookie on a command
 * line is a credential every user of the machine can read in `ps`.
 */
export function buildHeaderScript(headers: Readonly<Record<string, string>>): string {
  const lines = Object.entries(headers).map(
    // The spaces matter: `t[[[x]]]` would read as a call with a long string.
    ([name, value]) => `wrk.headers[ ${quoteLua(name)} ] = ${quoteLua(value)}`,
  );
  return `${lines.join('\n')}\n`;
}

/** A Lua long string whose brackets cannot occur in `text`, so nothing needs escaping. */
function quoteLua(text: string): string {
  let level = '';
  while (text.includes(`]${level}]`)) level += '=';
  return `[${level}[${text}]${level}]`;
}

/** One wrk run; fails if wrk fails or runs well past its duration. */
export async function runWrk(run: WrkRun): Promise<WrkReport> {
  const directory = await mkdtemp(join(tmpdir(), 'gatehouse-bench-wrk-'));
  const script = join(directory, 'headers.lua');
  await writeFile(script, buildHeaderScript(run.headers), { mode: 0o600 });
  const args = [
    `-t${run.threads}`,
    `-c${run.connections}`,
    `-d${run.durationSeconds}s`,
    '--timeout',
    '10s',
    '--latency',
    '-s',
    script,
    run.url,
  ];
  try {
    const child = spawnChild('wrk', 'wrk', args, { env: buildChildEnvironment() });
    const deadline = setTimeout(() => void child.stop(1000), (run.durationSeconds + 30) * 1000);
    const { code, signal } = await child.exited;
    clearTimeout(deadline);
    // wrk reports a broken script and runs anyway, without its headers.
    if (child.output().includes(`${script}:`)) {
      throw new Error(`wrk could not run its header script:\n${child.output()}`);
    }
    if (code !== 0) {
      throw new Error(
        `wrk ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${child.output()}`,
      );
    }
    return parseWrkOutput(child.output());
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
