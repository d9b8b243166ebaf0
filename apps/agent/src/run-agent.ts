// One agent: environment → logger → metrics → (workers | Redis and the pipeline) → agent (cached
// state, sync, listeners, admin server, heartbeat) → signals. With several workers this is the
// primary: it syncs and heartbeats once for all of them and serves the admin port, and the
// workers (src/cluster/run-worker.ts) serve the applications.
import type { MetricsSource } from './admin/admin-server';
import { compileInWorkers, startWorkerFleet, type WorkerFleet } from './cluster/worker-fleet';
import { startAgent, type RunningAgent } from './control/start-agent';
import type { AgentEnv } from './env';
import { EXIT_STARTUP_FAILED } from './exit-codes';
import { createLogger } from './observability/logger';
import { createAgentMetrics } from './observability/metrics';
import type { CompileConfig } from './runtime/compiled-config';

// How long a scrape of /metrics waits for the workers' counts; a late answer counts next time.
const WORKER_METRICS_TIMEOUT_MS = 2_000;
// Orchestrators kill a container some time after SIGTERM (Kubernetes: 30 s by default); leave
// before that so the exit is ours and logged, even if an upload or a WebSocket is still open.
const SHUTDOWN_DEADLINE_MS = 25_000;

export async function runAgent(env: AgentEnv, workers: number): Promise<void> {
  const log = createLogger(env.logLevel);
  const metrics = createAgentMetrics();
  let agent: RunningAgent | undefined;
  let fleet: WorkerFleet | undefined;
  let releaseRedis = () => Promise.resolve();
  let shuttingDown = false;

  async function shutDown(code: number, reason: string): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ reason, exitCode: code }, 'shutting down: finishing in-flight requests');
    setTimeout(() => {
      log.warn('in-flight requests did not finish in time; exiting anyway');
      process.exit(code);
    }, SHUTDOWN_DEADLINE_MS).unref();
    await (agent?.close() ?? fleet?.close());
    await releaseRedis();
    log.info({ exitCode: code }, 'stopped');
    process.exit(code);
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void shutDown(0, signal));
  }

  try {
    let compile: CompileConfig;
    let metricsSource: MetricsSource = metrics.registry;
    if (workers > 1) {
      const workerFleet = startWorkerFleet({
        count: workers,
        log,
        absorbTraffic: metrics.absorb,
      });
      fleet = workerFleet;
      metricsSource = {
        contentType: metrics.registry.contentType,
        metrics: async () => {
          await workerFleet.collectTraffic(WORKER_METRICS_TIMEOUT_MS);
          return metrics.registry.metrics();
        },
      };
      compile = compileInWorkers;
      await fleet.ready;
    } else {
      // Loaded only here: a primary with workers never needs the pipeline or a Redis client.
      const [{ connectRedis }, { createCompileConfig }] = await Promise.all([
        import('./session/connect-redis'),
        import('./runtime/compile-config'),
      ]);
      const redis = env.redisUrl === undefined ? undefined : connectRedis(env.redisUrl, log);
      releaseRedis = async () => void (await redis?.quit().catch(() => undefined));
      compile = createCompileConfig({ logger: log, metrics, redis });
    }
    agent = await startAgent({
      env,
      compile,
      listenHost: env.listenHost,
      logger: log,
      metrics,
      metricsSource,
      listeners: fleet,
      onFatal: (code) => void shutDown(code, 'the console refused the provisioning key'),
    });
  } catch (error) {
    log.fatal({ err: error }, 'the agent could not start');
    await fleet?.close();
    process.exit(EXIT_STARTUP_FAILED);
  }

  log.info({ adminUrl: agent.adminUrl, instanceId: agent.instanceId, workers }, 'agent started');
  agent.ready.then(
    () => log.info('ready: serving the applied configuration'),
    () => undefined,
  );
}
