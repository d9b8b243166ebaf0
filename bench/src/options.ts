import { parseArgs } from 'node:util';

export interface BenchOptions {
  mode: 'full' | 'quick';
  rounds: number;
  durationSeconds: number;
  warmupSeconds: number;
  oneConnectionSeconds: number;
  threads: number;
  connections: number;
  uploadBytes: number;
  logins: number;
  loginConcurrency: number;
  /** AGENT_WORKERS for the agents; undefined keeps the agent's default (one per core). */
  workers: number | undefined;
  /** A note stored with the results, e.g. what changed since the last run. */
  label: string;
  /** Another checkout's apps/agent to measure instead of this one (e.g. the previous commit). */
  agentDir: string | undefined;
  /** Run the agent's TypeScript through tsx (as tests do) rather than its built bundle. */
  tsx: boolean;
  /** Flags for the agent's node (its workers inherit them), e.g. `--max-semi-space-size=4`. */
  nodeOptions: string[];
  /** The whole run is abandoned after this long. */
  deadlineMinutes: number;
}

type Defaults = Omit<BenchOptions, 'workers' | 'label' | 'agentDir' | 'tsx' | 'nodeOptions'>;

const FULL: Defaults = {
  mode: 'full',
  rounds: 3,
  durationSeconds: 10,
  warmupSeconds: 3,
  oneConnectionSeconds: 5,
  threads: 2,
  connections: 64,
  uploadBytes: 1024 ** 3,
  logins: 60,
  loginConcurrency: 4,
  deadlineMinutes: 45,
};

// A smoke run: every step once, briefly, so CI notices when the benchmark breaks.
const QUICK: Defaults = {
  ...FULL,
  mode: 'quick',
  rounds: 1,
  durationSeconds: 1,
  warmupSeconds: 1,
  oneConnectionSeconds: 1,
  uploadBytes: 64 * 1024 ** 2,
  logins: 4,
  loginConcurrency: 2,
  deadlineMinutes: 6,
};

export const USAGE = `Usage: pnpm bench [--quick | --smoke] [--rounds N] [--duration SECONDS] [--workers N] [--label TEXT] [--agent-dir DIR] [--tsx] [--node-options=FLAGS]

  --quick, --smoke   every measurement once and briefly (about a minute)
  --rounds N         interleaved rounds of every case (default 3; medians are reported)
  --duration S       seconds per wrk run (default 10)
  --workers N        AGENT_WORKERS for the agents (default: the agent's own, one per core)
  --label TEXT       a note saved with the results, e.g. what changed
  --agent-dir DIR    measure the agent in DIR (another checkout's apps/agent, with its
                     node_modules) instead of this one, to compare two versions; it runs
                     through tsx, as checkouts from before the agent's bundle must
  --tsx              run the agent's src/main.ts through tsx instead of the bundle that
                     pnpm --filter @gatehouse/agent build writes (the benchmark builds it)
  --node-options=F   node flags for both agents, which their workers inherit, e.g.
                     --node-options=--max-semi-space-size=4 for a smaller young generation
                     (with "=": a value that starts with a dash is otherwise refused)`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      smoke: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      workers: { type: 'string' },
      label: { type: 'string', default: '' },
      'agent-dir': { type: 'string' },
      tsx: { type: 'boolean', default: false },
      'node-options': { type: 'string', default: '' },
    },
    strict: true,
    allowPositionals: false,
  });
  const base = values.quick || values.smoke ? QUICK : FULL;
  return {
    ...base,
    rounds: readCount('--rounds', values.rounds, base.rounds, 1, 20),
    durationSeconds: readCount('--duration', values.duration, base.durationSeconds, 1, 120),
    workers:
      values.workers === undefined ? undefined : readCount('--workers', values.workers, 1, 1, 64),
    label: values.label,
    agentDir: values['agent-dir'],
    tsx: values.tsx || values['agent-dir'] !== undefined,
    nodeOptions: readNodeOptions(values['node-options']),
  };
}

function readNodeOptions(raw: string): string[] {
  const flags = raw.split(/\s+/).filter((flag) => flag !== '');
  const notFlag = flags.find((flag) => !flag.startsWith('--'));
  if (notFlag !== undefined) {
    throw new Error(
      `--node-options takes node flags such as --max-semi-space-size=4, not "${notFlag}"`,
    );
  }
  return flags;
}

function readCount(
  flag: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${flag} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}
