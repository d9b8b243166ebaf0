import type { DatabaseClient } from '@gatehouse/db';
import { z } from 'zod';

export const ZHealthResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['ok', 'unreachable']),
});
export type THealthResponse = z.infer<typeof ZHealthResponse>;

/** Long enough for a loaded database, short enough for a probe's own timeout (3 s in the charts). */
const DATABASE_TIMEOUT_MS = 2_000;

/**
 * Whether this console can serve: its database answers a trivial query in time. Readiness
 * probes use it, so a replica that lost its database leaves the load balancer until it is back;
 * liveness does not (restarting the console would not bring the database back).
 */
export async function checkHealth(db: DatabaseClient): Promise<THealthResponse> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), DATABASE_TIMEOUT_MS);
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { status: 'ok', database: 'ok' };
  } catch {
    return { status: 'unavailable', database: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
