import { join } from 'node:path';
import type { DevEnv } from '../env';
import type { DevLog } from '../log/dev-log';
import { AGENT_MAIN, REPOSITORY_ROOT, TSX_LOADER } from '../paths';
import { spawnService, type Service } from '../processes/spawn-service';
import { probeStatus, waitUntilReady } from '../processes/wait-until-ready';
import type { SavedProvisioningKey } from '../state/provisioning-key-file';

/** The agent's exit code when the console refuses its key (apps/agent/src/exit-codes.ts). */
export const EXIT_PROVISIONING_KEY_REJECTED = 77;

/** `apps/agent/src/main.ts` as operators run it, provisioned with the demo deployment's key. */
export async function startAgent(
  env: DevEnv,
  key: SavedProvisioningKey,
  log: DevLog,
  signal: AbortSignal,
): Promise<Service> {
  const adminPort = env.ports.agentAdmin;
  const service = spawnService({
    name: 'agent',
    args: ['--import', TSX_LOADER, AGENT_MAIN],
    cwd: REPOSITORY_ROOT,
    env: {
      // Defaults the person may override in their environment.
      // One process is plenty for one developer, and its log is one stream.
      AGENT_WORKERS: '1',
      // A stable name, so the console lists one agent across restarts rather than one per run.
      INSTANCE_ID: 'pnpm-dev',
      // Loopback only, like the rest of the dev stack: the demo logins are published.
      LISTEN_HOST: '127.0.0.1',
      ...env.inherited,
      PROVISIONING_KEY: key.key,
      PROVISIONING_SECRET: key.secret,
      CONSOLE_URL: `http://127.0.0.1:${env.ports.console}`,
      STATE_DIR: join(env.dataDir, 'agent'),
      ADMIN_PORT: String(adminPort),
    },
    log,
  });
  await waitUntilReady(service, {
    probe: async (attempt) =>
      (await probeStatus(`http://127.0.0.1:${adminPort}/readyz`, attempt)) === 200,
    timeoutMs: 2 * 60_000,
    hint:
      `Are ports ${env.ports.agent} and ${adminPort} free? Pick others with DEV_AGENT_PORT and ` +
      'DEV_AGENT_ADMIN_PORT.',
    signal,
  });
  return service;
}
