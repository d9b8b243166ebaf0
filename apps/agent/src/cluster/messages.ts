import type { SwitchFailure } from '../control/switch-config';
import type { TrafficCounts } from '../observability/traffic-metrics';

// What the primary and its workers say to each other over the cluster IPC channel. Every type
// carries our prefix, so nothing else on the channel is mistaken for ours.

export type PrimaryMessage =
  | { type: 'gatehouse:apply'; seq: number; document: unknown }
  | { type: 'gatehouse:revoke' }
  | { type: 'gatehouse:close' }
  /** Send what you counted since the last time (answered with gatehouse:metrics). */
  | { type: 'gatehouse:drain-metrics'; id: number };

export type WorkerMessage =
  | { type: 'gatehouse:ready' }
  | { type: 'gatehouse:applied'; seq: number }
  | { type: 'gatehouse:refused'; seq: number; reason: SwitchFailure; message: string }
  | { type: 'gatehouse:metrics'; id: number; counts: TrafficCounts };

const PRIMARY_TYPES = new Set([
  'gatehouse:apply',
  'gatehouse:revoke',
  'gatehouse:close',
  'gatehouse:drain-metrics',
]);
const WORKER_TYPES = new Set([
  'gatehouse:ready',
  'gatehouse:applied',
  'gatehouse:refused',
  'gatehouse:metrics',
]);

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
