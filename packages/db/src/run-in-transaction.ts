import type { ITXClientDenyList } from '@prisma/client/runtime/client';
import type { DatabaseClient } from './create-prisma-client';

/** The client inside an interactive transaction, with the same secret columns omitted. */
export type DatabaseTransaction = Omit<DatabaseClient, ITXClientDenyList>;

/**
 * `prisma.$transaction(fn)` types `fn`'s client without the global `omit` (a Prisma typing gap:
 * at run time the transaction client omits the same columns, as schema.test.ts checks). This
 * gives `fn` the accurate type, so code shared between transactions and plain queries type-checks.
 */
export function runInTransaction<T>(
  prisma: DatabaseClient,
  fn: (tx: DatabaseTransaction) => Promise<T>,
  options?: Parameters<DatabaseClient['$transaction']>[1],
): Promise<T> {
  return prisma.$transaction((tx) => fn(tx as unknown as DatabaseTransaction), options);
}
