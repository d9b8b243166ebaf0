// What a process serving requests counts, in plain numbers, so that workers need no prom-client
// (1-2 MB each, measured idle): the process that serves /metrics drains these counts, from
// itself or from each worker over the cluster channel, into its own prom-client metrics.

/** Bounds of the upstream latency histogram, in seconds. */
export const UPSTREAM_LATENCY_BUCKETS: readonly number[] = [
  0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

export interface RequestCounter {
  /** One answered request; `status` is the HTTP status, or 'aborted'. */
  inc(application: string, status: number | 'aborted'): void;
}

export interface LatencyHistogram {
  /** The series of one application; observing is a few array writes. */
  forApplication(application: string): { observe(seconds: number): void };
}

/** Counts since the last drain, as plain data: it crosses the cluster channel as it is. */
export interface TrafficCounts {
  requests: Array<{ application: string; status: string; count: number }>;
  /** Observations per bucket (not cumulative; the last one is +Inf) and their sum. */
  upstreamLatency: Array<{ application: string; counts: number[]; sum: number }>;
}

/** What request handling counts with (listeners, compiled applications, the pipeline). */
export interface TrafficCounters {
  readonly requests: RequestCounter;
  readonly upstreamLatency: LatencyHistogram;
}

export interface TrafficMetrics extends TrafficCounters {
  /** What was counted since the last drain; counting starts again from zero. */
  drain(): TrafficCounts;
}

/** One application's latency: observations per bucket (not cumulative; the last is +Inf), sum. */
export interface LatencySeries {
  counts: number[];
  sum: number;
}

export function emptyLatencySeries(bounds: number): LatencySeries {
  return { counts: new Array<number>(bounds + 1).fill(0), sum: 0 };
}

export function createTrafficMetrics(): TrafficMetrics {
  const requests = new Map<string, Map<number | 'aborted', number>>();
  // Kept across drains (zeroed in place): compiled applications hold their series' observer.
  const latency = new Map<string, LatencySeries>();
  const buckets = UPSTREAM_LATENCY_BUCKETS;

  return {
    requests: {
      inc(application, status) {
        let byStatus = requests.get(application);
        if (byStatus === undefined) {
          byStatus = new Map();
          requests.set(application, byStatus);
        }
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      },
    },
    upstreamLatency: {
      forApplication(application) {
        let series = latency.get(application);
        if (series === undefined) {
          series = emptyLatencySeries(buckets.length);
          latency.set(application, series);
        }
        const found = series;
        return {
          observe(seconds) {
            let index = 0;
            while (index < buckets.length && seconds > (buckets[index] as number)) index += 1;
            found.counts[index] = (found.counts[index] ?? 0) + 1;
            found.sum += seconds;
          },
        };
      },
    },
    drain() {
      const counts: TrafficCounts = { requests: [], upstreamLatency: [] };
      for (const [application, byStatus] of requests) {
        for (const [status, count] of byStatus) {
          counts.requests.push({ application, status: String(status), count });
        }
      }
      requests.clear();
      for (const [application, series] of latency) {
        if (series.counts.every((count) => count === 0)) continue;
        counts.upstreamLatency.push({ application, counts: [...series.counts], sum: series.sum });
        series.counts.fill(0);
        series.sum = 0;
      }
      return counts;
    },
  };
}
