import type { BenchReport } from '../run-benchmark';
import { AGENT_CASES, CASE_LABELS } from './cases';
import type { CaseSummary } from './summarize';

export function formatNumber(value: number | null, digits = 0): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** One line per row; columns right-aligned except the first, unless `leftAligned` says more. */
export function formatColumns(rows: readonly (readonly string[])[], leftAligned = 1): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  }
  return rows
    .map((row) =>
      row
        .map((cell, index) =>
          index < leftAligned ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function formatThroughput(summaries: readonly CaseSummary[]): string {
  return formatColumns([
    ['case', 'req/s', 'p50 ms', 'p99 ms', 'proxy CPU µs/req', '× direct', '× nginx', 'p99 × nginx'],
    ...summaries.map((summary) => [
      CASE_LABELS[summary.caseId],
      formatNumber(summary.requestsPerSecond),
      formatNumber(summary.p50Ms, 2),
      formatNumber(summary.p99Ms, 2),
      formatNumber(summary.proxyCpuMicrosPerRequest, 1),
      formatNumber(summary.rpsVsDirect, 2),
      formatNumber(summary.rpsVsNginx, 2),
      formatNumber(summary.p99VsNginx, 2),
    ]),
  ]);
}

function formatOneConnection(summaries: readonly CaseSummary[]): string {
  return formatColumns([
    ['case', 'req/s', 'p50 ms', 'p99 ms', 'added p50 ms', 'added p99 ms'],
    ...summaries.map((summary) => [
      CASE_LABELS[summary.caseId],
      formatNumber(summary.requestsPerSecond),
      formatNumber(summary.p50Ms, 3),
      formatNumber(summary.p99Ms, 3),
      formatNumber(summary.caseId === 'direct' ? null : summary.addedP50Ms, 3),
      formatNumber(summary.caseId === 'direct' ? null : summary.addedP99Ms, 3),
    ]),
  ]);
}

/** What the agent's cases cost over the same stack without the agent (case 6). */
function formatAgainstBareStack(report: BenchReport): string {
  const parts = (['1k', '100k'] as const).map((body) => {
    const ratios = report.throughput[body]
      .filter((summary) => AGENT_CASES.includes(summary.caseId))
      .map((summary) => `${formatNumber(summary.rpsVsBareUndici, 2)} ×`);
    return `${body === '1k' ? '1 KB' : '100 KB'} ${ratios.join(', ')}`;
  });
  return `Agent cases 3, 4, 5 against ${CASE_LABELS.bareUndici} (its stack without the agent), req/s: ${parts.join('; ')}`;
}

/** The whole report as the table printed on stdout (and pasted into docs/performance.md). */
export function formatReport(report: BenchReport): string {
  const { options, machine, memory, upload, logins } = report;
  const load = `wrk -t${options.threads} -c${options.connections}, ${options.rounds} round(s) × ${options.durationSeconds} s, medians`;
  const lines = [
    `Gatehouse benchmark, ${report.startedAt} (${options.mode}${report.label ? `: ${report.label}` : ''})`,
    `${machine.cores} × ${machine.cpu}, ${machine.memoryGb} GB, Linux ${machine.kernel}, Node ${machine.node}, ${machine.nginx}`,
    `agent: ${options.agentDir ?? 'this workspace'} (${options.tsx ? 'src/main.ts through tsx' : 'dist/main.mjs'}), AGENT_WORKERS=${options.workers ?? 'default (one per core)'}${options.nodeOptions.length > 0 ? `, node ${options.nodeOptions.join(' ')}` : ''}`,
    '',
    `1 KB responses (${load})`,
    formatThroughput(report.throughput['1k']),
    '',
    `100 KB responses (${load})`,
    formatThroughput(report.throughput['100k']),
    formatAgainstBareStack(report),
    '',
    `One connection (wrk -t1 -c1, 1 KB, ${options.oneConnectionSeconds} s per run)`,
    formatOneConnection(report.oneConnection),
    '',
    `Agent memory over ${memory.agentProcesses} process(es): idle RSS ${formatNumber(memory.agentIdleRssMb)} MB, PSS ${formatNumber(memory.agentIdlePssMb)} MB; ` +
      `under load RSS ${formatNumber(memory.agentLoadRssMb)} MB, PSS ${formatNumber(memory.agentLoadPssMb)} MB, largest process RSS ${formatNumber(memory.agentLoadLargestProcessRssMb)} MB`,
    `Upload of ${formatNumber(upload.bytes / 1024 ** 2)} MB, streamed: direct ${formatNumber(upload.directMegabytesPerSecond)} MB/s, ` +
      `nginx ${formatNumber(upload.nginxMegabytesPerSecond)} MB/s (${formatNumber(upload.nginxVsDirect, 2)} × direct), ` +
      `agent ${formatNumber(upload.agentMegabytesPerSecond)} MB/s (${formatNumber(upload.agentVsDirect, 2)} × direct, ${formatNumber(upload.agentVsNginx, 2)} × nginx); ` +
      `agent RSS +${formatNumber(upload.agentRssGrowthMb, 1)} MB (peak ${formatNumber(upload.agentPeakRssMb)} MB)`,
    `Sign-ins through the dev IdP: ${logins.logins} in ${formatNumber(logins.seconds, 1)} s = ${formatNumber(logins.perSecond, 1)}/s ` +
      `(${logins.concurrency} at a time); agent CPU ${formatNumber(logins.agentCpuMillisPerLogin, 1)} ms per sign-in`,
    `Other processes on the machine used up to ${formatNumber(report.disturbance.maxOtherCpuShare * 100)} % of its CPU during a run (median ${formatNumber(report.disturbance.medianOtherCpuShare * 100)} %)${report.disturbance.maxOtherCpuShare > 0.1 ? ': the numbers are disturbed, run again on a quiet machine' : ''}`,
    '',
    'Targets (issue 8)',
    formatColumns(
      report.targets.map((check) => [
        check.met === null ? '[ -- ]' : check.met ? '[ met ]' : '[ MISSED ]',
        check.target,
        `${formatNumber(check.measured, 2)} ${check.unit}`,
        `${check.comparison} ${check.limit}`,
      ]),
      2,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
