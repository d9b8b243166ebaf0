import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildChildEnvironment,
  findFreePort,
  spawnChild,
  waitForHttp,
  type Child,
} from '@gatehouse/agent/testing';

// The workspace link (its exports name only the library entry, not its main.ts).
const DEMO_UPSTREAM_DIR = fileURLToPath(
  new URL('../../node_modules/@gatehouse/demo-upstream/', import.meta.url),
);

export interface UpstreamProcess {
  url: string;
  child: Child;
  close(): Promise<void>;
}

/** The demo upstream in its own process, so a test can kill it like a crashed server. */
export async function startUpstreamProcess(name: string): Promise<UpstreamProcess> {
  const port = await findFreePort();
  const child = spawnChild(
    name,
    process.execPath,
    ['--import', 'tsx', join(DEMO_UPSTREAM_DIR, 'src/main.ts')],
    {
      cwd: DEMO_UPSTREAM_DIR,
      env: buildChildEnvironment({
        DEMO_UPSTREAM_PORT: String(port),
        DEMO_UPSTREAM_HOST: '127.0.0.1',
      }),
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/api/server/about`, child);
  return { url, child, close: () => child.stop() };
}
