import type { SwitchFailure } from '../control/switch-config';

// What the primary and its workers say to each other over the cluster IPC channel. Every type
// carries our prefix: prom-client's metrics aggregation shares the channel.

export type PrimaryMessage =
  | { type: 'gatehouse:apply'; seq: number; document: unknown }
  | { type: 'gatehouse:revoke' }
  | { type: 'gatehouse:close' };

export type WorkerMessage =
  | { type: 'gatehouse:ready' }
  | { type: 'gatehouse:applied'; seq: number }
  | { type: 'gatehouse:refused'; seq: number; reason: SwitchFailure; message: string };

const PRIMARY_TYPES = new Set(['gatehouse:apply', 'gatehouse:revoke', 'gatehouse:close']);
const WORKER_TYPES = new Set(['gatehouse:ready', 'gatehouse:applied', 'gatehouse:refused']);

export function isPrimaryMessage(message: unknown): message is PrimaryMessage {
  return hasType(message, PRIMARY_TYPES);
}

export function isWorkerMessage(message: unknown): message is WorkerMessage {
  return hasType(message, WORKER_TYPES);
}

function hasType(message: unknown, types: ReadonlySet<string>): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' && types.has(type);
}
