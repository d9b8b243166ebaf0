import { createPrismaClient } from '@gatehouse/db';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from './app-error';
import { handleApiError, type ErrorBody } from './handle-api-error';

async function read(response: Response) {
  return { status: response.status, body: (await response.json()) as ErrorBody };
}

describe('handleApiError', () => {
  it('keeps an AppError’s code, message, issues and headers', async () => {
    const response = handleApiError(
      new AppError('rate_limited', 'Slow down.', { headers: { 'Retry-After': '7' } }),
      'req-1',
    );
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await read(response)).toEqual({
      status: 429,
      body: { error: { code: 'rate_limited', message: 'Slow down.' } },
    });
  });

  it('turns a zod error into 422 with every field path', async () => {
    const result = z
      .object({ rows: z.array(z.object({ port: z.number().max(10) })), name: z.string() })
      .safeParse({ rows: [{ port: 1 }, { port: 11 }] });
    const { status, body } = await read(handleApiError(result.error, 'req-2'));
    expect(status).toBe(422);
    expect(body.error.issues?.map((issue) => issue.path)).toEqual(['rows[1].port', 'name']);
  });

  it('answers 503 with Retry-After while the database cannot be reached', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // A real client pointed at a closed port: the error is whatever Prisma's adapter throws.
    const db = createPrismaClient('postgresql://postgres@127.0.0.1:1/unreachable');
    const failure = await db.organization.findMany().catch((error: unknown) => error);
    await db.$disconnect();
    const response = handleApiError(failure, 'req-db');
    expect(response.headers.get('retry-after')).toBe('5');
    const { status, body } = await read(response);
    expect(status).toBe(503);
    expect(body.error.code).toBe('unavailable');
    expect(JSON.stringify(body)).not.toContain('127.0.0.1');
  });

  it('answers anything else with 500 and a request id, never the internals', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { status, body } = await read(
      handleApiError(new Error('connect ECONNREFUSED 10.1.2.3:5432 password=hunter2'), 'req-3'),
    );
    expect(status).toBe(500);
    expect(body.requestId).toBe('req-3');
    expect(body.error.code).toBe('internal');
    expect(body.error.message).toContain('req-3');
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|hunter2/);
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
