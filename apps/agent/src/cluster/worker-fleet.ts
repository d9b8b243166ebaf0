import cluster, { type Worker } from 'node:cluster';
import type { TAgentConfig } from '@gatehouse/contract';
import { ConfigSwitchError, type SwitchFailure } from '../control/switch-config';
import type { Generation } from '../listeners/generation';
import type { ListenerSet } from '../listeners/listener-set';
import type { Logger } from '../observability/logger';
import type { TrafficCounts } from '../observability/traffic-metrics';
import type { CompileConfig, CompiledConfig } from '../runtime/compiled-config';
import { isWorkerMessage, type PrimaryMessage, type WorkerMessage } from './messages';

/** The primary's stand-in for the listeners: it forwards each configuration to every worker. */
export interface WorkerFleet extends ListenerSet {
  /** Resolves once the first workers are ready; rejects if one of them exits before. */
  readonly ready: Promise<void>;
  /**
   * Asks every worker for what it counted and resolves once all answered, or after
   * `timeoutMs`; answers go to `absorbTraffic`, also those that arrive late.
   */
  collectTraffic(timeoutMs: number): Promise<void>;
}

interface Member {
  worker: Worker;
  ready: boolean;
  appliedSeq: number;
}

interface PendingApply {
  seq: number;
  waitingFor: Set<number>;
  failure: { reason: SwitchFailure; message: string } | null;
  settle(): void;
}

const FIRST_RESPAWN_DELAY_MS = 1_000;
const MAX_RESPAWN_DELAY_MS = 30_000;
/** A worker that lived this long resets the crash backoff. */
const STABLE_AFTER_MS = 60_000;

/**
 * `count` workers (node:cluster, one per core by default) each run the listeners and the
 * pipeline; the primary keeps the control side (sync, heartbeat, admin port) and hands every
 * configuration to every worker. A configuration is applied when every worker applied it, and
 * refused when one refused it. A worker that dies is replaced and given the current
 * configuration, after a delay that grows while workers keep dying.
 */
