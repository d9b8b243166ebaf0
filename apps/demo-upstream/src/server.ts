import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compileApiUsers } from './api-auth';
import { DEFAULT_API_USERS, ZApiUsers, type ApiUserInput } from './api-users';
import { createRequestListener } from './router';
import { createUserStore, type UserStore } from './users';

export interface StartDemoUpstreamOptions {
  /** 0 (the default) picks a free port; main.ts passes DEMO_UPSTREAM_PORT (8080). */
  port?: number;
  /** Defaults to loopback for tests; main.ts passes DEMO_UPSTREAM_HOST (0.0.0.0 in containers). */
  host?: string;
  /** API users for `Authorization: Basic|Token` on /api/*; defaults to the dev user api-bot. */
  apiUsers?: readonly ApiUserInput[];
}

export interface DemoUpstream {
  /** A URL a client on this machine can open (loopback when listening on every interface). */
  url: string;
  port: number;
  /** The header sign-in user store, for in-process tests. */
  users: Pick<UserStore, 'findUser' | 'listUsers'>;
  /** Stops accepting, closes idle keep-alive connections, resolves once in-flight requests end. */
  close(): Promise<void>;
}

export async function startDemoUpstream(
  options: StartDemoUpstreamOptions = {},
): Promise<DemoUpstream> {
  const { port = 0, host = '127.0.0.1' } = options;
  const users = createUserStore();
  const apiUsers = compileApiUsers(ZApiUsers.parse(options.apiUsers ?? DEFAULT_API_USERS));
  const server = createServer(
    // Multi-gigabyte uploads through a proxy outlast Node's default 5-minute request timeout.
    { requestTimeout: 0, keepAlive: true },
    createRequestListener({ users, apiUsers }),
  );
  // Outlive a proxy's pooled idle connections, so the proxy, not we, closes them: otherwise a
  // request can race our close and fail with ECONNRESET.
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} on ${host} is already in use; choose another (DEMO_UPSTREAM_PORT).`,
              { cause: error },
            )
          : error,
      ),
    );
    server.listen(port, host, resolve);
  });

  const address = server.address() as AddressInfo;
  return {
    url: `http://${formatHostForUrl(address.address)}:${address.port}`,
    port: address.port,
    users,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}

function formatHostForUrl(address: string): string {
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '[::1]';
  return address.includes(':') ? `[${address}]` : address;
}
