import type { DevEnv } from '../env';
import type { DevLog } from '../log/dev-log';
import { DEV_IDP_MAIN, REPOSITORY_ROOT, TSX_LOADER } from '../paths';
import { spawnService, type Service } from '../processes/spawn-service';
import { probeStatus, waitUntilReady } from '../processes/wait-until-ready';

export const DEMO_CLIENT = { clientId: 'gatehouse-demo', clientSecret: 'gatehouse-demo-secret' };

/** The issuer browsers and agents use; `localhost`, so its cookies live beside the demo app's. */
export function devIdpIssuer(env: DevEnv): string {
  return `http://localhost:${env.ports.idp}`;
}

/** The dev IdP with the demo users, and the demo client registered for the agent's port. */
export async function startDevIdp(env: DevEnv, log: DevLog, signal: AbortSignal): Promise<Service> {
  const port = env.ports.idp;
  const agentOrigins = [
    `http://localhost:${env.ports.agent}`,
    `http://127.0.0.1:${env.ports.agent}`,
  ];
  const service = spawnService({
    name: 'idp',
    args: ['--import', TSX_LOADER, DEV_IDP_MAIN],
    cwd: REPOSITORY_ROOT,
    env: {
      ...env.inherited,
      DEV_IDP_PORT: String(port),
      DEV_IDP_HOST: '127.0.0.1',
      DEV_IDP_ISSUER: devIdpIssuer(env),
      // The dev IdP's default client expects the agent on 9772; follow DEV_AGENT_PORT.
      DEV_IDP_CLIENTS: JSON.stringify([
        {
          ...DEMO_CLIENT,
          redirectUris: agentOrigins.map((origin) => `${origin}/.gatehouse/callback`),
          postLogoutRedirectUris: agentOrigins.map((origin) => `${origin}/`),
        },
      ]),
      DEV_IDP_CLIENTS_FILE: undefined,
    },
    log,
  });
  await waitUntilReady(service, {
    probe: async (attempt) =>
      (await probeStatus(`http://127.0.0.1:${port}/.well-known/openid-configuration`, attempt)) ===
      200,
    timeoutMs: 60_000,
    hint: `Is port ${port} free? Pick another with DEV_IDP_PORT.`,
    signal,
  });
  return service;
}