export function startWorkerFleet(options: {
  count: number;
  log: Logger;
  /** What a worker counted (requests, upstream latency) since it last said. */
  absorbTraffic(counts: TrafficCounts): void;
}): WorkerFleet {
  const { log } = options;
  /** Metrics requests by id: the workers yet to answer, and what to call once none is left. */
  const collecting = new Map<number, { waiting: Set<number>; done(): void }>();
  let collectId = 0;
  const answered = (id: number, workerId: number) => {
    const request = collecting.get(id);
    if (request?.waiting.delete(workerId) && request.waiting.size === 0) request.done();
  };
  const members = new Map<number, Member>();
  const pending = new Set<PendingApply>();
  let current: { seq: number; document: TAgentConfig; compiled: CompiledConfig } | null = null;
  let seq = 0;
  let revoked = false;
  let closed = false;
  let respawnDelay = FIRST_RESPAWN_DELAY_MS;
  let startingUp = options.count;
  let resolveReady: () => void = () => undefined;
  let rejectReady: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => undefined);

  function send(member: Member, message: PrimaryMessage): void {
    try {
      member.worker.send(message);
    } catch (error) {
      // The worker is going away; its exit handler takes it from here.
      log.debug({ err: error, worker: member.worker.id }, 'could not message a worker');
    }
  }

  function fork(): void {
    const worker = cluster.fork();
    const member: Member = { worker, ready: false, appliedSeq: 0 };
    const startedAt = Date.now();
    members.set(worker.id, member);
    worker.on('message', (message: unknown) => {
      if (isWorkerMessage(message)) handleMessage(member, message);
    });
    worker.on('error', (error) => log.warn({ err: error, worker: worker.id }, 'worker IPC error'));
    worker.once('exit', (code, signal) => {
      members.delete(worker.id);
      for (const apply of pending) {
        if (apply.waitingFor.delete(worker.id)) apply.settle();
      }
      for (const id of collecting.keys()) answered(id, worker.id);
      if (closed) return;
      if (!member.ready && startingUp > 0) {
        rejectReady(
          new Error(`worker ${worker.id} exited (code ${code}, ${signal}) while starting`),
        );
        return;
      }
      if (Date.now() - startedAt > STABLE_AFTER_MS) respawnDelay = FIRST_RESPAWN_DELAY_MS;
      log.error(
        { worker: worker.id, pid: worker.process.pid, code, signal, restartInMs: respawnDelay },
        'a worker exited unexpectedly; starting another',
      );
      setTimeout(() => closed || fork(), respawnDelay);
      respawnDelay = Math.min(MAX_RESPAWN_DELAY_MS, respawnDelay * 2);
    });
  }

  function handleMessage(member: Member, message: WorkerMessage): void {
    const id = member.worker.id;
    if (message.type === 'gatehouse:metrics') {
      options.absorbTraffic(message.counts);
      answered(message.id, id);
      return;
    }
    if (message.type === 'gatehouse:ready') {
      member.ready = true;
      if (revoked) send(member, { type: 'gatehouse:revoke' });
      if (current)
        send(member, { type: 'gatehouse:apply', seq: current.seq, document: current.document });
      if (startingUp > 0 && (startingUp -= 1) === 0) resolveReady();
      return;
    }
    if (message.type === 'gatehouse:applied')
      member.appliedSeq = Math.max(member.appliedSeq, message.seq);
    for (const apply of pending) {
      if (apply.seq !== message.seq || !apply.waitingFor.delete(id)) continue;
      if (message.type === 'gatehouse:refused') {
        apply.failure ??= { reason: message.reason, message: message.message };
      }
      apply.settle();
    }
  }

  const readyMembers = () => [...members.values()].filter((member) => member.ready);

  function broadcast(message: PrimaryMessage): void {
    for (const member of readyMembers()) send(member, message);
  }

  for (let index = 0; index < options.count; index += 1) fork();

  return {
    ready,
    async collectTraffic(timeoutMs) {
      const id = (collectId += 1);
      const waiting = new Set(readyMembers().map((member) => member.worker.id));
      if (waiting.size === 0) return;
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        collecting.set(id, { waiting, done: resolve });
        timer = setTimeout(resolve, timeoutMs);
        broadcast({ type: 'gatehouse:drain-metrics', id });
      });
      clearTimeout(timer);
      collecting.delete(id);
    },
    async apply(compiled) {
      if (closed) throw new Error('the listeners are closed');
      seq += 1;
      const applying = { seq, document: compiled.source, compiled };
      const targets = readyMembers();
      const failure = await new Promise<PendingApply['failure']>((resolve) => {
        const apply: PendingApply = {
          seq: applying.seq,
          waitingFor: new Set(targets.map((member) => member.worker.id)),
          failure: null,
          settle() {
            if (apply.waitingFor.size > 0) return;
            pending.delete(apply);
            resolve(apply.failure);
          },
        };
        pending.add(apply);
        for (const member of targets) {
          send(member, { type: 'gatehouse:apply', seq: applying.seq, document: applying.document });
        }
        apply.settle();
      });
      if (failure) {
        // Workers that did apply it go back to what the others still serve.
        const previous = current;
        if (previous) {
          for (const member of readyMembers()) {
            if (member.appliedSeq >= applying.seq) {
              send(member, {
                type: 'gatehouse:apply',
                seq: previous.seq,
                document: previous.document,
              });
            }
          }
        }
        throw new ConfigSwitchError(failure.reason, failure.message);
      }
      const previous = current;
      current = applying;
      return previous ? retired(previous.compiled) : null;
    },
    revoke() {
      revoked = true;
      broadcast({ type: 'gatehouse:revoke' });
    },
    isServing() {
      if (closed || revoked || current === null) return false;
      const version = current.seq;
      return readyMembers().some((member) => member.appliedSeq >= version);
    },
    listeningPorts() {
      return [...new Set(current?.document.applications.map((app) => app.listenPort) ?? [])];
    },
    async close() {
      closed = true;
      const exits = [...members.values()].map(
        (member) => new Promise<void>((resolve) => member.worker.once('exit', () => resolve())),
      );
      // Workers finish their in-flight requests, then exit; one still starting has none.
      for (const member of members.values()) {
        if (member.ready) send(member, { type: 'gatehouse:close' });
        else member.worker.process.kill('SIGKILL');
      }
      await Promise.all(exits);
    },
  };
}

/** The primary compiles nothing itself: the generation it replaces has nothing in flight. */
function retired(compiled: CompiledConfig): Generation {
  return {
    compiled,
    routesByPort: new Map(),
    track: () => undefined,
    start: () => undefined,
    finish: () => undefined,
    retire: () => Promise.resolve(),
  };
}

/**
 * The primary's CompileConfig: workers compile (and report failures as compile_failed), so the
 * primary never loads the pipeline and stays small.
 */
export const compileInWorkers: CompileConfig = (config) =>
  Promise.resolve({ source: config, applications: [], dispose: () => Promise.resolve() });
