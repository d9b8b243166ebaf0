import { describe, expect, it } from 'vitest';
import {
  listProcessTree,
  parseMachineBusyTicks,
  parseStatLine,
  parseStatusKb,
  readTreeCpuSeconds,
  readTreeRss,
} from './proc-stats';

describe('/proc parsing', () => {
  it('reads a stat line whose command name holds spaces and parentheses', () => {
    const line =
      '4242 (node (worker) 1) S 4200 4242 4242 0 -1 4194560 5000 0 0 0 1500 250 30 7 20 0 11 0 ' +
      '123456 1234567890 30000 18446744073709551615';
    expect(parseStatLine(line)).toEqual({ ppid: 4200, cpuTicks: 1750, reapedChildrenTicks: 37 });
  });

  it('reads VmRSS from a status file, and 0 when absent', () => {
    const status = 'Name:\tnode\nVmPeak:\t  200000 kB\nVmRSS:\t   81234 kB\nThreads:\t11\n';
    expect(parseStatusKb(status, 'VmRSS')).toBe(81234);
    expect(parseStatusKb(status, 'VmSwap')).toBe(0);
  });

  it('counts the time cores ran processes: user, nice and system', () => {
    const stat = 'cpu  100 5 50 1000 40 3 2 1 0 0\ncpu0 50 2 25 500 20 1 1 0 0 0\n';
    expect(parseMachineBusyTicks(stat)).toBe(155);
  });
});

describe('this process', () => {
  it('is its own tree, has used some CPU and holds some memory', () => {
    expect(listProcessTree(process.pid)[0]).toBe(process.pid);
    expect(readTreeCpuSeconds(process.pid)).toBeGreaterThan(0);
    expect(readTreeRss(process.pid)[0]).toBeGreaterThan(1024 * 1024);
  });
});
