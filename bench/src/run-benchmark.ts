import { availableParallelism, cpus, release, totalmem } from 'node:os';
import { measureLogins, type LoginsResult } from './measure/measure-logins';
import { measureRun, type LoadShape, type MeasuredRun } from './measure/measure-run';
import { measureUpload, type UploadResult } from './measure/measure-upload';
import { verifyTarget } from './measure/verify-target';
import type { BenchOptions } from './options';
import { readTreePss, readTreeRss } from './processes/proc-stats';
import { BODIES, CASES, type BodyName } from './results/cases';
import { evaluateTargets, type TargetCheck } from './results/evaluate-targets';
import { median, summarizeRuns, type CaseSummary } from './results/summarize';
import { buildTargets, type Target } from './servers/bench-targets';
import { startBenchStack, type BenchStack } from './servers/start-bench-stack';
import { describeTool } from './tools/ensure-tools';

export interface UploadSummary {
  bytes: number;
  rounds: number;
  directMegabytesPerSecond: number;
  /** nginx with request buffering off: what a native proxy reaches on the same machine. */
  nginxMegabytesPerSecond: number;
  nginxVsDirect: number;
  agentMegabytesPerSecond: number;
  agentVsDirect: number;
  agentVsNginx: number;
  agentRssGrowthMb: number;
  agentPeakRssMb: number;
  runs: Array<{ round: number; direct: UploadResult; nginx: UploadResult; agent: UploadResult }>;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  label: string;
  options: BenchOptions;
  machine: Record<string, string | number>;
  throughput: Record<BodyName, CaseSummary[]>;
  oneConnection: CaseSummary[];
  /**
   * The agent with cookie sessions: RSS summed over its processes (primary, workers, anything
   * they started), the largest single process, and PSS (shared pages counted once: what the
   * processes occupy together, judged against the target).
   */
  memory: {
    agentProcesses: number;
    agentIdleRssMb: number;
    agentIdlePssMb: number;
    agentLoadRssMb: number;
    agentLoadPssMb: number;
    agentLoadLargestProcessRssMb: number;
  };
  upload: UploadSummary;
  logins: LoginsResult;
  targets: TargetCheck[];
  /** CPU other processes took from the machine during the measured runs (0-1). */
  disturbance: { maxOtherCpuShare: number; medianOtherCpuShare: number };
  runs: { throughput: Record<BodyName, MeasuredRun[]>; oneConnection: MeasuredRun[] };
}

const MB = 1024 ** 2;

/** Everything issue 8 asks to measure, interleaved round by round, on one stack. */
export async function runBenchmark(
  options: BenchOptions,
  log: (line: string) => void,
): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  log('starting upstream, nginx, Redis, the dev IdP, two agents and two bare proxies');
  const stack = await startBenchStack({
    workers: options.workers,
    agentDir: options.agentDir,
    tsx: options.tsx,
    nodeOptions: options.nodeOptions,
    log,
  });
  try {
    const bodies = Object.keys(BODIES) as BodyName[];
    const targets = Object.fromEntries(
      bodies.map((body) => [body, buildTargets(stack.addresses, body)]),
    ) as Record<BodyName, Target[]>;
    for (const body of bodies) for (const target of targets[body]) await verifyTarget(target);
    const idle = readTreeRss(stack.agent.process.pid);
    const idlePss = readTreePss(stack.agent.process.pid);

    const load: LoadShape = {
      threads: options.threads,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
    };
    const measure = (target: Target, shape: LoadShape, round: number) =>
      measureRun(target, shape, round, stack.upstream.process.pid);

    log(`warming up (${options.warmupSeconds} s per case and body)`);
    for (const body of bodies) {
      for (const target of targets[body]) {
        await measure(target, { ...load, durationSeconds: options.warmupSeconds }, 0);
      }
    }

    const throughput = { '1k': [], '100k': [] } as Record<BodyName, MeasuredRun[]>;
    for (let round = 1; round <= options.rounds; round += 1) {
      for (const body of bodies) {
        log(`round ${round}/${options.rounds}, ${body} responses: ${CASES.join(', ')}`);
        for (const target of targets[body])
          throughput[body].push(await measure(target, load, round));
      }
    }

    const oneConnection: MeasuredRun[] = [];
    const single: LoadShape = {
      threads: 1,
      connections: 1,
      durationSeconds: options.oneConnectionSeconds,
    };
    for (let round = 1; round <= options.rounds; round += 1) {
      log(`round ${round}/${options.rounds} at one connection`);
      for (const target of targets['1k']) oneConnection.push(await measure(target, single, round));
    }

    const upload = await measureUploads(stack, targets['1k'], options, log);
    log(`${options.logins} complete sign-ins through the dev IdP`);
    const logins = await measureLogins({
      agentUrl: stack.agent.url,
      agentPid: stack.agent.process.pid,
      count: options.logins,
      concurrency: options.loginConcurrency,
      timeoutMs: 5 * 60_000,
    });

    const loadRuns = throughput['1k']
      .concat(throughput['100k'])
      .filter((run) => run.caseId === 'agentCookie');
    const memory = {
      agentProcesses: idle.length,
      agentIdleRssMb: sum(idle) / MB,
      agentIdlePssMb: idlePss / MB,
      agentLoadRssMb: Math.max(...loadRuns.map((run) => run.peakProxyRssBytes ?? 0)) / MB,
      agentLoadPssMb: Math.max(...loadRuns.map((run) => run.proxyPssBytes ?? 0)) / MB,
      agentLoadLargestProcessRssMb:
        Math.max(...loadRuns.map((run) => run.peakProxyProcessRssBytes ?? 0)) / MB,
    };
    const summaries = {
      '1k': summarizeRuns(throughput['1k']),
      '100k': summarizeRuns(throughput['100k']),
    };
    const oneConnectionSummary = summarizeRuns(oneConnection);
    const shares = [...throughput['1k'], ...throughput['100k'], ...oneConnection].map(
      (run) => run.otherCpuShare,
    );
    return {
      startedAt,
      finishedAt: new Date().toISOString(),
      label: options.label,
      options,
      machine: describeMachine(),
      throughput: summaries,
      oneConnection: oneConnectionSummary,
      memory,
      upload,
      logins,
      targets: evaluateTargets({
        throughput: summaries['1k'],
        oneConnection: oneConnectionSummary,
        agentLoadPssMb: memory.agentLoadPssMb,
        uploadVsDirect: upload.agentVsDirect,
        uploadRssGrowthMb: upload.agentRssGrowthMb,
      }),
      disturbance: { maxOtherCpuShare: Math.max(...shares), medianOtherCpuShare: median(shares) },
      runs: { throughput, oneConnection },
    };
  } finally {
    log('stopping everything');
    await stack.close();
  }
}

