import { Counter, Gauge, Registry } from 'prom-client';
import { registerLatencyHistogram } from './latency-histogram';
import {
  createTrafficMetrics,
  UPSTREAM_LATENCY_BUCKETS,
  type TrafficCounts,
} from './traffic-metrics';

/**
 * Every metric the agent exports, in one registry served on the admin port, by the process that
 * serves it (the primary when there are workers). Requests served here are counted by its own
 * traffic metrics; a primary adds what each worker counted with `absorb` (see run-agent.ts).
 * Tests create their own with `createAgentMetrics()`.
 */
export function createAgentMetrics() {
  const registry = new Registry();
  const traffic = createTrafficMetrics();
  const collectOwn = () => absorb(traffic.drain());
  const requestsTotal = new Counter({
    name: 'gatehouse_agent_requests_total',
    help: 'Requests answered, by application and HTTP status',
    labelNames: ['application', 'status'] as const,
    registers: [registry],
    collect: collectOwn,
  });
  const latencyHistogram = registerLatencyHistogram({
    name: 'gatehouse_agent_upstream_latency_seconds',
    help: 'Time from sending a request upstream to receiving its response headers',
    buckets: UPSTREAM_LATENCY_BUCKETS,
    registry,
    collect: collectOwn,
  });

  function absorb(counts: TrafficCounts): void {
    for (const { application, status, count } of counts.requests) {
      requestsTotal.inc({ application, status }, count);
    }
    for (const { application, counts: buckets, sum } of counts.upstreamLatency) {
      latencyHistogram.add(application, buckets, sum);
    }
  }

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
    // What requests served in this process count with; drained into the registry on render.
    requests: traffic.requests,
    upstreamLatency: traffic.upstreamLatency,
    /** Adds what another process (a worker) counted. */
    absorb,
  };
}

export type AgentMetrics = ReturnType<typeof createAgentMetrics>;
