import { findFreePort } from '@gatehouse/agent/testing';
import type { TAgentConfig } from '@gatehouse/contract';
import { buildSampleAgentConfig, buildSampleApplication } from '@gatehouse/contract/testing';
import { startDevIdp, type DevIdp } from '@gatehouse/dev-idp';
import { CookieJar, loginThroughIdp } from '@gatehouse/dev-idp/testing';
import { SIGNED_IN_EMAIL, type StackAddresses } from './bench-targets';
import { startAgentProcess, type AgentProcess } from './start-agent-process';
import { startBareProxy, type BareProxy } from './start-bare-proxy';
import { startNginx, type Nginx } from './start-nginx';
import { startRedis, type TemporaryRedis } from './start-redis';
import { startUpstream, type Upstream } from './start-upstream';

export const BENCH_CLIENT = {
  clientId: 'gatehouse-bench',
  clientSecret: 'gatehouse-bench-secret',
};
export const BENCH_PASSWORD = 'password';

export interface BenchStack {
  addresses: StackAddresses;
  upstream: Upstream;
  nginx: Nginx;
  redis: TemporaryRedis;
  idp: DevIdp;
  agent: AgentProcess;
  redisAgent: AgentProcess;
  bareUndici: BareProxy;
  bareNet: BareProxy;
  close(): Promise<void>;
}

/** The CVAT sample application in front of the upstream, with the dev IdP; one per agent. */
export function buildBenchDocument(options: {
  deploymentId: string;
  listenPort: number;
  upstreamUrl: string;
  issuer: string;
}): TAgentConfig {
  const base = buildSampleAgentConfig({
    deployment: { id: options.deploymentId, name: 'Benchmark' },
  });
  return {
    ...base,
    identityProviders: [
      {
        id: 'idp_dev',
        name: 'Dev IdP',
        protocol: 'OIDC',
        provider: 'GENERIC',
        issuer: options.issuer,
        ...BENCH_CLIENT,
        scopes: ['openid', 'email', 'profile', 'groups'],
        claims: { email: 'email', username: 'preferred_username', groups: 'groups' },
      },
    ],
    applications: [
      buildSampleApplication({
        id: 'app_bench',
        name: 'Benchmark app',
        applicationUrl: `http://127.0.0.1:${options.listenPort}`,
        listenPort: options.listenPort,
        upstreamServers: [options.upstreamUrl],
      }),
    ],
  };
}

/**
 * Upstream, nginx, a Redis, the dev IdP, two agents (cookie sessions; Redis sessions) and the two
 * bare proxies, each a process of its own except the IdP, which idles during measurements.
 * Signed in once per agent.
 */
export async function startBenchStack(options: {
  workers: number | undefined;
  agentDir: string | undefined;
  tsx: boolean;
  nodeOptions: readonly string[];
  log: (line: string) => void;
}): Promise<BenchStack> {
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => undefined);
  };
  try {
    const upstream = await startUpstream();
    closers.push(() => upstream.process.stop());
    const nginx = await startNginx(upstream.port);
    closers.push(() => nginx.close());
    const redis = await startRedis();
    closers.push(() => redis.process.stop());
    const [agentPort, redisAgentPort] = [await findFreePort(), await findFreePort()];
    const idp = await startDevIdp({
      port: 0,
      clients: [
        {
          ...BENCH_CLIENT,
          redirectUris: [agentPort, redisAgentPort].map(
            (port) => `http://127.0.0.1:${port}/.gatehouse/callback`,
          ),
        },
      ],
    });
    closers.push(() => idp.close());
    const document = (deploymentId: string, listenPort: number) =>
      buildBenchDocument({
        deploymentId,
        listenPort,
        upstreamUrl: upstream.url,
        issuer: idp.issuer,
      });
    options.log('starting the agents');
    const agent = await startAgentProcess({
      name: 'agent (cookie sessions)',
      document: document('dep_bench_cookie', agentPort),
      listenPort: agentPort,
      workers: options.workers,
      agentDir: options.agentDir,
      tsx: options.tsx,
      nodeArgs: options.nodeOptions,
    });
    closers.push(() => agent.close());
    const redisAgent = await startAgentProcess({
      name: 'agent (Redis sessions)',
      document: document('dep_bench_redis', redisAgentPort),
      listenPort: redisAgentPort,
      redisUrl: redis.url,
      workers: options.workers,
      agentDir: options.agentDir,
      tsx: options.tsx,
      nodeArgs: options.nodeOptions,
    });
    closers.push(() => redisAgent.close());
    const bareUndici = await startBareProxy('undici', upstream.port, options.workers);
    closers.push(() => bareUndici.process.stop());
    const bareNet = await startBareProxy('net', upstream.port, options.workers);
    closers.push(() => bareNet.process.stop());

    return {
      addresses: {
        upstream: { url: upstream.url, pid: upstream.process.pid },
        nginx: { url: nginx.url, pid: nginx.process.pid },
        agent: { url: agent.url, pid: agent.process.pid, sessionCookie: await signIn(agent.url) },
        redisAgent: {
          url: redisAgent.url,
          pid: redisAgent.process.pid,
          sessionCookie: await signIn(redisAgent.url),
        },
        bareUndici: { url: bareUndici.url, pid: bareUndici.process.pid },
        bareNet: { url: bareNet.url, pid: bareNet.process.pid },
      },
      upstream,
      nginx,
      redis,
      idp,
      agent,
      redisAgent,
      bareUndici,
      bareNet,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A full sign-in as a browser would do it; the agent's session cookies for later requests. */
export async function signIn(agentUrl: string, jar = new CookieJar()): Promise<string> {
  const { response, visited } = await loginThroughIdp({
    startUrl: `${agentUrl}/api/bytes/1k`,
    login: SIGNED_IN_EMAIL,
    password: BENCH_PASSWORD,
    jar,
  });
  await response.arrayBuffer();
  const cookies = (jar.cookieHeaderFor(agentUrl) ?? '')
    .split('; ')
    .filter((pair) => pair.startsWith('gatehouse_'));
  if (response.status !== 200 || cookies.length === 0) {
    throw new Error(
      `signing in through ${agentUrl} ended with ${response.status} and no session cookie:\n${visited.join('\n')}`,
    );
  }
  return cookies.join('; ');
}