async function measureUploads(
  stack: BenchStack,
  targets: readonly Target[],
  options: BenchOptions,
  log: (line: string) => void,
): Promise<UploadSummary> {
  const direct = targets.find((target) => target.caseId === 'direct') as Target;
  const nginx = targets.find((target) => target.caseId === 'nginx') as Target;
  const agent = targets.find((target) => target.caseId === 'agentCookie') as Target;
  const uploadUrl = (target: Target) => target.url.replace(/\/api\/bytes\/.*$/, '/api/upload');
  // 1 GB at no less than 20 MB/s: anything slower is broken, not slow.
  const timeoutMs = 60_000 + (options.uploadBytes / MB / 20) * 1000;
  const runs: UploadSummary['runs'] = [];
  // Like the requests, uploads get a warm-up (code optimized, connections pooled), which is not
  // what an upload costs: one per worker and one more, as workers take connections in turn. The
  // memory a worker holds while streaming (15–45 MB for a gigabyte) is not a warm-up effect: a
  // worker that gave it back since its last upload takes it again (docs/performance.md).
  const warmups = (options.workers ?? availableParallelism()) + 1;
  log(`warming up with ${warmups} uploads of ${options.uploadBytes / MB} MB through the agent`);
  for (let warmup = 0; warmup < warmups; warmup += 1) {
    await measureUpload({
      url: uploadUrl(agent),
      headers: agent.headers,
      total: options.uploadBytes,
      proxyPid: agent.proxyPid,
      timeoutMs,
    });
  }
  for (let round = 1; round <= options.rounds; round += 1) {
    log(
      `round ${round}/${options.rounds}: ${options.uploadBytes / MB} MB upload, direct, nginx, agent`,
    );
    const send = (target: Target) =>
      measureUpload({
        url: uploadUrl(target),
        headers: target.headers,
        total: options.uploadBytes,
        proxyPid: target.proxyPid,
        timeoutMs,
      });
    runs.push({
      round,
      direct: await send(direct),
      nginx: await send(nginx),
      agent: await send(agent),
    });
  }
  const ratio = (of: 'nginx' | 'agent', to: 'direct' | 'nginx') =>
    median(runs.map((run) => run[of].megabytesPerSecond / run[to].megabytesPerSecond));
  return {
    bytes: options.uploadBytes,
    rounds: runs.length,
    directMegabytesPerSecond: median(runs.map((run) => run.direct.megabytesPerSecond)),
    nginxMegabytesPerSecond: median(runs.map((run) => run.nginx.megabytesPerSecond)),
    nginxVsDirect: ratio('nginx', 'direct'),
    agentMegabytesPerSecond: median(runs.map((run) => run.agent.megabytesPerSecond)),
    agentVsDirect: ratio('agent', 'direct'),
    agentVsNginx: ratio('agent', 'nginx'),
    agentRssGrowthMb: Math.max(...runs.map((run) => run.agent.proxyRssGrowthBytes ?? 0)) / MB,
    agentPeakRssMb: Math.max(...runs.map((run) => run.agent.proxyPeakRssBytes ?? 0)) / MB,
    runs,
  };
}

function describeMachine(): Record<string, string | number> {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    kernel: release(),
    node: process.version,
    wrk: describeTool('wrk', ['-v']),
    nginx: describeTool('nginx', ['-v']),
    redis: describeTool('redis-server', ['--version']),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
