// A PostgreSQL server of the test's own (scripts/dev's embedded PostgreSQL), migrated, which the
// test may stop and start again at will; the shared server on 5432 is never touched.
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '@gatehouse/agent/testing';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@gatehouse/dev-runner';
import pg from 'pg';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../../prisma/migrations/', import.meta.url));

export interface PrivatePostgres {
  url: string;
  /** Fast shutdown: open connections are cut, transactions in flight roll back. */
  stop(): Promise<void>;
  /** Starts the same cluster again, same port and data. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const root = await mkdtemp(join(tmpdir(), 'gatehouse-security-pg-'));
  // As root the server runs as its own account, which must be able to enter the directory.
  await chmod(root, 0o755);
  const options = {
    dataDir: join(root, 'data'),
    port: await findFreePort(),
    database: 'gatehouse',
  };
  let server: EmbeddedPostgres | undefined = await startEmbeddedPostgres(options);
  const url = server.url;
  await applyMigrations(url);
  return {
    url,
    async stop() {
      await server?.stop();
      server = undefined;
    },
    async start() {
      server = await startEmbeddedPostgres(options);
    },
    async close() {
      await server?.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** The migrations' SQL in order: what `prisma migrate deploy` runs, without its CLI's start-up. */
async function applyMigrations(url: string): Promise<void> {
  const directories = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const directory of directories) {
      await client.query(await readFile(join(MIGRATIONS_DIR, directory, 'migration.sql'), 'utf8'));
    }
  } finally {
    await client.end();
  }
}
