import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../testing/find-free-port';
import { ensureServerAccount } from './server-account';
import { startEmbeddedPostgres } from './start-embedded-postgres';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gatehouse-embedded-pg-'));
  // mkdtemp makes a private directory; as root the server's account must be able to enter it.
  await chmod(root, 0o755);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('startEmbeddedPostgres', () => {
  it('keeps the data across a stop and a second start', async () => {
    const dataDir = join(root, 'keeps', 'postgres');
    const port = await findFreePort();

    const first = await startEmbeddedPostgres({ dataDir, port });
    expect(first.url).toMatch(
      new RegExp(`^postgresql://postgres:[^@]+@127\\.0\\.0\\.1:${port}/gatehouse$`),
    );
    await query(first.url, 'CREATE TABLE notes (body text NOT NULL)');
    await query(first.url, "INSERT INTO notes VALUES ('kept')");
    await first.stop();
    await expect(query(first.url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);

    const second = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(second.url).toBe(first.url);
      expect(await query(second.url, 'SELECT body FROM notes')).toEqual([{ body: 'kept' }]);
    } finally {
      await second.stop();
    }
  });

  it('refuses connections without the generated password', async () => {
    const dataDir = join(root, 'password', 'postgres');
    const port = await findFreePort();
    const server = await startEmbeddedPostgres({ dataDir, port, database: 'other' });
    try {
      expect(server.url).toMatch(/\/other$/);
      await expect(
        query(`postgresql://postgres:wrong@127.0.0.1:${port}/other`, 'SELECT 1'),
      ).rejects.toThrow(/password authentication failed/);
    } finally {
      await server.stop();
    }
  });

  it('runs as the gatehouse system user, which owns the data, when started as root', async (context) => {
    const account = await ensureServerAccount();
    if (!account) return context.skip('not running as root: PostgreSQL runs as the current user');
    const dataDir = join(root, 'owner', 'postgres');
    const server = await startEmbeddedPostgres({ dataDir, port: await findFreePort() });
    try {
      const info = await stat(dataDir);
      expect({ uid: info.uid, mode: info.mode & 0o777 }).toEqual({ uid: account.uid, mode: 0o700 });
      const [row] = await query(server.url, 'SELECT current_setting($1) AS dir', [
        'data_directory',
      ]);
      expect(row).toEqual({ dir: dataDir });
    } finally {
      await server.stop();
    }
  });

  it('will not initialise over a directory that holds something else', async () => {
    const dataDir = join(root, 'occupied');
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, 'notes.txt'), 'mine');
    await expect(startEmbeddedPostgres({ dataDir, port: await findFreePort() })).rejects.toThrow(
      /is not empty but holds no PostgreSQL cluster/,
    );
  });

  it('names the port when it is already taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      await expect(
        startEmbeddedPostgres({ dataDir: join(root, 'taken', 'postgres'), port }),
      ).rejects.toThrow(new RegExp(`did not start on 127\\.0\\.0\\.1:${port}[\\s\\S]*in use`));
    } finally {
      blocker.close();
    }
  });
});

async function query(url: string, sql: string, values: unknown[] = []): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as unknown[];
  } finally {
    await client.end();
  }
}
