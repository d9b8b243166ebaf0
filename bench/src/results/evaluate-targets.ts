import type { CaseSummary } from './summarize';

/** One of issue 8's targets, judged on one run's numbers (never asserted in tests). */
export interface TargetCheck {
  target: string;
  measured: number | null;
  comparison: '>=' | '<=' | '<';
  limit: number;
  unit: string;
  /** null when the run did not measure it. */
  met: boolean | null;
}

export interface TargetInputs {
  /** 1 KB responses at 64 connections. */
  throughput: readonly CaseSummary[];
  oneConnection: readonly CaseSummary[];
  /** PSS summed over the agent's processes: what they occupy together. */
  agentLoadPssMb: number | null;
  uploadVsDirect: number | null;
  uploadRssGrowthMb: number | null;
}

export function evaluateTargets(inputs: TargetInputs): TargetCheck[] {
  const find = (list: readonly CaseSummary[], caseId: CaseSummary['caseId']) =>
    list.find((summary) => summary.caseId === caseId);
  const open = find(inputs.throughput, 'agentOpen');
  const protectedPath = find(inputs.throughput, 'agentCookie');
  const oneConnection = find(inputs.oneConnection, 'agentCookie');
  return [
    check('protected path: req/s vs nginx', protectedPath?.rpsVsNginx, '>=', 0.6, '×'),
    check('protected path: p99 vs nginx p99', protectedPath?.p99VsNginx, '<=', 2, '×'),
    check('protected path: proxy CPU', protectedPath?.proxyCpuMicrosPerRequest, '<=', 70, 'µs/req'),
    check('not-protected path: req/s vs nginx', open?.rpsVsNginx, '>=', 0.7, '×'),
    check('added p50 at one connection (protected)', oneConnection?.addedP50Ms, '<=', 0.3, 'ms'),
    check('agent memory under load (PSS, all processes)', inputs.agentLoadPssMb, '<=', 120, 'MB'),
    check('upload throughput vs direct', inputs.uploadVsDirect, '>=', 0.8, '×'),
    check('agent RSS growth during the upload', inputs.uploadRssGrowthMb, '<', 20, 'MB'),
  ];
}

function check(
  target: string,
  measured: number | null | undefined,
  comparison: TargetCheck['comparison'],
  limit: number,
  unit: string,
): TargetCheck {
  const value = measured ?? null;
  let met: boolean | null = null;
  if (value !== null) {
    if (comparison === '>=') met = value >= limit;
    else if (comparison === '<=') met = value <= limit;
    else met = value < limit;
  }
  return { target, measured: value, comparison, limit, unit, met };
}
