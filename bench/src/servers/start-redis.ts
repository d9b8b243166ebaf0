import { findFreePort } from '@gatehouse/agent/testing';
import { buildChildEnvironment } from '../env';
import { spawnChild, type Child } from '../processes/spawn-child';

export interface TemporaryRedis {
  url: string;
  process: Child;
}

/**
 * A Redis of the benchmark's own (no persistence, loopback only), so the Redis case neither
 * depends on nor leaves keys in a shared instance.
 */
export async function startRedis(): Promise<TemporaryRedis> {
  const port = await findFreePort();
  const child = spawnChild(
    'redis-server',
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { env: buildChildEnvironment() },
  );
  await child.waitFor(/Ready to accept connections/, 20_000);
  return { url: `redis://127.0.0.1:${port}`, process: child };
}
