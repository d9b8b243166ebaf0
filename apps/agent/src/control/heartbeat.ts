import type { THeartbeat } from '@gatehouse/contract';
import type { Logger } from '../observability/logger';
import type { AgentIdentity } from './agent-identity';
import type { AgentStatus } from './agent-status';
import { describeError } from './console-errors';

export interface HeartbeatLoop {
  /** Send now (after an apply or a refusal) instead of at the next tick. */
  sendSoon(): void;
  stop(): void;
}

export function buildHeartbeat(
  identity: AgentIdentity,
  status: AgentStatus,
  now: Date = new Date(),
): THeartbeat {
  return {
    instanceId: identity.instanceId,
    hostname: identity.hostname,
    agentVersion: identity.agentVersion,
    configVersion: status.appliedVersion,
    startedAt: identity.startedAt.toISOString(),
    uptimeSeconds: Math.max(0, (now.getTime() - identity.startedAt.getTime()) / 1000),
    health: status.health,
    lastError: status.lastError,
  };
}

/** Sends a heartbeat at once, then every `intervalMs`; never two at the same time. */
export function startHeartbeatLoop(options: {
  intervalMs: number;
  send(signal: AbortSignal): Promise<void>;
  onFailed(error: unknown): void;
  log: Logger;
}): HeartbeatLoop {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let sending = false;
  let sendAgain = false;

  async function beat(): Promise<void> {
    if (controller.signal.aborted) return;
    if (sending) {
      sendAgain = true;
      return;
    }
    clearTimeout(timer);
    sending = true;
    try {
      await options.send(controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return;
      options.log.warn({ error: describeError(error) }, 'heartbeat failed');
      options.onFailed(error);
    } finally {
      sending = false;
    }
    if (controller.signal.aborted) return;
    if (sendAgain) {
      sendAgain = false;
      return beat();
    }
    timer = setTimeout(() => void beat(), options.intervalMs);
  }

  void beat();
  return {
    sendSoon: () => void beat(),
    stop() {
      controller.abort();
      clearTimeout(timer);
    },
  };
}
