import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@gatehouse/agent/testing';
import { buildChildEnvironment } from '../env';
import { spawnChild, type Child } from '../processes/spawn-child';
import { waitForHttp } from './wait-for-http';
import { buildNginxConfig } from './nginx-config';

export interface Nginx {
  url: string;
  process: Child;
  close(): Promise<void>;
}

/** nginx in the foreground (`daemon off`), configured and logging in a temporary directory. */
export async function startNginx(upstreamPort: number): Promise<Nginx> {
  const directory = await mkdtemp(join(tmpdir(), 'gatehouse-bench-nginx-'));
  // Workers drop root privileges (to nobody) when the benchmark runs as root; they still need
  // to reach their temporary directories.
  await chmod(directory, 0o755);
  const listenPort = await findFreePort();
  const configPath = join(directory, 'nginx.conf');
  await writeFile(configPath, buildNginxConfig({ directory, listenPort, upstreamPort }));
  const child = spawnChild(
    'nginx',
    'nginx',
    ['-p', directory, '-c', configPath, '-e', join(directory, 'error.log')],
    { env: buildChildEnvironment() },
  );
  const url = `http://127.0.0.1:${listenPort}`;
  try {
    await waitForHttp(`${url}/1k`, child, 20_000);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return {
    url,
    process: child,
    async close() {
      // SIGTERM is nginx's fast shutdown; SIGQUIT would wait for wrk's idle connections.
      await child.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
