import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

export type ReadTextFile = (path: string) => string;

const readText: ReadTextFile = (path) => readFileSync(path, 'utf8');

/**
 * One worker per core the agent may actually use. In a container Node sees the host's cores
 * (availableParallelism() follows the CPU affinity mask, not the cgroup CPU quota): a pod limited
 * to 2 CPUs on a 64-core node would start 64 workers, each with its own heap, and be throttled.
 * The quota, rounded up, caps the count.
 */
export function countUsableCores(
  readFile: ReadTextFile = readText,
  cores = availableParallelism(),
): number {
  const limit = readCgroupCpuLimit(readFile);
  return Math.max(1, limit === null ? cores : Math.min(cores, Math.ceil(limit)));
}

/** CPUs the cgroup quota allows (1.5 for "150000 100000"), or null when unlimited or unknown. */
export function readCgroupCpuLimit(readFile: ReadTextFile): number | null {
  // cgroup v2: "<quota> <period>" or "max <period>".
  const v2 = tryRead(readFile, '/sys/fs/cgroup/cpu.max');
  if (v2 !== null) {
    const [quota, period] = v2.trim().split(/\s+/);
    return toLimit(Number(quota), Number(period));
  }
  // cgroup v1: a quota of -1 is unlimited.
  const quota = tryRead(readFile, '/sys/fs/cgroup/cpu/cpu.cfs_quota_us');
  const period = tryRead(readFile, '/sys/fs/cgroup/cpu/cpu.cfs_period_us');
  if (quota === null || period === null) return null;
  return toLimit(Number(quota), Number(period));
}

function toLimit(quota: number, period: number): number | null {
  if (!Number.isFinite(quota) || !Number.isFinite(period) || quota <= 0 || period <= 0) return null;
  return quota / period;
}

function tryRead(readFile: ReadTextFile, path: string): string | null {
  try {
    return readFile(path);
  } catch {
    return null;
  }
}
