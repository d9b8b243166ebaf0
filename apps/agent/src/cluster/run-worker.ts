import cluster from 'node:cluster';
import { validateAgentConfig } from '@gatehouse/contract';
import { describeError } from '../control/console-errors';
import { ConfigSwitchError, createConfigSwitch } from '../control/switch-config';
import type { AgentEnv } from '../env';
import { createListenerSet } from '../listeners/listener-set';
import { createLogger } from '../observability/logger';
import { createTrafficMetrics } from '../observability/traffic-metrics';
import { createCompileConfig } from '../runtime/compile-config';
import { isPrimaryMessage, type PrimaryMessage, type WorkerMessage } from './messages';

/**
 * A worker process: application listeners and the request pipeline, nothing else. It applies the
 * configurations the primary sends, in order, and answers each; the primary decides when it
 * stops. It counts its requests in plain numbers and hands them over when the primary asks (the
 * primary serves /metrics), so it never loads prom-client.
 */
export async function runWorker(env: AgentEnv): Promise<void> {
  const log = createLogger(env.logLevel, { worker: cluster.worker?.id });
  const metrics = createTrafficMetrics();
  // ioredis (about 10 MB per process) only where sessions live in Redis.
  const redis =
    env.redisUrl === undefined
      ? undefined
      : (await import('../session/connect-redis')).connectRedis(env.redisUrl, log);
  const listeners = createListenerSet({ host: env.listenHost, log, metrics });
  const configSwitch = createConfigSwitch({
    compile: createCompileConfig({ logger: log, metrics, redis }),
    listeners,
    log,
  });
  const tell = (message: WorkerMessage) => process.send?.(message);

  async function handle(
    message: Exclude<PrimaryMessage, { type: 'gatehouse:drain-metrics' }>,
  ): Promise<void> {
    if (message.type === 'gatehouse:revoke') return listeners.revoke();
    if (message.type === 'gatehouse:close') {
      await listeners.close();
      await configSwitch.close();
      await redis?.quit().catch(() => undefined);
      process.exit(0);
    }
    // The primary validated it; checking again costs little and keeps this side honest.
    const validation = validateAgentConfig(message.document);
    if (!validation.ok) {
      const problems = validation.problems.map((problem) => `${problem.path}: ${problem.message}`);
      tell({
        type: 'gatehouse:refused',
        seq: message.seq,
        reason: 'compile_failed',
        message: problems.join('; '),
      });
      return;
    }
    try {
      await configSwitch.switchTo(validation.value);
      tell({ type: 'gatehouse:applied', seq: message.seq });
    } catch (error) {
      const reason = error instanceof ConfigSwitchError ? error.reason : 'listen_failed';
      tell({ type: 'gatehouse:refused', seq: message.seq, reason, message: describeError(error) });
    }
  }

  let queue = Promise.resolve();
  process.on('message', (message: unknown) => {
    if (!isPrimaryMessage(message)) return;
    // Answered at once, not behind a configuration still being applied.
    if (message.type === 'gatehouse:drain-metrics') {
      tell({ type: 'gatehouse:metrics', id: message.id, counts: metrics.drain() });
      return;
    }
    queue = queue
      .then(() => handle(message))
      .catch((error: unknown) => {
        log.error({ err: error }, 'a worker failed to handle a message from the primary');
      });
  });
  // Ctrl-C in a terminal signals the whole process group; the primary drains the workers in
  // order instead (and if it dies, Node ends its workers).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => undefined);
  tell({ type: 'gatehouse:ready' });
}
