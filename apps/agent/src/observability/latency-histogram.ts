import type { Metric, Registry } from 'prom-client';
import { emptyLatencySeries, type LatencySeries } from './traffic-metrics';

/** The /metrics side of the histogram that serving processes count (see traffic-metrics.ts). */
export interface LatencyHistogramMetric {
  /** Adds observations per bucket (not cumulative; the last one is +Inf) and their sum. */
  add(application: string, counts: readonly number[], sum: number): void;
}

interface Sample {
  metricName: string;
  labels: Record<string, string | number>;
  value: number;
}

/**
 * A Prometheus histogram labelled by application, registered in prom-client, which renders
 * exactly what prom-client's own Histogram renders (same names, `le` labels, order). Its
 * observations arrive already counted per bucket (the serving processes count them in plain
 * numbers, since prom-client's Histogram validates and hashes the labels on each observe, and
 * workers do not load prom-client at all); `collect` runs before each render to bring them in.
 */
export function registerLatencyHistogram(options: {
  name: string;
  help: string;
  buckets: readonly number[];
  registry: Registry;
  collect(): void;
}): LatencyHistogramMetric {
  const { name, help, buckets } = options;
  const series = new Map<string, LatencySeries>();

  const metric = {
    name,
    help,
    type: 'histogram',
    aggregator: 'sum',
    // The shape prom-client's own metrics return (its typings say otherwise: `type` is a string).
    get() {
      options.collect();
      const values: Sample[] = [];
      for (const [application, { counts, sum }] of series) {
        let cumulative = 0;
        buckets.forEach((bound, index) => {
          cumulative += counts[index] ?? 0;
          values.push({
            metricName: `${name}_bucket`,
            labels: { le: bound, application },
            value: cumulative,
          });
        });
        cumulative += counts[buckets.length] ?? 0;
        values.push({
          metricName: `${name}_bucket`,
          labels: { le: '+Inf', application },
          value: cumulative,
        });
        values.push({ metricName: `${name}_sum`, labels: { application }, value: sum });
        values.push({ metricName: `${name}_count`, labels: { application }, value: cumulative });
      }
      return Promise.resolve({ name, help, type: 'histogram', aggregator: 'sum' as const, values });
    },
    reset(): void {
      series.clear();
    },
  };
  // prom-client renders any registered object with this shape; it has no public base class.
  options.registry.registerMetric(metric as unknown as Metric);

  return {
    add(application, counts, sum) {
      let found = series.get(application);
      if (found === undefined) {
        found = emptyLatencySeries(buckets.length);
        series.set(application, found);
      }
      for (let index = 0; index <= buckets.length; index += 1) {
        found.counts[index] = (found.counts[index] ?? 0) + (counts[index] ?? 0);
      }
      found.sum += sum;
    },
  };
}
