import { fileURLToPath } from 'node:url';
import { buildChildEnvironment } from '../env';
import { spawnChild, type Child } from '../processes/spawn-child';

export interface Upstream {
  url: string;
  port: number;
  process: Child;
}

const MAIN = fileURLToPath(new URL('./upstream-main.ts', import.meta.url));
const BENCH_DIR = fileURLToPath(new URL('../..', import.meta.url));

export async function startUpstream(): Promise<Upstream> {
  const child = spawnChild('upstream', process.execPath, ['--import', 'tsx', MAIN], {
    cwd: BENCH_DIR,
    env: buildChildEnvironment(),
  });
  const found = await child.waitFor(/listening (\d+)/, 20_000);
  const port = Number(found[1]);
  return { url: `http://127.0.0.1:${port}`, port, process: child };
}
