import { existsSync } from 'node:fs';
import type { DevEnv } from '../env';
import type { DevLog } from '../log/dev-log';
import { PRISMA_CLIENT_MARKER } from '../paths';
import { runPrisma } from './run-prisma';

/**
 * What the console needs before it starts: the generated Prisma client (a fresh clone has none;
 * `pnpm db:generate` makes it) and every migration applied (`prisma migrate deploy`, a no-op
 * when the database is up to date).
 */
export async function prepareDatabase(env: DevEnv, databaseUrl: string, log: DevLog) {
  if (!existsSync(PRISMA_CLIENT_MARKER)) {
    log.info('generating the Prisma client (first run)');
    await runPrisma(['generate'], { env, log });
  }
  log.info('applying migrations');
  await runPrisma(['migrate', 'deploy'], { env, databaseUrl, log });
}
