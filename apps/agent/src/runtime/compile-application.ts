import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { TAgentConfig, TApplicationConfig } from '@gatehouse/contract';
import type { TrafficCounters } from '../observability/traffic-metrics';
import type { Logger } from '../observability/logger';
import type { IdpDirectory } from '../oidc/idp-client';
import type { AssertionKeys } from '../pipeline/attributes/assertion-signer';
import { compileAttributePass } from '../pipeline/attributes/compile-attribute-pass';
import type { AppRuntime } from '../pipeline/context';
import { createContext } from '../pipeline/create-context';
import { PIPELINE } from '../pipeline/index';
import type { IpRanges } from '../pipeline/ip-ranges';
import { compileRoleMapping } from '../pipeline/role-mapping';
import { compileRules } from '../pipeline/rules/compile-rules';
import { runPipeline } from '../pipeline/run-pipeline';
import { AGENT_COOKIE_PREFIX, compileStripList } from '../pipeline/strip-headers';
import { createUpstreamBalancer } from '../proxy/upstream-balancer';
import type { SamlReplayCache } from '../saml/replay-cache';
import { createSamlIdp, type BoundIdp } from '../saml/saml-idp';
import { describeServiceProvider } from '../saml/service-provider';
import { createCookieSessionStore } from '../session/cookie-session-store';
import { createRedisSessionStore } from '../session/redis-session-store';
import type { SessionKeyring } from '../session/session-keyring';
import type { SessionStoreSettings } from '../session/session-store';
import type { CompiledApplication } from './compiled-config';

export interface SharedRuntime {
  config: TAgentConfig;
  keyring: SessionKeyring;
  assertionKeys: AssertionKeys;
  trustedProxies: IpRanges | null;
  idpDirectory: IdpDirectory;
  samlReplayCache: SamlReplayCache;
  logger: Logger;
  metrics: TrafficCounters;
  redis: Redis | undefined;
  redisSessionCacheMilliseconds: number;
}

export type CompiledApplicationRuntime = CompiledApplication & { runtime: AppRuntime };

/** Everything the pipeline needs for one application, compiled when a configuration is applied. */
export function compileApplication(
  app: TApplicationConfig,
  index: number,
  shared: SharedRuntime,
): CompiledApplicationRuntime {
  const url = new URL(app.applicationUrl);
  const { origin } = url;
  const secure = url.protocol === 'https:';
  const deploymentId = shared.config.deployment.id;
  const prefix = app.reservedPathPrefix;
  const cookieBase = `${AGENT_COOKIE_PREFIX}${createHash('sha256')
    .update(`${deploymentId}:${app.id}`)
    .digest('base64url')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 10)}`;
  const storeSettings: SessionStoreSettings = {
    deploymentId,
    applicationId: app.id,
    cookieBase,
    secure,
    times: app.session,
  };
  const idpsById = new Map(shared.config.identityProviders.map((idp) => [idp.id, idp]));
  const idps = new Map<string, BoundIdp>();
  for (const idpId of app.idpIds) {
    const idp = idpsById.get(idpId);
    if (!idp)
      throw new Error(
        `applications[${index}].idpIds: identity provider "${idpId}" is not in this configuration`,
      );
    idps.set(
      idpId,
      idp.protocol === 'SAML'
        ? createSamlIdp(idp, describeServiceProvider(origin, prefix))
        : shared.idpDirectory.clientFor(idp),
    );
  }

  const runtime: AppRuntime = {
    config: app,
    deploymentId,
    origin,
    host: url.host,
    secure,
    prefix,
    redirectUri: `${origin}${prefix}/callback`,
    cookieBase,
    strip: compileStripList(app),
    matchRule: compileRules(app),
    mapRole: compileRoleMapping(app.roleMapping, `applications[${index}].roleMapping`),
    passAttributes: compileAttributePass(app.attributePass),
    trustedProxies: shared.trustedProxies,
    keyring: shared.keyring,
    sessions: shared.redis
      ? createRedisSessionStore(storeSettings, shared.keyring, shared.redis, {
          cacheMilliseconds: shared.redisSessionCacheMilliseconds,
        })
      : createCookieSessionStore(storeSettings, shared.keyring),
    idps,
    samlReplayCache: shared.samlReplayCache,
    upstreams: createUpstreamBalancer(app.upstreamServers),
    assertionKeys: shared.assertionKeys,
    assertion: {
      issuer: `${origin}${prefix}`,
      audience: app.applicationUrl,
      ttlSeconds: app.assertion.ttlSeconds,
    },
    derived: new WeakMap(),
    logger: shared.logger.child({ application: app.id }),
    metrics: shared.metrics,
    upstreamLatency: shared.metrics.upstreamLatency.forApplication(app.id),
    refreshes: new Map(),
  };

  return {
    config: app,
    host: url.host.toLowerCase(),
    runtime,
    handleRequest(req, res) {
      runPipeline(PIPELINE, createContext(runtime, req, { kind: 'response', res }));
    },
    handleUpgrade(req, socket, head) {
      runPipeline(PIPELINE, createContext(runtime, req, { kind: 'upgrade', socket, head }));
    },
  };
}
