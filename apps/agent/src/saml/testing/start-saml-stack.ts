import type { Redis } from 'ioredis';
import type {
  TAgentConfig,
  TApplicationConfig,
  TIdentityProviderConfig,
  TSamlIdentityProviderConfig,
} from '@gatehouse/contract';
import {
  buildSampleAgentConfig,
  buildSampleApplication,
  buildSampleSamlIdentityProvider,
} from '@gatehouse/contract/testing';
import { startDemoUpstream, type DemoUpstream } from '@gatehouse/demo-upstream';
import { startDevIdp, type DevIdp, type StartSamlOptions } from '@gatehouse/dev-idp';
import {
  startPipelineHarness,
  type PipelineHarness,
} from '../../pipeline/testing/start-pipeline-harness';
import { describeServiceProvider, type ServiceProvider } from '../service-provider';

export interface SamlStack {
  agent: PipelineHarness;
  idp: DevIdp;
  upstream: DemoUpstream;
  /** The agent's SP endpoints for the application, as registered at the dev IdP. */
  sp: ServiceProvider;
  config: TAgentConfig;
  /** Applies the same deployment with changes to the SAML IdP and the application. */
  reapply(changes: {
    idp?: Partial<TSamlIdentityProviderConfig>;
    application?: Partial<TApplicationConfig>;
    /** Identity providers listed before the SAML one. */
    others?: TIdentityProviderConfig[];
  }): Promise<TAgentConfig>;
  close(): Promise<void>;
}

export interface SamlStackOptions {
  idp?: Partial<TSamlIdentityProviderConfig>;
  application?: Partial<TApplicationConfig>;
  devIdp?: Omit<StartSamlOptions, 'serviceProviders'>;
  redis?: Redis;
}

/**
 * The dev IdP speaking SAML + the demo upstream + the pipeline harness, wired as a deployment
 * would be: the IdP knows the agent's SP (entity ID, ACS, SLO), the agent trusts the IdP's
 * certificate, and the application is the CVAT sample bound to the SAML IdP only.
 */
export async function startSamlStack(options: SamlStackOptions = {}): Promise<SamlStack> {
  const upstream = await startDemoUpstream({ port: 0 });
  const agent = await startPipelineHarness(
    options.redis ? { redis: options.redis, redisSessionCacheMilliseconds: 0 } : {},
  );
  const sp = describeServiceProvider(agent.url, '/.gatehouse');
  const idp = await startDevIdp({
    port: 0,
    saml: {
      ...options.devIdp,
      serviceProviders: [{ entityId: sp.entityId, acsUrl: sp.acsUrl, sloUrl: sp.sloUrl }],
    },
  });
  const base = buildSampleAgentConfig();
  const build = (
    idpChanges: Partial<TSamlIdentityProviderConfig>,
    application: Partial<TApplicationConfig>,
    version: number,
    others: TIdentityProviderConfig[] = [],
  ): TAgentConfig => ({
    ...base,
    version,
    identityProviders: [
      ...others,
      buildSampleSamlIdentityProvider({
        entityId: idp.saml.entityId,
        ssoUrl: idp.saml.ssoUrl,
        sloUrl: idp.saml.sloUrl,
        signingCertificates: [idp.saml.certificate],
        ...idpChanges,
      }),
    ],
    applications: [
      buildSampleApplication({
        applicationUrl: agent.url,
        upstreamServers: [upstream.url],
        idpIds: ['idp_saml'],
        ...application,
      }),
    ],
  });
  let config = build(options.idp ?? {}, options.application ?? {}, 1);
  await agent.apply(config);
  return {
    agent,
    idp,
    upstream,
    sp,
    get config() {
      return config;
    },
    async reapply(changes) {
      config = build(
        { ...options.idp, ...changes.idp },
        { ...options.application, ...changes.application },
        config.version + 1,
        changes.others,
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
