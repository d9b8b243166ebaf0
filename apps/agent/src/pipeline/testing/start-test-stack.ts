import type { Redis } from 'ioredis';
import type { TAgentConfig, TApplicationConfig } from '@gatehouse/contract';
import { buildSampleAgentConfig, buildSampleApplication } from '@gatehouse/contract/testing';
import { startDemoUpstream, type DemoUpstream } from '@gatehouse/demo-upstream';
import { startDevIdp, type DevIdp, type StartDevIdpOptions } from '@gatehouse/dev-idp';
import { startPipelineHarness, type PipelineHarness } from './start-pipeline-harness';

export const TEST_CLIENT = { clientId: 'gatehouse-test', clientSecret: 'gatehouse-test-secret' };

export interface TestStack {
  agent: PipelineHarness;
  idp: DevIdp;
  upstream: DemoUpstream;
  config: TAgentConfig;
  /** Applies the same deployment with changes to its (first) application. */
  reapply(
    application: Partial<TApplicationConfig>,
    config?: Partial<TAgentConfig>,
  ): Promise<TAgentConfig>;
  close(): Promise<void>;
}

export interface TestStackOptions {
  application?: Partial<TApplicationConfig>;
  config?: Partial<TAgentConfig>;
  idp?: Pick<StartDevIdpOptions, 'lifetimes'>;
  redis?: Redis;
}

/**
 * Dev IdP + demo upstream + the pipeline harness, wired as a deployment would be: the IdP knows
 * the agent's callback and post-logout URLs, the application is the CVAT sample.
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const upstream = await startDemoUpstream({ port: 0 });
  const agent = await startPipelineHarness(
    options.redis ? { redis: options.redis, redisSessionCacheMilliseconds: 0 } : {},
  );
  const idp = await startDevIdp({
    port: 0,
    clients: [
      {
        ...TEST_CLIENT,
        redirectUris: [`${agent.url}/.gatehouse/callback`],
        postLogoutRedirectUris: [`${agent.url}/`],
      },
    ],
    ...options.idp,
  });
  const base = buildSampleAgentConfig();
  const build = (
    application: Partial<TApplicationConfig>,
    config: Partial<TAgentConfig>,
  ): TAgentConfig => ({
    ...base,
    identityProviders: [
      {
        ...(base.identityProviders[0] as (typeof base.identityProviders)[number]),
        issuer: idp.issuer,
        ...TEST_CLIENT,
      },
    ],
    applications: [
      buildSampleApplication({
        applicationUrl: agent.url,
        upstreamServers: [upstream.url],
        ...application,
      }),
    ],
    ...config,
  });
  let config = build(options.application ?? {}, options.config ?? {});
  await agent.apply(config);
  return {
    agent,
    idp,
    upstream,
    get config() {
      return config;
    },
    async reapply(application, overrides = {}) {
      config = build(
        { ...options.application, ...application },
        { ...options.config, ...overrides, version: config.version + 1 },
      );
      await agent.apply(config);
      return config;
    },
    async close() {
      await agent.close();
      await Promise.all([idp.close(), upstream.close()]);
    },
  };
}
