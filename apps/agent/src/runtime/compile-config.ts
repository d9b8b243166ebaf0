import type { Redis } from 'ioredis';
import type { TrafficCounters } from '../observability/traffic-metrics';
import type { Logger } from '../observability/logger';
import { createIdpDirectory } from '../oidc/idp-client';
import { importAssertionKeys } from '../pipeline/attributes/assertion-signer';
import { compileIpRanges } from '../pipeline/ip-ranges';
import { createMemoryReplayCache, createRedisReplayCache } from '../saml/replay-cache';
import { createSessionKeyring } from '../session/session-keyring';
import { compileApplication, type CompiledApplicationRuntime } from './compile-application';
import type { CompileConfig } from './compiled-config';

export interface CompileConfigDependencies {
  logger: Logger;
  metrics: TrafficCounters;
  /** Set when REDIS_URL is: sessions then live in Redis and can be revoked. */
  redis?: Redis;
  /**
   * How long a replica trusts a Redis session before reading it again, i.e. how late a
   * revocation may take effect (default 5 s; 0 reads Redis on every request).
   */
  redisSessionCacheMilliseconds?: number;
}

const DEFAULT_REDIS_SESSION_CACHE_MS = 5_000;

/**
 * The pipeline side of the seam: compiles a validated document into per-application handlers.
 * Discovered IdP configurations outlive each compiled version (see createIdpDirectory).
 */
export function createCompileConfig(dependencies: CompileConfigDependencies): CompileConfig {
  const idpDirectory = createIdpDirectory(dependencies.logger);
  const samlReplayCache = dependencies.redis
    ? createRedisReplayCache(dependencies.redis)
    : createMemoryReplayCache();
  return async (config) => {
    const assertionKeys = await importAssertionKeys(config.assertionKeys);
    const shared = {
      config,
      keyring: createSessionKeyring(config.sessionKeys),
      assertionKeys,
      trustedProxies:
        config.trustedProxies.length > 0 ? compileIpRanges(config.trustedProxies) : null,
      idpDirectory,
      samlReplayCache,
      logger: dependencies.logger,
      metrics: dependencies.metrics,
      redis: dependencies.redis,
      redisSessionCacheMilliseconds:
        dependencies.redisSessionCacheMilliseconds ?? DEFAULT_REDIS_SESSION_CACHE_MS,
    };
    const applications: CompiledApplicationRuntime[] = [];
    try {
      config.applications.forEach((app, index) =>
        applications.push(compileApplication(app, index, shared)),
      );
    } catch (error) {
      await Promise.all(applications.map((app) => app.runtime.upstreams.close()));
      throw error;
    }
    idpDirectory.retainOnly(config.identityProviders);
    return {
      source: config,
      applications,
      async dispose() {
        // Undici's close() lets requests in flight finish, then releases the connections.
        await Promise.all(applications.map((app) => app.runtime.upstreams.close()));
      },
    };
  };
}
