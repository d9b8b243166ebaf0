import { describe, expect, it } from 'vitest';
import { countUsableCores, readCgroupCpuLimit } from './count-usable-cores';

/** A file system holding only `files`; anything else is missing, as on a host without cgroups. */
function filesystem(files: Record<string, string>) {
  return (path: string) => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' });
    return text;
  };
}

describe('countUsableCores', () => {
  it('caps the cores Node sees at the cgroup v2 quota, rounded up', () => {
    const limited = filesystem({ '/sys/fs/cgroup/cpu.max': '150000 100000\n' });
    expect(countUsableCores(limited, 64)).toBe(2);
    expect(countUsableCores(limited, 1)).toBe(1);
  });

  it('uses every core without a quota', () => {
    expect(countUsableCores(filesystem({ '/sys/fs/cgroup/cpu.max': 'max 100000\n' }), 8)).toBe(8);
    expect(countUsableCores(filesystem({}), 8)).toBe(8);
  });

  it('reads cgroup v1 quotas, where -1 means unlimited', () => {
    const v1 = (quota: string) =>
      filesystem({
        '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': `${quota}\n`,
        '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000\n',
      });
    expect(readCgroupCpuLimit(v1('400000'))).toBe(4);
    expect(readCgroupCpuLimit(v1('-1'))).toBeNull();
    expect(countUsableCores(v1('50000'), 16)).toBe(1);
  });

  it('ignores a quota it cannot read', () => {
    expect(readCgroupCpuLimit(filesystem({ '/sys/fs/cgroup/cpu.max': 'garbage' }))).toBeNull();
  });
});
