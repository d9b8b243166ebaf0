import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildChildEnvironment } from '../env';
import { spawnChild, type Child } from '../processes/spawn-child';

export type BareProxyKind = 'undici' | 'net';

export interface BareProxy {
  url: string;
  process: Child;
}

const MAIN = fileURLToPath(new URL('./bare-proxy-main.ts', import.meta.url));
const BENCH_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** One of the bare proxies of `bare-proxy-main.ts`, with as many workers as the agents run. */
export async function startBareProxy(
  kind: BareProxyKind,
  upstreamPort: number,
  workers: number | undefined,
): Promise<BareProxy> {
  const count = String(workers ?? availableParallelism());
  const child = spawnChild(
    `bare proxy (${kind})`,
    process.execPath,
    ['--import', 'tsx', MAIN, kind, String(upstreamPort), count],
    { cwd: BENCH_DIR, env: buildChildEnvironment() },
  );
  try {
    const found = await child.waitFor(/listening (\d+)/, 30_000);
    return { url: `http://127.0.0.1:${found[1]}`, process: child };
  } catch (error) {
    await child.stop();
    throw error;
  }
}
