import type { CompiledConfig } from '../runtime/compiled-config';
import { createHostRouter, type HostRouter } from './route-by-host';

interface Closable {
  once(event: 'close', listener: () => void): unknown;
}

/**
 * One applied configuration as the listeners see it: its routes per listen port and a count of
 * the requests (and upgraded connections) that started under it. Swapping configurations is one
 * assignment of a new Generation; the old one is disposed only once `retire()` settles, i.e. when
 * everything that started under it has closed, so in-flight requests finish under the
 * configuration (and upstream pools) they began with.
 */
export interface Generation {
  readonly compiled: CompiledConfig;
  readonly routesByPort: ReadonlyMap<number, HostRouter>;
  /** Counts `what` as in flight until it emits 'close'. */
  track(what: Closable): void;
  /** Counts one more in flight until `finish()`, for callers already listening for 'close'. */
  start(): void;
  finish(): void;
  /** Resolves once nothing tracked is in flight any more. */
  retire(): Promise<void>;
}

export function createGeneration(compiled: CompiledConfig): Generation {
  const routesByPort = new Map<number, HostRouter>();
  for (const port of new Set(compiled.applications.map((app) => app.config.listenPort))) {
    const applications = compiled.applications.filter((app) => app.config.listenPort === port);
    routesByPort.set(port, createHostRouter(applications));
  }

  let inFlight = 0;
  let retired = false;
  let resolveDrained = () => {};
  const drained = new Promise<void>((resolve) => (resolveDrained = resolve));
  const settle = () => {
    if (retired && inFlight === 0) resolveDrained();
  };
  const start = () => {
    inFlight += 1;
  };
  const finish = () => {
    inFlight -= 1;
    settle();
  };

  return {
    compiled,
    routesByPort,
    track(what) {
      start();
      what.once('close', finish);
    },
    start,
    finish,
    retire() {
      retired = true;
      settle();
      return drained;
    },
  };
}
