import { createServer } from 'node:net';
import type { DevEnv } from './env';

const PORT_VARIABLES = {
  postgres: 'DEV_POSTGRES_PORT',
  console: 'DEV_CONSOLE_PORT',
  idp: 'DEV_IDP_PORT',
  upstream: 'DEMO_UPSTREAM_PORT',
  agent: 'DEV_AGENT_PORT',
  agentAdmin: 'DEV_AGENT_ADMIN_PORT',
} as const;

/**
 * Refuses to start anything when a port the stack needs is taken (often a `pnpm dev` still running
 * in another terminal), naming each port and the variable that moves it. Otherwise the failure
 * would show only once that program starts, possibly minutes later behind `next dev`.
 */
export async function assertPortsFree(env: DevEnv): Promise<void> {
  const wanted = Object.entries(env.ports).filter(
    ([name]) => name !== 'postgres' || env.databaseUrl === undefined,
  ) as [keyof typeof PORT_VARIABLES, number][];
  const taken: string[] = [];
  for (const [name, port] of wanted) {
    if (!(await isPortFree(port))) {
      taken.push(`  ${port} is in use (${name}; set ${PORT_VARIABLES[name]})`);
    }
  }
  const duplicates = wanted.filter(([, port], index) =>
    wanted.some(([, other], earlier) => earlier < index && other === port),
  );
  for (const [name, port] of duplicates) {
    taken.push(`  ${port} is given twice (${name}; set ${PORT_VARIABLES[name]})`);
  }
  if (taken.length > 0) {
    throw new Error(
      `pnpm dev cannot use these ports:\n${taken.join('\n')}\n` +
        'Stop whatever holds them (another pnpm dev?) or move the dev stack with those variables.',
    );
  }
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
      server.close(() => resolve(true)),
    );
  });
}
