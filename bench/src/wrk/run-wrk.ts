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

/** One wrk run; fails if wrk fails or runs well past its duration. */
export async function runWrk(run: WrkRun): Promise<WrkReport> {
  const args = [
    `-t${run.threads}`,
    `-c${run.connections}`,
    `-d${run.durationSeconds}s`,
    '--timeout',
    '10s',
    '--latency',
  ];
  for (const [name, value] of Object.entries(run.headers)) args.push('-H', `${name}: ${value}`);
  args.push(run.url);
  const child = spawnChild('wrk', 'wrk', args, { env: buildChildEnvironment() });
  const deadline = setTimeout(() => void child.stop(1000), (run.durationSeconds + 30) * 1000);
  const { code } = await child.exited;
  clearTimeout(deadline);
  if (code !== 0)
    throw new Error(`wrk ${args.join(' ')} failed (exit ${code}):\n${child.output()}`);
  return parseWrkOutput(child.output());
}
