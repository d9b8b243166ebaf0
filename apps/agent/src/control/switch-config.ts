import type { TAgentConfig } from '@gatehouse/contract';
import type { Generation } from '../listeners/generation';
import type { ListenerSet } from '../listeners/listener-set';
import type { Logger } from '../observability/logger';
import type { CompileConfig, CompiledConfig } from '../runtime/compiled-config';
import { describeError } from './console-errors';

export type SwitchFailure = 'compile_failed' | 'listen_failed';

/** A validated configuration that could not be put into service; nothing changed. */
export class ConfigSwitchError extends Error {
  override name = 'ConfigSwitchError';
  constructor(
    readonly reason: SwitchFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface ConfigSwitch {
  /**
   * compile → open ports and swap → dispose the replaced configuration once its in-flight
   * requests are done. Throws ConfigSwitchError, changing nothing, when a step fails. One at a
   * time.
   */
  switchTo(config: TAgentConfig): Promise<void>;
  /** After the listeners closed: disposes every compiled configuration still held. */
  close(): Promise<void>;
}

/** The part of applying a configuration that puts it in front of traffic (in every worker). */
export function createConfigSwitch(deps: {
  compile: CompileConfig;
  listeners: ListenerSet;
  log: Logger;
}): ConfigSwitch {
  const { compile, listeners, log } = deps;
  let applied: CompiledConfig | null = null;
  const disposals = new Set<Promise<void>>();

  function disposeWhenDrained(previous: Generation): void {
    const disposal = previous
      .retire()
      .then(() => previous.compiled.dispose())
      .catch((error: unknown) => log.error({ err: error }, 'disposing a replaced config failed'));
    disposals.add(disposal);
    void disposal.then(() => disposals.delete(disposal));
  }

  return {
    async switchTo(config) {
      let compiled: CompiledConfig;
      try {
        compiled = await compile(config);
      } catch (error) {
        throw new ConfigSwitchError('compile_failed', describeError(error));
      }
      let previous: Generation | null;
      try {
        previous = await listeners.apply(compiled);
      } catch (error) {
        await compiled.dispose().catch(() => undefined);
        if (error instanceof ConfigSwitchError) throw error;
        throw new ConfigSwitchError('listen_failed', describeError(error));
      }
      applied = compiled;
      if (previous) disposeWhenDrained(previous);
    },
    async close() {
      await Promise.all([...disposals]);
      await applied?.dispose();
      applied = null;
    },
  };
}
