import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from './generated/prisma/client';

/**
 * Columns holding a hash or ciphertext are left out of every result unless a query opts in, e.g.
 * `prisma.provisioningKey.findUnique({ where: { keyId }, omit: { secretHash: false } })`, so a
 * secret cannot reach an API response by spreading a row.
 */
export const SECRET_COLUMNS_OMITTED_BY_DEFAULT = {
  user: { passwordHash: true },
  invitation: { tokenHash: true },
  provisioningKey: { secretHash: true },
  identityProvider: { clientSecretCiphertext: true },
  deploymentKey: { secretCiphertext: true },
  apiToken: { tokenHash: true },
} as const satisfies Prisma.GlobalOmitConfig;

export function createPrismaClient(databaseUrl: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl }),
    omit: SECRET_COLUMNS_OMITTED_BY_DEFAULT,
  });
}

export type DatabaseClient = ReturnType<typeof createPrismaClient>;
