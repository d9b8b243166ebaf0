import type { DevEnv } from '../env';
import type { DevLog } from '../log/dev-log';
import { DEMO_UPSTREAM_MAIN, REPOSITORY_ROOT, TSX_LOADER } from '../paths';
import { spawnService, type Service } from '../processes/spawn-service';
import { probeStatus, waitUntilReady } from '../processes/wait-until-ready';

/** The CVAT stand-in the demo application forwards to. */
export async function startDemoUpstream(
  env: DevEnv,
  log: DevLog,
  signal: AbortSignal,
): Promise<Service> {
  const port = env.ports.upstream;
  const service = spawnService({
    name: 'upstream',
    args: ['--import', TSX_LOADER, DEMO_UPSTREAM_MAIN],
    cwd: REPOSITORY_ROOT,
    env: {
      ...env.inherited,
      DEMO_UPSTREAM_PORT: String(port),
      // Loopback only: it believes any X-Email it receives, so only the local agent may reach it
      // (the same rule as for CVAT in header-auth mode).
      DEMO_UPSTREAM_HOST: '127.0.0.1',
    },
    log,
  });
  await waitUntilReady(service, {
    probe: async (attempt) => (await probeStatus(`http://127.0.0.1:${port}/`, attempt)) === 200,
    timeoutMs: 60_000,
    hint: `Is port ${port} free? Pick another with DEMO_UPSTREAM_PORT.`,
    signal,
  });
  return service;
}
