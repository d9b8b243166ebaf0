import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every metric the agent exports, in one registry served on the admin port. One instance per
 * agent process; tests create their own with `createAgentMetrics()`.
 */
export function createAgentMetrics() {
  const registry = new Registry();
  return {
    registry,
    configVersion: new Gauge({
      name: 'gatehouse_agent_config_version',
      help: 'Version of the configuration the agent serves (0 before the first one)',
      registers: [registry],
    }),
    syncErrors: new Counter({
      name: 'gatehouse_agent_sync_errors_total',
      help: 'Failed configuration pulls or refused configuration documents',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    heartbeatFailures: new Counter({
      name: 'gatehouse_agent_heartbeat_failures_total',
      help: 'Heartbeats the console did not acknowledge',
      registers: [registry],
    }),
    requests: new Counter({
      name: 'gatehouse_agent_requests_total',
      help: 'Requests answered, by application and HTTP status',
      labelNames: ['application', 'status'] as const,
      registers: [registry],
    }),
    upstreamLatency: new Histogram({
      name: 'gatehouse_agent_upstream_latency_seconds',
      help: 'Time from sending a request upstream to receiving its response headers',
      labelNames: ['application'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

export type AgentMetrics = ReturnType<typeof createAgentMetrics>;
