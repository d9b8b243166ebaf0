import { join } from 'node:path';
import type { DevEnv } from '../env';
import { startEmbeddedPostgres } from '../postgres/start-embedded-postgres';

export interface ProvidedDatabase {
  url: string;
  /** True when this process started it (and `stop` shuts it down). */
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL with its data in DATA_DIR/postgres. */
export async function provideDatabase(
  env: Pick<DevEnv, 'databaseUrl' | 'dataDir'> & { ports: Pick<DevEnv['ports'], 'postgres'> },
  onLog?: (line: string) => void,
): Promise<ProvidedDatabase> {
  if (env.databaseUrl !== undefined) {
    return { url: env.databaseUrl, embedded: false, stop: () => Promise.resolve() };
  }
  const server = await startEmbeddedPostgres({
    dataDir: join(env.dataDir, 'postgres'),
    port: env.ports.postgres,
    ...(onLog && { onLog }),
  });
  return { url: server.url, embedded: true, stop: () => server.stop() };
}
