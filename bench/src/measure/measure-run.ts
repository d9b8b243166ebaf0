import { cpus } from 'node:os';
import {
  readMachineBusySeconds,
  readTreeCpuSeconds,
  readTreePss,
  sampleTreeRss,
} from '../processes/proc-stats';
import type { RunSample } from '../results/summarize';
import type { Target } from '../servers/bench-targets';
import { runWrk } from '../wrk/run-wrk';

export interface MeasuredRun extends RunSample {
  peakProxyRssBytes: number | null;
  peakProxyProcessRssBytes: number | null;
  /** The proxy tree's PSS right after the run (see readTreePss). */
  proxyPssBytes: number | null;
  errors: number;
  /**
   * Share of the machine's CPU (0-1) that processes outside the benchmark used during the run:
   * anything much above 0 means the numbers of this run were disturbed.
   */
  otherCpuShare: number;
}

export interface LoadShape {
  threads: number;
  connections: number;
  durationSeconds: number;
}

/** One wrk run against `target`, with the CPU the proxy and the upstream spent meanwhile. */
export async function measureRun(
  target: Target,
  load: LoadShape,
  round: number,
  upstreamPid: number,
): Promise<MeasuredRun> {
  const proxyPid = target.proxyPid;
  const proxyCpuBefore = proxyPid === null ? null : readTreeCpuSeconds(proxyPid);
  const upstreamCpuBefore = readTreeCpuSeconds(upstreamPid);
  const machineBefore = readMachineBusySeconds();
  const benchmarkBefore = readTreeCpuSeconds(process.pid, true);
  const startedAt = performance.now();
  const memory = proxyPid === null ? null : sampleTreeRss(proxyPid);
  let peaks: ReturnType<NonNullable<typeof memory>['stop']> | null;
  let report: Awaited<ReturnType<typeof runWrk>>;
  try {
    report = await runWrk({ url: target.url, headers: target.headers, ...load });
  } finally {
    peaks = memory?.stop() ?? null;
  }
  const elapsed = (performance.now() - startedAt) / 1000;
  const others =
    readMachineBusySeconds() -
    machineBefore -
    (readTreeCpuSeconds(process.pid, true) - benchmarkBefore);
  const errors =
    report.errorResponses +
    report.socketErrors.connect +
    report.socketErrors.read +
    report.socketErrors.write +
    report.socketErrors.timeout;
  // A short average answer means something other than the body came back (a redirect, an error).
  if (report.requests > 0 && report.bytesRead / report.requests < target.expect.bodyBytes * 0.99) {
    throw new Error(
      `${target.caseId}: wrk read ${Math.round(report.bytesRead / report.requests)} bytes per answer, less than the ${target.expect.bodyBytes}-byte body`,
    );
  }
  return {
    caseId: target.caseId,
    round,
    requests: report.requests,
    requestsPerSecond: report.requestsPerSecond,
    p50Ms: report.latencyMs.p50,
    p99Ms: report.latencyMs.p99,
    proxyCpuSeconds:
      proxyPid === null ? null : readTreeCpuSeconds(proxyPid) - (proxyCpuBefore ?? 0),
    upstreamCpuSeconds: readTreeCpuSeconds(upstreamPid) - upstreamCpuBefore,
    peakProxyRssBytes: peaks?.peakTotalBytes ?? null,
    peakProxyProcessRssBytes: peaks?.peakProcessBytes ?? null,
    proxyPssBytes: proxyPid === null ? null : readTreePss(proxyPid),
    errors,
    otherCpuShare: Math.max(0, others / (cpus().length * elapsed)),
  };
}
