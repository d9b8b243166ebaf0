import type { Metric, Registry } from 'prom-client';

export interface LatencyHistogram {
  /** The series of one application; observing is a few array writes. */
  forApplication(application: string): { observe(seconds: number): void };
}

interface Sample {
  metricName: string;
  labels: Record<string, string | number>;
  value: number;
}

interface Series {
  /** Observations per bucket (not cumulative), the last one for +Inf. */
  counts: number[];
  sum: number;
}

/**
 * A Prometheus histogram labelled by application, for a value observed on every request.
 * prom-client's Histogram validates and hashes the labels on each observe (~1 µs); this one
 * files an observation in a series looked up once per application and configuration, and
 * renders exactly what prom-client's Histogram renders (same names, `le` labels, order), so
 * scrapes and the cluster aggregation (which sums series by name and labels) see no difference.
 */
export function createLatencyHistogram(options: {
  name: string;
  help: string;
  buckets: readonly number[];
  registry: Registry;
}): LatencyHistogram {
  const { name, help, buckets } = options;
  const series = new Map<string, Series>();

  const metric = {
    name,
    help,
    type: 'histogram',
    aggregator: 'sum',
    // The shape prom-client's own metrics return (its typings say otherwise: `type` is a string).
    get() {
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
    forApplication(application) {
      let found = series.get(application);
      if (found === undefined) {
        found = { counts: new Array<number>(buckets.length + 1).fill(0), sum: 0 };
        series.set(application, found);
      }
      const { counts } = found;
      const target = found;
      return {
        observe(seconds) {
          let index = 0;
          while (index < buckets.length && seconds > (buckets[index] as number)) index += 1;
          counts[index] = (counts[index] ?? 0) + 1;
          target.sum += seconds;
        },
      };
    },
  };
}
