import { randomBytes } from 'node:crypto';
import type { DatabaseTransaction } from '../run-in-transaction';

/** Seeds accept the client or a transaction client. */
export type SeedClient = DatabaseTransaction;

/** Every field optional except the parent ids a row cannot exist without. */
export type SeedInput<TCreateInput, TRequired extends keyof TCreateInput> = Partial<TCreateInput> &
  Pick<TCreateInput, TRequired>;

/** Short random text that keeps seeded names, slugs and emails unique across parallel tests. */
export function uniqueSuffix(): string {
  return randomBytes(5).toString('hex');
}

/** Stand-in for a hash or ciphertext: right shape, verifies against nothing. */
export function randomHex(bytes = 32): string {
  return randomBytes(bytes).toString('hex');
}

/** The next free position after the largest one in use (0 for an empty list). */
export function nextPosition(largest: number | null): number {
  return largest === null ? 0 : largest + 1;
}
