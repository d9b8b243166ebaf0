import { Counter, Gauge, Registry } from 'prom-client';
import { createLatencyHistogram } from './latency-histogram';

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
    requests: createRequestCounter(registry),
    upstreamLatency: createLatencyHistogram({
      name: 'gatehouse_agent_upstream_latency_seconds',
      help: 'Time from sending a request upstream to receiving its response headers',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registry,
    }),
  };
}

export type AgentMetrics = ReturnType<typeof createAgentMetrics>;

export interface RequestCounter {
  /** One answered request; `status` is the HTTP status, or 'aborted'. */
  inc(application: string, status: number | 'aborted'): void;
}

/**
 * Requests by application and status. Counted in plain numbers per request and handed to
 * prom-client when scraped: its labelled inc() validates and hashes the labels on every call,
 * which the hot path can do without.
 */
function createRequestCounter(registry: Registry): RequestCounter {
  const counts = new Map<string, Map<number | 'aborted', number>>();
  new Counter({
    name: 'gatehouse_agent_requests_total',
    help: 'Requests answered, by application and HTTP status',
    labelNames: ['application', 'status'] as const,
    registers: [registry],
    collect() {
      for (const [application, byStatus] of counts) {
        for (const [status, count] of byStatus) {
          this.inc({ application, status: String(status) }, count);
        }
      }
      counts.clear();
    },
  });
  return {
    inc(application, status) {
      let byStatus = counts.get(application);
      if (byStatus === undefined) {
        byStatus = new Map();
        counts.set(application, byStatus);
      }
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    },
  };
}

/** Kept by the process that syncs (the primary when there are workers). */
export const CONTROL_METRIC_NAMES = [
  'gatehouse_agent_config_version',
  'gatehouse_agent_sync_errors_total',
  'gatehouse_agent_heartbeat_failures_total',
] as const;
/** Counted where requests are served (each worker), summed over workers on the admin port. */
export const TRAFFIC_METRIC_NAMES = [
  'gatehouse_agent_requests_total',
  'gatehouse_agent_upstream_latency_seconds',
] as const;
