import { validateAgentConfig, type TAgentConfig, type TConfigProblem } from '@gatehouse/contract';
import type { ListenerSet } from '../listeners/listener-set';
import type { Logger } from '../observability/logger';
import type { AgentMetrics } from '../observability/metrics';
import type { CompileConfig } from '../runtime/compiled-config';
import type { ConfigCache } from '../state/config-cache';
import type { AgentStatus } from './agent-status';
import { describeError } from './console-errors';
import { ConfigSwitchError, createConfigSwitch } from './switch-config';

export type ConfigOrigin = 'console' | 'cache';
export type ApplyOutcome = 'applied' | 'unchanged' | 'refused';

export interface ConfigApplier {
  /**
   * validate → compile → open ports and swap → persist → dispose the replaced configuration once
   * its in-flight requests are done. A document failing any step is refused and the previous
   * configuration keeps serving. Callers apply one document at a time (the sync loop does).
   */
  apply(document: unknown, origin: ConfigOrigin): Promise<ApplyOutcome>;
  /** After the listeners closed: disposes every compiled configuration still held. */
  close(): Promise<void>;
}

export function createConfigApplier(deps: {
  compile: CompileConfig;
  listeners: ListenerSet;
  cache: ConfigCache;
  status: AgentStatus;
  metrics: AgentMetrics;
  log: Logger;
}): ConfigApplier {
  const { cache, status, metrics, log } = deps;
  const configSwitch = createConfigSwitch(deps);
  let current: TAgentConfig | null = null;

  function refuse(reason: string, message: string, problems: TConfigProblem[]): ApplyOutcome {
    log.error({ problems }, `${message}; the agent keeps its previous configuration`);
    status.recordRefused(message, problems);
    metrics.syncErrors.inc({ reason });
    return 'refused';
  }

  async function persist(document: unknown): Promise<void> {
    try {
      await cache.write(document);
    } catch (error) {
      log.warn(
        { err: error, path: cache.path },
        'could not write the cached configuration: the agent keeps serving, but a restart ' +
          'while the console is unreachable would find nothing to serve',
      );
    }
  }

  return {
    async apply(document, origin) {
      const name = `configuration ${describeVersion(document)} from the ${origin}`;
      const validation = validateAgentConfig(document);
      if (!validation.ok) {
        const count = validation.problems.length;
        return refuse(
          'invalid_document',
          `${name} refused: ${count} problem(s)`,
          validation.problems,
        );
      }
      const config = validation.value;
      if (current?.version === config.version && current.deployment.id === config.deployment.id) {
        return 'unchanged';
      }

      try {
        await configSwitch.switchTo(config);
      } catch (error) {
        const reason = error instanceof ConfigSwitchError ? error.reason : 'listen_failed';
        const message = describeError(error);
        const stated =
          reason === 'compile_failed'
            ? `${name} could not be compiled: ${message}`
            : `${name} refused: ${message}`;
        return refuse(reason, stated, [{ path: '', message }]);
      }

      current = config;
      metrics.configVersion.set(config.version);
      status.recordApplied(config.version);
      log.info(
        { version: config.version, origin, applications: config.applications.length },
        'configuration applied',
      );
      // Persisting after the swap: a slow disk never delays a change reaching users.
      if (origin === 'console') await persist(config);
      return 'applied';
    },

    close: () => configSwitch.close(),
  };
}

function describeVersion(document: unknown): string {
  const version = (document as { version?: unknown } | null)?.version;
  return typeof version === 'number' ? `version ${version}` : 'without a version';
}
