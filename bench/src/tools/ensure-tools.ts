import { execFileSync, spawnSync } from 'node:child_process';

/** Debian packages providing the programs the benchmark drives. */
const PACKAGES = {
  wrk: 'wrk',
  nginx: 'nginx',
  'redis-server': 'redis-server',
  perf: 'linux-perf',
} as const;

const APT = {
  stdio: 'inherit',
  env: {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    DEBIAN_FRONTEND: 'noninteractive',
  },
} as const;

function isInstalled(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Programs from Debian (by default what `pnpm bench` drives: wrk, nginx and redis-server),
 * installed with apt-get when missing (as root, which CI and the dev container are); otherwise a
 * message saying what to install.
 */
export function ensureTools(
  log: (line: string) => void,
  programs: readonly (keyof typeof PACKAGES)[] = ['wrk', 'nginx', 'redis-server'],
): void {
  const missing = programs.filter((program) => !isInstalled(program));
  if (missing.length === 0) return;
  const packages = missing.map((program) => PACKAGES[program]);
  if (process.getuid?.() !== 0 || !isInstalled('apt-get')) {
    throw new Error(
      `The benchmark needs ${missing.join(', ')}. Install ${packages.length === 1 ? 'it' : 'them'} ` +
        `(Debian: sudo apt-get install -y ${packages.join(' ')}) and run it again.`,
    );
  }
  log(`installing ${packages.join(', ')} with apt-get`);
  const install = () =>
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], APT);
  try {
    install();
  } catch {
    // A fresh container has no package lists yet.
    execFileSync('apt-get', ['update'], APT);
    install();
  }
  const still = missing.filter((program) => !isInstalled(program));
  if (still.length > 0) throw new Error(`apt-get did not provide ${still.join(', ')}`);
}

/** The first line a program prints about its version, for the results file. */
export function describeTool(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) return 'not found';
  return `${result.stdout}${result.stderr}`.split('\n')[0]?.trim() ?? '';
}
