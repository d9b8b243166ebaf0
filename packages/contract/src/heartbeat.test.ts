import { describe, expect, it } from 'vitest';
import { ZHeartbeat } from './heartbeat';
import { validateWith } from './validate';

const heartbeat = {
  instanceId: 'a1b2',
  hostname: 'agent-0',
  agentVersion: '0.1.0',
  configVersion: null,
  startedAt: '2026-11-29T01:00:00.000Z',
  uptimeSeconds: 12.5,
  health: 'DEGRADED',
  lastError: {
    message: 'configuration version 7 refused',
    at: '2026-11-29T01:00:10Z',
    problems: [{ path: 'applications[0].rules[1].path', message: 'path must start with "/"' }],
  },
};

describe('heartbeat', () => {
  it('accepts an agent that has not applied a configuration yet and reports why', () => {
    expect(validateWith(ZHeartbeat, heartbeat).ok).toBe(true);
  });

  it('reports every bad field', () => {
    const result = validateWith(ZHeartbeat, {
      ...heartbeat,
      instanceId: '',
      configVersion: 1.5,
      startedAt: 'yesterday',
      health: 'FINE',
    });
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
      'instanceId',
      'configVersion',
      'startedAt',
      'health',
    ]);
  });
});
