import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inheritEnvironment } from './env';
import { databaseUrl, withServerConnection } from './server';

// prisma.config.ts and prisma/ live at the repository root; the CLI must run there.
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MIGRATIONS_DIR = join(REPO_ROOT, 'prisma', 'migrations');
const PRISMA_CLI = createRequire(join(REPO_ROOT, 'package.json')).resolve('prisma/build/index.js');

let template: Promise<string> | undefined;

/**
 * The name of a database that `prisma migrate deploy` has brought up to the current migrations.
 * Test databases are copied from it (`CREATE DATABASE … TEMPLATE`, a fraction of a second) instead
 * of each running the CLI (seconds). Its name carries a hash of the migrations, so a changed or new
 * migration builds a new template; an advisory lock lets one test worker build it while the others
 * wait.
 */
export function getMigratedTemplate(): Promise<string> {
  template ??= buildTemplateOnce().catch((error: unknown) => {
    template = undefined;
    throw error;
  });
  return template;
}

async function buildTemplateOnce(): Promise<string> {
  const name = `gatehouse_template_${await hashMigrations()}`;
  await withServerConnection(async (client) => {
    // Session-level lock, released when the connection closes.
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount === 1) return;
    // Built under another name and renamed when complete, so a crash mid-way never leaves a
    // half-migrated template behind.
    const building = `${name}_building`;
    await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${building}"`);
    await applyMigrations(databaseUrl(building));
    await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    // Copying fails while anyone is connected to the template; nobody should be.
    await client.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
  });
  return name;
}

async function hashMigrations(): Promise<string> {
  const files = (await readdir(MIGRATIONS_DIR, { recursive: true }))
    .filter((file) => file.endsWith('.sql'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash
      .update(`${file}\0`)
      .update(await readFile(join(MIGRATIONS_DIR, file)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

async function applyMigrations(url: string): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, [PRISMA_CLI, 'migrate', 'deploy'], {
      cwd: REPO_ROOT,
      env: inheritEnvironment({ DATABASE_URL: url }),
      timeout: 120_000,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(
      "prisma migrate deploy failed on the test server (without Prisma's native schema engine, " +
        `export PRISMA_SCHEMA_ENGINE_BINARY; see prisma/README.md):\n${stdout}${stderr}`,
      { cause: error },
    );
  }
}
