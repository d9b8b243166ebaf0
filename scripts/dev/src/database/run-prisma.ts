import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { DevEnv } from '../env';
import type { DevLog } from '../log/dev-log';
import { PRISMA_CLI, PRISMA_SCHEMA_ENGINE_STAND_IN, REPOSITORY_ROOT } from '../paths';
import { LogTail } from '../processes/log-tail';

/**
 * Runs the workspace's Prisma CLI (`prisma <args>` from the repository root, as `pnpm db:*` does)
 * to completion, its output prefixed `prisma`.
 */
export async function runPrisma(
  args: string[],
  options: { env: DevEnv; databaseUrl?: string; log: DevLog },
): Promise<void> {
  const tail = new LogTail((line) => options.log.line('prisma', line));
  const child = spawn(process.execPath, [PRISMA_CLI, ...args], {
    cwd: REPOSITORY_ROOT,
    env: {
      ...options.env.inherited,
      ...(options.databaseUrl !== undefined && { DATABASE_URL: options.databaseUrl }),
      PRISMA_SCHEMA_ENGINE_BINARY: schemaEngineBinary(options.env),
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  tail.follow(child.stdout);
  tail.follow(child.stderr);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) {
    throw new Error(`prisma ${args.join(' ')} failed (exit code ${code}):\n${tail.text()}`);
  }
}

/**
 * Prisma downloads a native schema engine on first use; machines that cannot (our CI machines)
 * have a WASM stand-in beside the repository. Exactly .ci/run's rule: use the stand-in only when
 * that file exists and PRISMA_SCHEMA_ENGINE_BINARY is unset; elsewhere Prisma does as it always
 * does.
 */
function schemaEngineBinary(env: DevEnv): string | undefined {
  if (env.prismaSchemaEngineBinary !== undefined) return env.prismaSchemaEngineBinary;
  return existsSync(PRISMA_SCHEMA_ENGINE_STAND_IN) ? PRISMA_SCHEMA_ENGINE_STAND_IN : undefined;
}
