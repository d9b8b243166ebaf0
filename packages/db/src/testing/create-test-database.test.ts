import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from './create-test-database';
import { withServerConnection } from './server';

function databaseExists(name: string): Promise<boolean> {
  return withServerConnection(async (client) => {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return result.rowCount === 1;
  });
}

describe('createTestDatabase', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  // The first call may build the migrated template, which takes longer than the default 5 s.
  it('creates a migrated database of its own and drops it', { timeout: 60_000 }, async () => {
    const [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    const firstName = new URL(first.url).pathname.slice(1);
    try {
      expect(first.url).not.toBe(second.url);
      expect(await databaseExists(firstName)).toBe(true);

      const migrations = await first.prisma.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
      expect(migrations.map((row) => row.migration_name)).toContainEqual(
        expect.stringMatching(/^\d{14}_init$/),
      );

      // Rows written to one database are invisible in the other.
      await first.prisma.organization.create({ data: { name: 'Only here', slug: 'only-here' } });
      expect(await second.prisma.organization.count()).toBe(0);
    } finally {
      await first.drop();
      await second.drop();
    }
    expect(await databaseExists(firstName)).toBe(false);
    await first.drop();
  });

  it('refuses a TEST_DATABASE_URL that is not on this machine', async () => {
    vi.stubEnv('TEST_DATABASE_URL', 'postgresql://postgres@db.example.com:5432/postgres');
    vi.resetModules();
    const fresh = await import('./create-test-database');
    await expect(fresh.createTestDatabase()).rejects.toThrow(
      'Refusing to create or drop test databases on "db.example.com"',
    );
  });
});
