import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { registerLatencyHistogram } from './latency-histogram';
import { createTrafficMetrics, UPSTREAM_LATENCY_BUCKETS } from './traffic-metrics';

const NAME = 'test_latency_seconds';
const HELP = 'Latency';
// Below the first bound, on a bound, between bounds, above the last one.
const OBSERVATIONS: Array<[string, number]> = [
  ['app_a', 0],
  ['app_a', 0.001],
  ['app_a', 0.003],
  ['app_a', 0.1],
  ['app_a', 70],
  ['app_b', 0.02],
];

describe('registerLatencyHistogram', () => {
  it("renders exactly what prom-client's Histogram renders for the same observations", async () => {
    const traffic = createTrafficMetrics();
    const ours = new Registry();
    const histogram = registerLatencyHistogram({
      name: NAME,
      help: HELP,
      buckets: UPSTREAM_LATENCY_BUCKETS,
      registry: ours,
      collect: () => {
        for (const series of traffic.drain().upstreamLatency) {
          histogram.add(series.application, series.counts, series.sum);
        }
      },
    });
    const reference = new Registry();
    const theirs = new Histogram({
      name: NAME,
      help: HELP,
      labelNames: ['application'],
      buckets: [...UPSTREAM_LATENCY_BUCKETS],
      registers: [reference],
    });
    for (const [application, seconds] of OBSERVATIONS) {
      traffic.upstreamLatency.forApplication(application).observe(seconds);
      theirs.observe({ application }, seconds);
    }
    expect(await ours.metrics()).toBe(await reference.metrics());
    // Rendering again adds nothing: what was drained stays counted, once.
    expect(await ours.metrics()).toBe(await reference.metrics());
  });

  it('adds what several processes counted, as one series per application', async () => {
    const registry = new Registry();
    const histogram = registerLatencyHistogram({
      name: NAME,
      help: HELP,
      buckets: [0.005, 1],
      registry,
      collect: () => undefined,
    });
    histogram.add('app_a', [1, 0, 0], 0.002);
    histogram.add('app_a', [0, 1, 0], 0.5);
    const text = await registry.metrics();
    expect(text).toContain(`${NAME}_count{application="app_a"} 2`);
    expect(text).toContain(`${NAME}_bucket{le="0.005",application="app_a"} 1`);
    expect(text).toContain(`${NAME}_bucket{le="1",application="app_a"} 2`);
    expect(text).toContain(`${NAME}_sum{application="app_a"} 0.502`);
  });
});
