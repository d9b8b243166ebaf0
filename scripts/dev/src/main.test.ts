import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from './testing/find-free-port';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-dev-main-'));
  await chmod(dataDir, 0o755); // as root, PostgreSQL's own account must enter it
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** `tsx src/main.ts` as `pnpm --filter @gatehouse/dev-runner start` runs it; resolves the URL. */
function runMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: packageDir,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /^DATABASE_URL=(\S+)$/m.exec(output)?.[1];
      if (url) resolve(url);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', () => reject(new Error(`main.ts exited before it was ready:\n${output}`)));
  });
  // Only tests that expect a start await it; the others must not see an unhandled rejection.
  ready.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, ready, exited, output: () => output };
}

describe('main.ts', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'starts the embedded PostgreSQL and shuts it down cleanly on %s, keeping the data',
    async (signal) => {
      const port = await findFreePort();
      const run = runMain({ DATA_DIR: dataDir, DEV_POSTGRES_PORT: String(port) });
      const url = await run.ready;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query('CREATE TABLE IF NOT EXISTS starts (signal text)');
      await client.query('INSERT INTO starts VALUES ($1)', [signal]);
      const { rows } = await client.query<{ signal: string }>('SELECT signal FROM starts');
      await client.end();
      // The SIGTERM run comes second and finds the SIGINT run's row.
      expect(rows.map((row) => row.signal)).toEqual(
        signal === 'SIGINT' ? ['SIGINT'] : ['SIGINT', 'SIGTERM'],
      );

      run.child.kill(signal);
      expect(await run.exited).toBe(0);
      expect(run.output()).toContain('stopped');
      // PostgreSQL removes its lock file only on a clean shutdown.
      expect(await readdir(join(dataDir, 'postgres'))).not.toContain('postmaster.pid');
    },
  );

  it('starts nothing when DATABASE_URL is set', async () => {
    const run = runMain({ DATABASE_URL: 'postgresql://someone@127.0.0.1:5432/elsewhere' });
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('DATABASE_URL is set: nothing to start');
  });
});
