import { describe, expect, it } from 'vitest';
import type { CaseId } from './cases';
import { evaluateTargets } from './evaluate-targets';
import { median, summarizeRuns, type RunSample } from './summarize';

function run(caseId: CaseId, round: number, rps: number, p50Ms: number, p99Ms: number): RunSample {
  return {
    caseId,
    round,
    requests: rps * 10,
    requestsPerSecond: rps,
    p50Ms,
    p99Ms,
    proxyCpuSeconds: caseId === 'direct' ? null : (rps * 10 * 50) / 1e6,
    upstreamCpuSeconds: (rps * 10 * 20) / 1e6,
  };
}

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });
});

describe('summarizeRuns', () => {
  // Round 2 ran while the machine was slower for everyone: per-round ratios see through that.
  const samples = [
    run('direct', 1, 30_000, 1.0, 2.0),
    run('nginx', 1, 20_000, 1.5, 3.0),
    run('agentCookie', 1, 13_000, 2.5, 6.0),
    run('direct', 2, 15_000, 2.0, 4.0),
    run('nginx', 2, 10_000, 3.0, 6.0),
    run('agentCookie', 2, 6_500, 5.0, 12.0),
    run('direct', 3, 32_000, 1.0, 2.0),
    run('nginx', 3, 21_000, 1.4, 3.0),
    run('agentCookie', 3, 14_000, 2.4, 6.6),
  ];

  it('reports medians over rounds and ratios within each round', () => {
    const summary = summarizeRuns(samples);
    const agent = summary.find((entry) => entry.caseId === 'agentCookie');
    expect(agent).toMatchObject({ rounds: 3, requestsPerSecond: 13_000, p50Ms: 2.5, p99Ms: 6.6 });
    expect(agent?.rpsVsNginx).toBeCloseTo(0.65, 6); // 13/20, 6.5/10, 14/21 → median 0.65
    expect(agent?.rpsVsDirect).toBeCloseTo(13 / 30, 6);
    expect(agent?.p99VsNginx).toBeCloseTo(2, 6);
    expect(agent?.addedP50Ms).toBeCloseTo(1.5, 6);
    expect(agent?.proxyCpuMicrosPerRequest).toBeCloseTo(50, 6);
    expect(agent?.upstreamCpuMicrosPerRequest).toBeCloseTo(20, 6);
  });

  it('has no proxy CPU for the direct case and no ratio without its reference', () => {
    const summary = summarizeRuns([
      run('direct', 1, 30_000, 1, 2),
      run('agentOpen', 1, 9_000, 2, 4),
    ]);
    expect(summary.find((entry) => entry.caseId === 'direct')?.proxyCpuMicrosPerRequest).toBeNull();
    const open = summary.find((entry) => entry.caseId === 'agentOpen');
    expect(open?.rpsVsNginx).toBeNull();
    expect(open?.rpsVsBareUndici).toBeNull();
    expect(open?.rpsVsDirect).toBeCloseTo(0.3, 6);
  });

  it('compares the agent with the bare proxy on its own stack, round by round', () => {
    const summary = summarizeRuns([
      run('agentCookie', 1, 9_000, 2, 4),
      run('bareUndici', 1, 10_000, 2, 4),
      run('agentCookie', 2, 4_000, 2, 4),
      run('bareUndici', 2, 5_000, 2, 4),
      run('agentCookie', 3, 9_900, 2, 4),
      run('bareUndici', 3, 11_000, 2, 4),
    ]);
    const agent = summary.find((entry) => entry.caseId === 'agentCookie');
    expect(agent?.rpsVsBareUndici).toBeCloseTo(0.9, 6); // 0.9, 0.8, 0.9 → median 0.9
  });
});

describe('evaluateTargets', () => {
  it('judges each target on the numbers and leaves unmeasured ones open', () => {
    const throughput = summarizeRuns([
      run('nginx', 1, 20_000, 1.5, 3.0),
      run('agentCookie', 1, 11_000, 2.5, 7.0),
      run('agentOpen', 1, 15_000, 2.0, 5.0),
    ]);
    const checks = evaluateTargets({
      throughput,
      oneConnection: [],
      agentLoadPssMb: 130,
      uploadVsDirect: 0.85,
      uploadRssGrowthMb: null,
    });
    const met = Object.fromEntries(checks.map((entry) => [entry.target, entry.met]));
    expect(met).toEqual({
      'protected path: req/s vs nginx': false, // 0.55
      'protected path: p99 vs nginx p99': false, // 2.33
      'protected path: proxy CPU': true, // 50 µs
      'not-protected path: req/s vs nginx': true, // 0.75
      'added p50 at one connection (protected)': null,
      'agent memory under load (PSS, all processes)': false,
      'upload throughput vs direct': true,
      'agent RSS growth during the upload': null,
    });
  });
});
