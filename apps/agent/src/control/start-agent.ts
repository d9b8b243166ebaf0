import { HEARTBEAT_INTERVAL_SECONDS } from '@gatehouse/contract';
import { startAdminServer, type MetricsSource } from '../admin/admin-server';
import type { AgentEnv } from '../env';
import { EXIT_PROVISIONING_KEY_REJECTED } from '../exit-codes';
import { createListenerSet, type ListenerSet } from '../listeners/listener-set';
import { createLogger, type Logger } from '../observability/logger';
import { createAgentMetrics, type AgentMetrics } from '../observability/metrics';
import type { CompileConfig } from '../runtime/compiled-config';
import { createConfigCache } from '../state/config-cache';
import { createAgentIdentity } from './agent-identity';
import { createAgentStatus } from './agent-status';
import { createConfigApplier, type ConfigOrigin } from './apply-config';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { createConsoleClient } from './console-client';
import { ProvisioningKeyRejectedError, describeError } from './console-errors';
import { buildHeartbeat, startHeartbeatLoop } from './heartbeat';
import { startSyncLoop } from './sync-loop';

export interface AgentTiming {
  longPollSeconds: number;
  heartbeatIntervalMs: number;
  backoff: BackoffPolicy;
}

export interface StartAgentOptions {
  env: AgentEnv;
  compile: CompileConfig;
  /** The agent must stop for good (its key was rejected): main.ts exits with `code`. */
  onFatal(code: number): void;
  logger?: Logger;
  metrics?: AgentMetrics;
  /** Interface of the application and admin listeners; undefined is every interface. */
  listenHost?: string;
  /** Where applications are served; by default listeners in this process. */
  listeners?: ListenerSet;
  /** What /metrics serves; by default `metrics.registry`. */
  metricsSource?: MetricsSource;
  timing?: Partial<AgentTiming>;
  random?: () => number;
}

export interface RunningAgent {
  adminUrl: string;
  instanceId: string;
  /** Settles once a valid configuration is applied and its ports listen; rejects if it never will. */
  ready: Promise<void>;
  /** Graceful: stops syncing, lets in-flight requests finish, releases everything. */
  close(): Promise<void>;
}

const DEFAULT_TIMING: AgentTiming = {
  longPollSeconds: 25,
  heartbeatIntervalMs: HEARTBEAT_INTERVAL_SECONDS * 1000,
  backoff: DEFAULT_BACKOFF,
};

/** The whole agent in-process: admin server, sync loop, listeners, heartbeat. */
export async function startAgent(options: StartAgentOptions): Promise<RunningAgent> {
  const { env } = options;
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const log = options.logger ?? createLogger(env.logLevel);
  const metrics = options.metrics ?? createAgentMetrics();
  const identity = createAgentIdentity(env.instanceId);
  const status = createAgentStatus();
  const cache = createConfigCache(env);
  const listeners =
    options.listeners ?? createListenerSet({ host: options.listenHost, log, metrics });
  const { compile } = options;
  const applier = createConfigApplier({ compile, listeners, cache, status, metrics, log });
  const readiness = createReadiness();

  const admin = await startAdminServer({
    port: env.adminPort,
    host: options.listenHost,
    isReady: () => listeners.isServing(),
    registry: options.metricsSource ?? metrics.registry,
    log,
  });
  const client = createConsoleClient(env);
  let cacheTried = false;
  let keyRejected = false;
  let fatalTimer: NodeJS.Timeout | undefined;

  async function applyDocument(document: unknown, origin: ConfigOrigin): Promise<void> {
    const outcome = await applier.apply(document, origin);
    if (listeners.isServing()) readiness.resolve();
    if (outcome !== 'unchanged') heartbeat.sendSoon();
  }

  async function serveCachedConfig(): Promise<void> {
    let document: unknown;
    try {
      document = await cache.read();
    } catch (error) {
      log.error(describeError(error));
      status.recordRefused(describeError(error), []);
      return;
    }
    if (document === null) {
      log.warn(
        { path: cache.path },
        'no cached configuration: nothing is served until the console answers',
      );
      return;
    }
    log.warn({ path: cache.path }, 'the console is unreachable: serving the cached configuration');
    await applyDocument(document, 'cache');
  }

  function rejectKey(error: ProvisioningKeyRejectedError): void {
    if (keyRejected) return;
    keyRejected = true;
    log.error(
      `${error.message}. Every application now answers 503 and the agent exits in ` +
        `${env.revokedGraceSeconds} s. Issue a new provisioning key in the console and restart ` +
        'the agent with it.',
    );
    metrics.syncErrors.inc({ reason: 'key_rejected' });
    listeners.revoke();
    heartbeat.stop();
    readiness.reject(error);
    // Its owner withdrew this configuration: a restart must not serve it from disk either.
    // (After the sync loop has stopped, so no apply in progress writes it back.)
    sync
      .stop()
      .then(() => cache.remove())
      .catch((removeError: unknown) =>
        log.error({ err: removeError }, 'removing the cache failed'),
      );
    fatalTimer = setTimeout(
      () => options.onFatal(EXIT_PROVISIONING_KEY_REJECTED),
      env.revokedGraceSeconds * 1000,
    );
  }

  const heartbeat = startHeartbeatLoop({
    intervalMs: timing.heartbeatIntervalMs,
    log,
    async send(signal) {
      await client.sendHeartbeat(buildHeartbeat(identity, status), signal);
    },
    onFailed(error) {
      if (error instanceof ProvisioningKeyRejectedError) rejectKey(error);
      else metrics.heartbeatFailures.inc();
    },
  });

  const sync = startSyncLoop({
    client,
    longPollSeconds: timing.longPollSeconds,
    backoff: timing.backoff,
    random: options.random ?? Math.random,
    log,
    applyDocument: (document) => applyDocument(document, 'console'),
    onPullSucceeded: () => status.recordSyncSucceeded(),
    async onPullFailed(error) {
      status.recordSyncFailed(`configuration pull failed: ${describeError(error)}`);
      metrics.syncErrors.inc({ reason: 'pull_failed' });
      if (cacheTried || status.appliedVersion !== null) return;
      cacheTried = true;
      await serveCachedConfig();
    },
    onKeyRejected: rejectKey,
  });

  let closing: Promise<void> | undefined;
  return {
    adminUrl: admin.url,
    instanceId: identity.instanceId,
    ready: readiness.promise,
    close() {
      closing ??= (async () => {
        clearTimeout(fatalTimer);
        heartbeat.stop();
        await sync.stop();
        readiness.reject(new Error('the agent was closed before a configuration was applied'));
        await listeners.close();
        await applier.close();
        await Promise.all([admin.close(), client.close()]);
      })();
      return closing;
    },
  };
}

function createReadiness() {
  let resolve: () => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<void>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  // Nobody has to await `ready`: a rejection nobody awaits must not crash the process.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
