import { AggregatorRegistry, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createLatencyHistogram } from './latency-histogram';

const BUCKETS = [0.001, 0.005, 0.01, 0.1, 1];
const NAME = 'test_latency_seconds';
const HELP = 'Latency';
// Below the first bound, on a bound, between bounds, above the last one.
const OBSERVATIONS: Array<[string, number]> = [
  ['app_a', 0],
  ['app_a', 0.001],
  ['app_a', 0.003],
  ['app_a', 0.1],
  ['app_a', 7],
  ['app_b', 0.02],
];

describe('createLatencyHistogram', () => {
  it("renders exactly what prom-client's Histogram renders for the same observations", async () => {
    const ours = new Registry();
    const histogram = createLatencyHistogram({
      name: NAME,
      help: HELP,
      buckets: BUCKETS,
      registry: ours,
    });
    const reference = new Registry();
    const theirs = new Histogram({
      name: NAME,
      help: HELP,
      labelNames: ['application'],
      buckets: BUCKETS,
      registers: [reference],
    });
    for (const [application, seconds] of OBSERVATIONS) {
      histogram.forApplication(application).observe(seconds);
      theirs.observe({ application }, seconds);
    }
    expect(await ours.metrics()).toBe(await reference.metrics());
    // What the cluster aggregation reads; prom-client adds empty exemplars we do not keep.
    const withoutExemplars = (await reference.getMetricsAsJSON()).map((metric) => ({
      ...metric,
      values: (metric.values as Array<Record<string, unknown>>).map(
        ({ exemplar: _exemplar, ...value }) => value,
      ),
    }));
    expect(await ours.getMetricsAsJSON()).toEqual(withoutExemplars);
  });

  it('sums the series of several workers like any prom-client histogram', async () => {
    const workers = [new Registry(), new Registry()];
    workers.forEach((registry, index) => {
      const histogram = createLatencyHistogram({
        name: NAME,
        help: HELP,
        buckets: BUCKETS,
        registry,
      });
      histogram.forApplication('app_a').observe(index === 0 ? 0.002 : 0.5);
    });
    const merged = AggregatorRegistry.aggregate(
      await Promise.all(workers.map((registry) => registry.getMetricsAsJSON())),
    );
    const text = await merged.metrics();
    expect(text).toContain(`${NAME}_count{application="app_a"} 2`);
    expect(text).toContain(`${NAME}_bucket{le="0.005",application="app_a"} 1`);
    expect(text).toContain(`${NAME}_bucket{le="1",application="app_a"} 2`);
  });
});
