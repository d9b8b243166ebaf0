import {
  buildChildEnvironment,
  findFreePort,
  spawnChild,
  type Child,
} from '@gatehouse/agent/testing';

export interface RedisProcess {
  url: string;
  /** Kills it (SIGKILL, like a crash); `start()` brings it back, empty, on the same port. */
  kill(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A private redis-server on a free port, without persistence: the suite may crash it at will,
 * which it must never do to the shared one on 6379.
 */
export async function startRedisProcess(): Promise<RedisProcess> {
  const port = await findFreePort();
  let child: Child | undefined;
  const start = async () => {
    child = spawnChild(
      'redis',
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        env: buildChildEnvironment({}),
      },
    );
    const deadline = Date.now() + 10_000;
    while (!child.output().includes('Ready to accept connections')) {
      if (Date.now() > deadline) throw new Error(`redis-server did not start:\n${child.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    kill: async () => child?.kill(),
    start,
    close: async () => child?.stop(),
  };
}
