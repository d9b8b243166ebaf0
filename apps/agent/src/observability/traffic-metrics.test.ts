import { describe, expect, it } from 'vitest';
import { createAgentMetrics } from './metrics';
import { createTrafficMetrics, UPSTREAM_LATENCY_BUCKETS } from './traffic-metrics';

describe('traffic metrics', () => {
  it('hands over what was counted since the last drain, once', () => {
    const traffic = createTrafficMetrics();
    // Compiled applications hold their observer across drains.
    const observer = traffic.upstreamLatency.forApplication('app_a');
    traffic.requests.inc('app_a', 200);
    traffic.requests.inc('app_a', 200);
    traffic.requests.inc('app_a', 'aborted');
    observer.observe(0.003);
    const first = traffic.drain();
    expect(first.requests).toEqual([
      { application: 'app_a', status: '200', count: 2 },
      { application: 'app_a', status: 'aborted', count: 1 },
    ]);
    expect(first.upstreamLatency).toHaveLength(1);
    expect(first.upstreamLatency[0]?.counts).toHaveLength(UPSTREAM_LATENCY_BUCKETS.length + 1);
    expect(first.upstreamLatency[0]?.counts[1]).toBe(1);
    expect(traffic.drain()).toEqual({ requests: [], upstreamLatency: [] });
    observer.observe(20);
    expect(traffic.drain().upstreamLatency).toEqual([
      {
        application: 'app_a',
        counts: [...new Array<number>(UPSTREAM_LATENCY_BUCKETS.length).fill(0), 1],
        sum: 20,
      },
    ]);
  });

  it('adds up on /metrics its own requests and what every worker handed over, once', async () => {
    const metrics = createAgentMetrics();
    const workers = [createTrafficMetrics(), createTrafficMetrics()];
    workers[0]?.requests.inc('app_a', 200);
    workers[1]?.requests.inc('app_a', 200);
    workers[1]?.requests.inc('app_a', 502);
    metrics.requests.inc('app_a', 200);
    for (const worker of workers) metrics.absorb(worker.drain());
    const text = await metrics.registry.metrics();
    expect(text).toContain('gatehouse_agent_requests_total{application="app_a",status="200"} 3');
    expect(text).toContain('gatehouse_agent_requests_total{application="app_a",status="502"} 1');
    // Scraping again counts nothing twice: the workers' counts now live here alone.
    for (const worker of workers) metrics.absorb(worker.drain());
    expect(await metrics.registry.metrics()).toContain(
      'gatehouse_agent_requests_total{application="app_a",status="200"} 3',
    );
  });
});
