import type { DevEnv } from '../env';
import type { DevLog } from '../log/dev-log';
import { CONSOLE_DIR, NEXT_CLI } from '../paths';
import { spawnService, type Service } from '../processes/spawn-service';
import { NotReadyError, probeStatus, waitUntilReady } from '../processes/wait-until-ready';

// `next dev` compiles each route on its first request; on a busy 2-core machine the first few
// take a while.
const READY_TIMEOUT_MS = 5 * 60_000;

export interface ConsoleSettings {
  databaseUrl: string;
  encryptionKey: string;
  nextAuthSecret: string;
  /** The bootstrap owner's API token: created by the console on its first run with this data. */
  apiToken: string;
}

/** Where people open the console; also its same-origin and cookie origin. */
export function consoleUrl(env: DevEnv): string {
  return `http://localhost:${env.ports.console}`;
}

/**
 * `next dev` with the bootstrap owner and its API token, ready once that token works: the first
 * start of a database creates them (apps/console/src/server/accounts/bootstrap-owner.ts).
 */
export async function startConsole(
  env: DevEnv,
  settings: ConsoleSettings,
  log: DevLog,
  signal: AbortSignal,
): Promise<Service> {
  const port = env.ports.console;
  const service = spawnService({
    name: 'console',
    // Loopback only: the dev console has a published password.
    args: [NEXT_CLI, 'dev', '--port', String(port), '--hostname', '127.0.0.1'],
    cwd: CONSOLE_DIR,
    env: {
      ...env.inherited,
      NODE_ENV: 'development',
      NEXT_TELEMETRY_DISABLED: '1',
      GATEHOUSE_DEV_MODE: 'true',
      DATABASE_URL: settings.databaseUrl,
      GATEHOUSE_PUBLIC_URL: consoleUrl(env),
      NEXTAUTH_URL: consoleUrl(env),
      AUTH_SECRET: undefined,
      GATEHOUSE_ENCRYPTION_KEY: settings.encryptionKey,
      NEXTAUTH_SECRET: settings.nextAuthSecret,
      GATEHOUSE_BOOTSTRAP_EMAIL: env.bootstrap.email,
      GATEHOUSE_BOOTSTRAP_PASSWORD: env.bootstrap.password,
      GATEHOUSE_BOOTSTRAP_TOKEN: settings.apiToken,
    },
    log,
  });
  await waitUntilReady(service, {
    probe: async (attempt) => {
      const status = await probeStatus(`http://127.0.0.1:${port}/api/v1/me`, attempt, {
        authorization: `Bearer ${settings.apiToken}`,
      });
      if (status === 401) throw new NotReadyError(explainRefusedToken(env));
      return status === 200;
    },
    timeoutMs: READY_TIMEOUT_MS,
    hint: `Is port ${port} free? Pick another with DEV_CONSOLE_PORT.`,
    signal,
  });
  return service;
}

function explainRefusedToken(env: DevEnv): string {
  return [
    'The console refused the API token pnpm dev seeds with.',
    'The bootstrap variables (GATEHOUSE_BOOTSTRAP_EMAIL, _PASSWORD, _TOKEN) only take effect while',
    'the database has no user yet, and this one already has users made some other way.',
    env.databaseUrl === undefined
      ? `Start from empty data (remove ${env.dataDir} or set DATA_DIR elsewhere), or`
      : 'Unset DATABASE_URL (pnpm dev then runs its own PostgreSQL), point it at an empty database, or',
    "set GATEHOUSE_BOOTSTRAP_TOKEN to an API token of that console's owner or admin.",
  ].join('\n');
}
