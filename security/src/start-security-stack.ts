// The whole product on loopback, as the fault and load suites break it: the console (its real
// route handlers, in this process, over a database the test chose), the dev IdP, upstreams, a
// deployment made through the console's REST API, and real agent processes provisioned with
// its key.
import { randomBytes } from 'node:crypto';
import {
  findFreePort,
  startAgentProcess,
  type AgentProcess,
  type AgentProcessOptions,
} from '@gatehouse/agent/testing';
import { startDevIdp, type DevIdp, type StartDevIdpOptions } from '@gatehouse/dev-idp';
import {
  createConsoleApi,
  seedDeployment,
  seedOwnerToken,
  type ConsoleApi,
  type SeededDeployment,
} from './console/console-api';
import { releaseConsoleResources } from './console/console-modules';
import { startConsoleServer, type ConsoleServer } from './console/serve-console';
import { readAgentLogLevel, setConsoleEnvironment } from './env';

export const CONSOLE_PUBLIC_URL = 'http://console.test';
export const IDP_CLIENT = {
  clientId: 'gatehouse-security',
  clientSecret: 'gatehouse-security-secret',
};

export interface SecurityStack {
  console: ConsoleServer;
  api: ConsoleApi;
  idp: DevIdp;
  deployment: SeededDeployment;
  /** http://127.0.0.1:<listen port>: where users open the application through the agents. */
  applicationUrl: string;
  startAgent(
    name: string,
    options?: Pick<AgentProcessOptions, 'redisUrl' | 'waitUntilReady' | 'listenHost' | 'nodeArgs'>,
  ): Promise<AgentProcess>;
  close(): Promise<void>;
}

export interface SecurityStackOptions {
  databaseUrl: string;
  upstreamServers: string[];
  idpLifetimes?: StartDevIdpOptions['lifetimes'];
}

export async function startSecurityStack(options: SecurityStackOptions): Promise<SecurityStack> {
  setConsoleEnvironment({
    NODE_ENV: 'test',
    DATABASE_URL: options.databaseUrl,
    GATEHOUSE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    GATEHOUSE_PUBLIC_URL: CONSOLE_PUBLIC_URL,
  });
  const listenPort = await findFreePort();
  const applicationUrl = `http://127.0.0.1:${listenPort}`;
  const idp = await startDevIdp({
    port: 0,
    clients: [
      {
        ...IDP_CLIENT,
        redirectUris: [`${applicationUrl}/.gatehouse/callback`],
        postLogoutRedirectUris: [`${applicationUrl}/`],
      },
    ],
    ...(options.idpLifetimes ? { lifetimes: options.idpLifetimes } : {}),
  });
  const consoleServer = await startConsoleServer({ publicUrl: CONSOLE_PUBLIC_URL });
  const api = createConsoleApi(consoleServer.url, await seedOwnerToken(options.databaseUrl));
  const deployment = await seedDeployment(api, {
    applicationUrl,
    listenPort,
    upstreamServers: options.upstreamServers,
    idp: { issuer: idp.issuer, ...IDP_CLIENT },
  });
  const agents: AgentProcess[] = [];

  return {
    console: consoleServer,
    api,
    idp,
    deployment,
    applicationUrl,
    async startAgent(name, extra = {}) {
      const agent = await startAgentProcess({
        name,
        consoleUrl: consoleServer.url,
        provisioningKey: deployment.provisioningKey,
        provisioningSecret: deployment.provisioningSecret,
        logLevel: readAgentLogLevel(),
        ...extra,
      });
      agents.push(agent);
      return agent;
    },
    async close() {
      await Promise.all(agents.map((agent) => agent.close()));
      await consoleServer.close();
      // A test may have closed the IdP itself (the outage it tests).
      await idp.close().catch((error: Error) => {
        if (!/not running/.test(error.message)) throw error;
      });
      await releaseConsoleResources();
    },
  };
}
