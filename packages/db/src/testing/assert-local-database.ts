const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * Test helpers create and drop whole databases. Refuse to touch any server but this machine's, so
 * a TEST_DATABASE_URL copied from staging or production cannot be wiped (dub's
 * assert-local-database). Fails closed: a URL whose host cannot be told is refused too.
 */
export function assertLocalDatabaseUrl(databaseUrl: string): void {
  const url = URL.canParse(databaseUrl) ? new URL(databaseUrl) : null;
  if (url === null || (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:')) {
    throw new Error(
      'Test databases need a postgresql:// URL, e.g. postgresql://postgres@127.0.0.1:5432/postgres; ' +
        'check TEST_DATABASE_URL.',
    );
  }
  // libpq and pg let `?host=` override the URL's host (a socket directory or another server).
  const hosts = [url.hostname, ...url.searchParams.getAll('host')];
  const refused = hosts.filter((host) => !isLocalHost(host));
  if (refused.length > 0) {
    throw new Error(
      `Refusing to create or drop test databases on ${refused.map((h) => `"${h}"`).join(', ')}: ` +
        'only 127.0.0.1, localhost, ::1 or a local socket are allowed. Point TEST_DATABASE_URL ' +
        'at a PostgreSQL server on this machine.',
    );
  }
}

function isLocalHost(host: string): boolean {
  // An empty host would fall back to PGHOST, which may name any server.
  return LOCAL_HOSTS.has(host.toLowerCase()) || host.startsWith('/');
}
