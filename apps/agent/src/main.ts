// The agent process: environment → logger → metrics → Redis (optional) → pipeline compiler →
// agent (cached state, sync, listeners, admin server, heartbeat) → signals. Everything but the
// wiring is in startAgent(), so tests run whole agents in-process.
import { Redis } from 'ioredis';
import { startAgent, type RunningAgent } from './control/start-agent';
import { loadEnv } from './env';
import { EXIT_STARTUP_FAILED } from './exit-codes';
import { createLogger } from './observability/logger';
import { createAgentMetrics } from './observability/metrics';
import { createCompileConfig } from './runtime/compile-config';

// Orchestrators kill a container some time after SIGTERM (Kubernetes: 30 s by default); leave
// before that so the exit is ours and logged, even if an upload or a WebSocket is still open.
const SHUTDOWN_DEADLINE_MS = 25_000;

const env = loadEnv();
const log = createLogger(env.logLevel);
const metrics = createAgentMetrics();
const redis = env.redisUrl === undefined ? undefined : new Redis(env.redisUrl);
// ioredis reconnects by itself; without a listener each failed attempt would be an unhandled error.
redis?.on('error', (error: Error) => log.warn({ error: error.message }, 'redis connection failed'));

let agent: RunningAgent | undefined;
let shuttingDown = false;

async function shutDown(code: number, reason: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  log.info({ reason, exitCode: code }, 'shutting down: finishing in-flight requests');
  setTimeout(() => {
    log.warn('in-flight requests did not finish in time; exiting anyway');
    process.exit(code);
  }, SHUTDOWN_DEADLINE_MS).unref();
  await agent?.close();
  await redis?.quit().catch(() => undefined);
  log.info({ exitCode: code }, 'stopped');
  process.exit(code);
}

try {
  agent = await startAgent({
    env,
    compile: createCompileConfig({ logger: log, metrics, redis }),
    logger: log,
    metrics,
    onFatal: (code) => void shutDown(code, 'the console refused the provisioning key'),
  });
} catch (error) {
  log.fatal({ err: error }, 'the agent could not start');
  process.exit(EXIT_STARTUP_FAILED);
}

log.info({ adminUrl: agent.adminUrl, instanceId: agent.instanceId }, 'agent started');
agent.ready.then(
  () => log.info('ready: serving the applied configuration'),
  () => undefined,
);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void shutDown(0, signal));
}
