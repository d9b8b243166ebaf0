import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Linux /proc accounting of a process and its descendants (cluster workers, nginx workers). */
let ticksPerSecond: number | undefined;

function readTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      ticksPerSecond = 100; // USER_HZ on every Linux we run on
    }
    if (!Number.isFinite(ticksPerSecond) || ticksPerSecond <= 0) ticksPerSecond = 100;
  }
  return ticksPerSecond;
}

interface StatLine {
  ppid: number;
  cpuTicks: number;
  /** CPU of children it has waited for (cutime + cstime), e.g. finished wrk runs. */
  reapedChildrenTicks: number;
}

/** Fields after the command name, which may itself hold spaces and parentheses (proc(5)). */
export function parseStatLine(line: string): StatLine {
  const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
  return {
    ppid: Number(fields[1]),
    cpuTicks: Number(fields[11]) + Number(fields[12]),
    reapedChildrenTicks: Number(fields[13]) + Number(fields[14]),
  };
}

function readStat(pid: number): StatLine | null {
  try {
    return parseStatLine(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null; // gone meanwhile
  }
}

/** `rootPid` and every process below it. */
export function listProcessTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), Number(entry)]);
  }
  const tree = [rootPid];
  for (let index = 0; index < tree.length; index += 1) {
    tree.push(...(children.get(tree[index] as number) ?? []));
  }
  return tree;
}

/**
 * CPU seconds (user + system) the tree has used so far; with `includeReaped`, also what its
 * finished children used (they are gone from the tree, not from the machine).
 */
export function readTreeCpuSeconds(rootPid: number, includeReaped = false): number {
  let ticks = 0;
  for (const pid of listProcessTree(rootPid)) {
    const stat = readStat(pid);
    ticks +=
      (stat?.cpuTicks ?? 0) +
      (includeReaped && pid === rootPid ? (stat?.reapedChildrenTicks ?? 0) : 0);
  }
  return ticks / readTicksPerSecond();
}

/**
 * CPU seconds every core of the machine has spent running processes since boot (/proc/stat):
 * user, nice and system time. Interrupt and softirq time (where the kernel moves loopback
 * packets, for the benchmark's processes as much as anyone's) and steal are left out, so that
 * subtracting the benchmark's own processes leaves what other processes used.
 */
export function readMachineBusySeconds(): number {
  return parseMachineBusyTicks(readFileSync('/proc/stat', 'utf8')) / readTicksPerSecond();
}

export function parseMachineBusyTicks(procStat: string): number {
  const fields = (procStat.split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal guest…; guest time is already inside user.
  const [user = 0, nice = 0, system = 0] = fields;
  return user + nice + system;
}

/** Resident memory of each process in the tree, in bytes (VmRSS). */
export function readTreeRss(rootPid: number): number[] {
  return listProcessTree(rootPid).map((pid) => readStatusKb(pid, 'VmRSS') * 1024);
}

export function parseStatusKb(status: string, field: string): number {
  const found = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  return found ? Number(found[1]) : 0;
}

function readStatusKb(pid: number, field: string): number {
  try {
    return parseStatusKb(readFileSync(`/proc/${pid}/status`, 'utf8'), field);
  } catch {
    return 0;
  }
}

/**
 * Proportional set size of the tree, in bytes: each shared page (the node binary, libraries)
 * counted once across the processes sharing it, so unlike summed RSS it adds up to what the
 * processes really occupy. Costs the kernel a page-table walk: read it once, not in a loop.
 */
export function readTreePss(rootPid: number): number {
  let total = 0;
  for (const pid of listProcessTree(rootPid)) {
    try {
      total += parseStatusKb(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss') * 1024;
    } catch {
      // gone meanwhile, or smaps_rollup unavailable (kernels before 4.14)
    }
  }
  return total;
}

/** Samples the tree's total RSS every `intervalMs` until stopped; reports the peak. */
export function sampleTreeRss(rootPid: number, intervalMs = 200) {
  let peakTotal = 0;
  let peakProcess = 0;
  const sample = () => {
    const sizes = readTreeRss(rootPid);
    peakTotal = Math.max(
      peakTotal,
      sizes.reduce((sum, size) => sum + size, 0),
    );
    peakProcess = Math.max(peakProcess, ...sizes);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop(): { peakTotalBytes: number; peakProcessBytes: number } {
      clearInterval(timer);
      sample();
      return { peakTotalBytes: peakTotal, peakProcessBytes: peakProcess };
    },
  };
}
