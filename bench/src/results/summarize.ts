import type { CaseId } from './cases';

/** One wrk run of one case in one round, with what the processes involved spent meanwhile. */
export interface RunSample {
  caseId: CaseId;
  round: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU seconds the proxy's processes used during the run; null when there is no proxy. */
  proxyCpuSeconds: number | null;
  upstreamCpuSeconds: number;
}

export interface CaseSummary {
  caseId: CaseId;
  rounds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  proxyCpuMicrosPerRequest: number | null;
  upstreamCpuMicrosPerRequest: number;
  /** Medians of the per-round ratios: runs of the same round share the machine's mood. */
  rpsVsDirect: number | null;
  rpsVsNginx: number | null;
  p99VsNginx: number | null;
  /** Against the bare node:http + undici proxy: what the agent costs over its own stack. */
  rpsVsBareUndici: number | null;
  /** Milliseconds over the direct run of the same round (meaningful at one connection). */
  addedP50Ms: number | null;
  addedP99Ms: number | null;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Medians per case over the rounds, and each case against direct and nginx round by round. */
export function summarizeRuns(samples: readonly RunSample[]): CaseSummary[] {
  const byCase = new Map<CaseId, RunSample[]>();
  for (const sample of samples) {
    byCase.set(sample.caseId, [...(byCase.get(sample.caseId) ?? []), sample]);
  }
  const inRound = (caseId: CaseId, round: number) =>
    byCase.get(caseId)?.find((sample) => sample.round === round);
  const compare = (
    runs: RunSample[],
    against: CaseId,
    measure: (run: RunSample, reference: RunSample) => number,
  ): number | null => {
    const values: number[] = [];
    for (const run of runs) {
      const reference = inRound(against, run.round);
      if (reference) values.push(measure(run, reference));
    }
    return values.length === 0 ? null : median(values);
  };

  return [...byCase.entries()].map(([caseId, runs]) => {
    const proxyRuns = runs.filter((run) => run.proxyCpuSeconds !== null);
    return {
      caseId,
      rounds: runs.length,
      requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
      p50Ms: median(runs.map((run) => run.p50Ms)),
      p99Ms: median(runs.map((run) => run.p99Ms)),
      proxyCpuMicrosPerRequest:
        proxyRuns.length === 0
          ? null
          : median(proxyRuns.map((run) => microsPerRequest(run.proxyCpuSeconds ?? 0, run))),
      upstreamCpuMicrosPerRequest: median(
        runs.map((run) => microsPerRequest(run.upstreamCpuSeconds, run)),
      ),
      rpsVsDirect: compare(runs, 'direct', (run, ref) =>
        ratio(run.requestsPerSecond, ref.requestsPerSecond),
      ),
      rpsVsNginx: compare(runs, 'nginx', (run, ref) =>
        ratio(run.requestsPerSecond, ref.requestsPerSecond),
      ),
      p99VsNginx: compare(runs, 'nginx', (run, ref) => ratio(run.p99Ms, ref.p99Ms)),
      rpsVsBareUndici: compare(runs, 'bareUndici', (run, ref) =>
        ratio(run.requestsPerSecond, ref.requestsPerSecond),
      ),
      addedP50Ms: compare(runs, 'direct', (run, ref) => run.p50Ms - ref.p50Ms),
      addedP99Ms: compare(runs, 'direct', (run, ref) => run.p99Ms - ref.p99Ms),
    };
  });
}

function microsPerRequest(cpuSeconds: number, run: RunSample): number {
  return run.requests === 0 ? 0 : (cpuSeconds * 1e6) / run.requests;
}

function ratio(value: number, reference: number): number {
  return reference === 0 ? 0 : value / reference;
}
