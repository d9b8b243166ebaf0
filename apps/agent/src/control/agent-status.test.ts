import { ZHeartbeat } from '@gatehouse/contract';
import { describe, expect, it } from 'vitest';
import { createAgentStatus } from './agent-status';

const at = new Date('2026-11-29T01:00:00.000Z');

describe('agent status', () => {
  it('is degraded until a configuration is applied', () => {
    const status = createAgentStatus(() => at);
    expect(status.health).toBe('DEGRADED');
    status.recordApplied(3);
    expect(status).toMatchObject({ health: 'OK', appliedVersion: 3, lastError: null });
  });

  it('keeps reporting a refused document past good pulls, until a newer one applies', () => {
    const status = createAgentStatus(() => at);
    status.recordApplied(3);
    status.recordRefused('configuration version 4 refused', [{ path: 'version', message: 'bad' }]);
    status.recordSyncFailed('connect ECONNREFUSED');
    status.recordSyncSucceeded();
    expect(status.health).toBe('DEGRADED');
    expect(status.lastError).toEqual({
      message: 'configuration version 4 refused',
      at: at.toISOString(),
      problems: [{ path: 'version', message: 'bad' }],
    });
    status.recordApplied(5);
    expect(status.lastError).toBeNull();
  });

  it('forgets a failed pull at the next good contact', () => {
    const status = createAgentStatus(() => at);
    status.recordApplied(1);
    status.recordSyncFailed('connect ECONNREFUSED 127.0.0.1:3000');
    expect(status.lastError?.message).toBe('connect ECONNREFUSED 127.0.0.1:3000');
    status.recordSyncSucceeded();
    expect(status.health).toBe('OK');
  });

  it('trims what would not fit in a heartbeat', () => {
    const status = createAgentStatus(() => at);
    const problems = Array.from({ length: 300 }, (_, i) => ({ path: `a[${i}]`, message: 'x' }));
    status.recordRefused('m'.repeat(5000), problems);
    const heartbeat = {
      instanceId: 'i',
      hostname: 'h',
      agentVersion: '0.1.0',
      configVersion: null,
      startedAt: at.toISOString(),
      uptimeSeconds: 0,
      health: status.health,
      lastError: status.lastError,
    };
    expect(ZHeartbeat.safeParse(heartbeat).success).toBe(true);
  });
});
