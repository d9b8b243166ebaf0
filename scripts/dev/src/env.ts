// The dev runner's whole environment, read and validated once (nothing else reads process.env).
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { REPOSITORY_ROOT } from './paths';

// `FOO=` in a shell or an .env file means "not set", not an empty value.
const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetWhenEmpty, schema);
const port = (fallback: number) =>
  optional(z.coerce.number({ error: 'is not a number' }).int().min(1).max(65535).default(fallback));

const ZEnv = z.object({
  DATABASE_URL: optional(
    z.url({ protocol: /^postgres(ql)?$/, error: 'is not a postgresql:// URL' }).optional(),
  ),
  DATA_DIR: optional(z.string().optional()),
  DEV_POSTGRES_PORT: port(54329),
  DEV_CONSOLE_PORT: port(3000),
  DEV_IDP_PORT: port(3001),
  DEMO_UPSTREAM_PORT: port(8080),
  DEV_AGENT_PORT: port(9772),
  DEV_AGENT_ADMIN_PORT: port(9773),
  // The console's own variables: `pnpm dev` fills them (defaults below, generated secrets kept in
  // DATA_DIR) unless they are set, in which case they win.
  GATEHOUSE_BOOTSTRAP_EMAIL: optional(z.email().default('admin@example.com')),
  GATEHOUSE_BOOTSTRAP_PASSWORD: optional(z.string().default('password')),
  GATEHOUSE_BOOTSTRAP_TOKEN: optional(
    z
      .string()
      .regex(/^ght_[A-Za-z0-9_-]{32,}$/, 'must be "ght_" followed by at least 32 characters')
      .optional(),
  ),
  GATEHOUSE_ENCRYPTION_KEY: optional(z.string().optional()),
  NEXTAUTH_SECRET: optional(z.string().min(32).optional()),
  // Where the person ran `pnpm …` (pnpm sets it); relative DATA_DIR values are resolved from there.
  INIT_CWD: optional(z.string().optional()),
  // Set by CI (.ci/run) on machines without Prisma's native schema engine; see run-prisma.ts.
  PRISMA_SCHEMA_ENGINE_BINARY: optional(z.string().optional()),
});

export interface DevPorts {
  postgres: number;
  console: number;
  idp: number;
  upstream: number;
  /** The demo application's listen port on the agent. */
  agent: number;
  agentAdmin: number;
}

export interface DevEnv {
  /** Unset: the dev runner starts the embedded PostgreSQL. */
  databaseUrl: string | undefined;
  /** Absolute; all local state lives below it (default `.gatehouse/` at the repository root). */
  dataDir: string;
  ports: DevPorts;
  bootstrap: { email: string; password: string; token: string | undefined };
  /** Set only when the person set them; otherwise generated once and kept in DATA_DIR. */
  secrets: { encryptionKey: string | undefined; nextAuthSecret: string | undefined };
  prismaSchemaEngineBinary: string | undefined;
  /** What the child processes inherit, before the runner adds its own variables. */
  inherited: Readonly<Record<string, string | undefined>>;
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): DevEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    throw new Error(
      `The dev runner's environment is invalid:\n${z.prettifyError(parsed.error)}\n` +
        'Fix or unset these variables and run `pnpm dev` again.',
    );
  }
  const env = parsed.data;
  const base = env.INIT_CWD ?? process.cwd();
  const ports: DevPorts = {
    postgres: env.DEV_POSTGRES_PORT,
    console: env.DEV_CONSOLE_PORT,
    idp: env.DEV_IDP_PORT,
    upstream: env.DEMO_UPSTREAM_PORT,
    agent: env.DEV_AGENT_PORT,
    agentAdmin: env.DEV_AGENT_ADMIN_PORT,
  };
  return {
    databaseUrl: env.DATABASE_URL,
    dataDir:
      env.DATA_DIR === undefined
        ? resolve(REPOSITORY_ROOT, '.gatehouse')
        : isAbsolute(env.DATA_DIR)
          ? env.DATA_DIR
          : resolve(base, env.DATA_DIR),
    ports,
    bootstrap: {
      email: env.GATEHOUSE_BOOTSTRAP_EMAIL,
      password: env.GATEHOUSE_BOOTSTRAP_PASSWORD,
      token: env.GATEHOUSE_BOOTSTRAP_TOKEN,
    },
    secrets: {
      encryptionKey: env.GATEHOUSE_ENCRYPTION_KEY,
      nextAuthSecret: env.NEXTAUTH_SECRET,
    },
    prismaSchemaEngineBinary: env.PRISMA_SCHEMA_ENGINE_BINARY,
    inherited: { ...source },
  };
}
