// The agent's whole environment, read and validated once (nothing else reads process.env).
import { resolve } from 'node:path';
import { z } from 'zod';
import { EXIT_INVALID_ENVIRONMENT } from './exit-codes';

// docker-compose and Helm pass unset values as empty strings: treat `FOO=` as "not set".
const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetWhenEmpty, schema);

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** What each variable must hold, in words an operator reads in the startup error. */
const EXPECTED = {
  PROVISIONING_KEY: 'the provisioning key the console showed, like ghk_…',
  PROVISIONING_SECRET: 'the provisioning secret the console showed once, like ghs_…',
  CONSOLE_URL:
    'the console address, an http:// or https:// URL such as https://console.example.com',
  REDIS_URL: 'a redis:// or rediss:// URL for server-side sessions, or unset for cookie sessions',
  STATE_DIR: 'a directory for the cached configuration (default .gatehouse/agent)',
  LOG_LEVEL: `one of ${LOG_LEVELS.join(', ')} (default info)`,
  ADMIN_PORT: 'a TCP port 0-65535 for /healthz, /readyz and /metrics (default 9773)',
  AGENT_REVOKED_GRACE_SECONDS:
    'seconds (0-3600) to answer 503 after the key is revoked before exiting (default 30)',
  INSTANCE_ID: 'at most 128 characters naming this agent in the console (default random)',
  AGENT_WORKERS:
    'a whole number 1-64 of worker processes serving requests (default: one per CPU core the agent may use; 1 runs everything in one process)',
  LISTEN_HOST:
    'an IP address of this machine to serve the application and admin ports on (default: every interface)',
} as const;

const ZEnv = z.object({
  PROVISIONING_KEY: z.string().regex(/^ghk_[A-Za-z0-9_-]{8,}$/, 'is not a provisioning key'),
  PROVISIONING_SECRET: z.string().regex(/^ghs_[A-Za-z0-9_-]{16,}$/, 'is not a provisioning secret'),
  CONSOLE_URL: z.url({ protocol: /^https?$/, error: 'is not an http(s) URL' }),
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: 'is not a redis URL' }).optional()),
  STATE_DIR: optional(z.string().default('.gatehouse/agent')),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: 'is not a log level' }).default('info')),
  ADMIN_PORT: optional(
    z.coerce.number({ error: 'is not a number' }).int().min(0).max(65535).default(9773),
  ),
  AGENT_REVOKED_GRACE_SECONDS: optional(
    z.coerce.number({ error: 'is not a number' }).min(0).max(3600).default(30),
  ),
  INSTANCE_ID: optional(z.string().max(128).optional()),
  AGENT_WORKERS: optional(
    z.coerce.number({ error: 'is not a number' }).int().min(1).max(64).optional(),
  ),
  LISTEN_HOST: optional(
    z.union([z.ipv4(), z.ipv6()], { error: 'is not an IP address' }).optional(),
  ),
});

export interface AgentEnv {
  provisioningKey: string;
  provisioningSecret: string;
  /** Without a trailing slash, so paths append cleanly. */
  consoleUrl: string;
  redisUrl: string | undefined;
  /** Absolute. */
  stateDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  adminPort: number;
  revokedGraceSeconds: number;
  instanceId: string | undefined;
  /** Worker processes; undefined: one per usable core (see countUsableCores). */
  workers: number | undefined;
  /**
   * The address the ports listen on; undefined is every interface. One address per replica lets
   * several agents share a host and its ports (the security suite's two replicas do).
   */
  listenHost?: string | undefined;
}

export interface EnvProblem {
  variable: string;
  message: string;
}

export type EnvResult = { ok: true; env: AgentEnv } | { ok: false; problems: EnvProblem[] };

/** Validates every variable at once, so an operator fixes them all in one go. */
export function parseEnv(source: Record<string, string | undefined>): EnvResult {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const problems = new Map<string, EnvProblem>();
    for (const issue of parsed.error.issues) {
      const variable = String(issue.path[0] ?? '');
      if (problems.has(variable)) continue;
      // Never echo the value: it may be the secret.
      const stated = unsetWhenEmpty(source[variable]) === undefined ? 'is not set' : issue.message;
      const expected = EXPECTED[variable as keyof typeof EXPECTED];
      problems.set(variable, { variable, message: `${stated}; expected ${expected}` });
    }
    return { ok: false, problems: [...problems.values()] };
  }
  const env = parsed.data;
  return {
    ok: true,
    env: {
      provisioningKey: env.PROVISIONING_KEY,
      provisioningSecret: env.PROVISIONING_SECRET,
      consoleUrl: env.CONSOLE_URL.replace(/\/+$/, ''),
      redisUrl: env.REDIS_URL,
      stateDir: resolve(env.STATE_DIR),
      logLevel: env.LOG_LEVEL,
      adminPort: env.ADMIN_PORT,
      revokedGraceSeconds: env.AGENT_REVOKED_GRACE_SECONDS,
      instanceId: env.INSTANCE_ID,
      workers: env.AGENT_WORKERS,
      listenHost: env.LISTEN_HOST,
    },
  };
}

export function formatEnvProblems(problems: readonly EnvProblem[]): string {
  return [
    'The Gatehouse agent cannot start: its environment is invalid.',
    ...problems.map((problem) => `  ${problem.variable} ${problem.message}`),
    'Set these variables (docker-compose "environment:", Helm values) and start the agent again.',
  ].join('\n');
}

/** For main.ts: the environment, or one message on stderr naming every bad variable and exit. */
export function loadEnv(source: Record<string, string | undefined> = process.env): AgentEnv {
  const result = parseEnv(source);
  if (result.ok) return result.env;
  console.error(formatEnvProblems(result.problems));
  process.exit(EXIT_INVALID_ENVIRONMENT);
}
