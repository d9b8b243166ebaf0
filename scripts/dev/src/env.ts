// The dev runner's whole environment, read and validated once (nothing else reads process.env).
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

// `FOO=` in a shell or an .env file means "not set", not an empty value.
const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetWhenEmpty, schema);

const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const ZEnv = z.object({
  DATABASE_URL: optional(
    z.url({ protocol: /^postgres(ql)?$/, error: 'is not a postgresql:// URL' }).optional(),
  ),
  DATA_DIR: optional(z.string().optional()),
  DEV_POSTGRES_PORT: optional(z.coerce.number().int().min(1).max(65535).default(54329)),
  // Where the person ran `pnpm …` (pnpm sets it); relative DATA_DIR values are resolved from there.
  INIT_CWD: optional(z.string().optional()),
});

export interface DevEnv {
  /** Unset: the dev runner starts the embedded PostgreSQL. */
  databaseUrl: string | undefined;
  /** Absolute; all local state lives below it (default `.gatehouse/` at the repository root). */
  dataDir: string;
  postgresPort: number;
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): DevEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    throw new Error(`The dev runner's environment is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  const env = parsed.data;
  const base = env.INIT_CWD ?? process.cwd();
  return {
    databaseUrl: env.DATABASE_URL,
    dataDir:
      env.DATA_DIR === undefined
        ? resolve(REPOSITORY_ROOT, '.gatehouse')
        : isAbsolute(env.DATA_DIR)
          ? env.DATA_DIR
          : resolve(base, env.DATA_DIR),
    postgresPort: env.DEV_POSTGRES_PORT,
  };
}
