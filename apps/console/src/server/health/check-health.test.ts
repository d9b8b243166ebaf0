import { createPrismaClient } from '@gatehouse/db';
import { createTestDatabase, type TestDatabase } from '@gatehouse/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHealth } from './check-health';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

describe('checkHealth', () => {
  it('is ok while the database answers', async () => {
    const db = createPrismaClient(database.url);
    try {
      expect(await checkHealth(db)).toEqual({ status: 'ok', database: 'ok' });
    } finally {
      await db.$disconnect();
    }
  });

  it('is unavailable when the database cannot be reached', async () => {
    const db = createPrismaClient('postgresql://postgres@127.0.0.1:1/unreachable');
    try {
      expect(await checkHealth(db)).toEqual({ status: 'unavailable', database: 'unreachable' });
    } finally {
      await db.$disconnect();
    }
  });
});
