import pg from 'pg';
import { testDatabaseServerUrl } from './env';

/** A connection to the test server's maintenance database, closed after `fn`. */
export async function withServerConnection<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseServerUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function databaseUrl(name: string): string {
  const url = new URL(testDatabaseServerUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
