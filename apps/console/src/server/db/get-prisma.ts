import { createPrismaClient, type DatabaseClient } from '@gatehouse/db';
import { getEnv } from '@/env';

// One client per process and database. In `next dev`, modules are re-evaluated on every edit;
// keeping clients on globalThis stops each reload from opening another connection pool.
const holder = globalThis as typeof globalThis & {
  gatehousePrisma?: Map<string, DatabaseClient>;
};

export function getPrisma(): DatabaseClient {
  const url = getEnv().databaseUrl;
  holder.gatehousePrisma ??= new Map();
  let client = holder.gatehousePrisma.get(url);
  if (!client) {
    client = createPrismaClient(url);
    holder.gatehousePrisma.set(url, client);
  }
  return client;
}

/** Closes every client this process opened (server shutdown, end of a test file). */
export async function disconnectPrisma(): Promise<void> {
  const clients = [...(holder.gatehousePrisma?.values() ?? [])];
  holder.gatehousePrisma?.clear();
  await Promise.all(clients.map((client) => client.$disconnect()));
}
