// The console's environment, read and validated here only (the workspace lint forbids
// process.env elsewhere). Parsed on first use, not at import: `next build` imports route modules
// without runtime secrets, while instrumentation.ts calls getEnv() at server start so a missing or
// invalid variable stops the server before it answers anything.
import { createHash } from 'node:crypto';
import { z } from 'zod';

const ZFlag = z
  .enum(['1', 'true', 'yes', '0', 'false', 'no', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const ZOptionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const ZRawEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  GATEHOUSE_DEV_MODE: ZFlag,
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .optional(),
  GATEHOUSE_ENCRYPTION_KEY: ZOptionalText,
  NEXTAUTH_SECRET: ZOptionalText,
  AUTH_SECRET: ZOptionalText,
  NEXTAUTH_URL: ZOptionalText.pipe(z.url().optional()),
  GATEHOUSE_PUBLIC_URL: ZOptionalText.pipe(z.url().optional()),
  GATEHOUSE_BOOTSTRAP_EMAIL: ZOptionalText.pipe(z.email().optional()),
  // At least 12 characters, except in dev mode (checked in parseBootstrap), where `pnpm dev`
  // gives the demo owner the published password `password`.
  GATEHOUSE_BOOTSTRAP_PASSWORD: ZOptionalText,
  GATEHOUSE_BOOTSTRAP_TOKEN: ZOptionalText.pipe(
    z
      .string()
      .regex(/^ght_[A-Za-z0-9_-]{32,}$/, 'must be "ght_" followed by at least 32 random characters')
      .optional(),
  ),
  GATEHOUSE_OIDC_ISSUER: ZOptionalText.pipe(z.url().optional()),
  GATEHOUSE_OIDC_CLIENT_ID: ZOptionalText,
  GATEHOUSE_OIDC_CLIENT_SECRET: ZOptionalText,
  GATEHOUSE_OIDC_NAME: ZOptionalText,
});

export interface ConsoleEnv {
  devMode: boolean;
  databaseUrl: string;
  /** 32 bytes; AES-256-GCM key for secrets at rest. */
  encryptionKey: Buffer;
  /** next-auth's secret for its session JWTs. */
  authSecret: string;
  /** The origin users reach the console at; same-origin checks and cookie names follow it. */
  publicUrl: URL;
  bootstrap: { email: string; password: string; token: string | undefined } | undefined;
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | undefined;
}

let cached: ConsoleEnv | undefined;

export function getEnv(): ConsoleEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

export function parseEnv(source: Record<string, string | undefined>): ConsoleEnv {
  const result = ZRawEnv.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`The console's environment is invalid:\n${lines.join('\n')}`);
  }
  const raw = result.data;
  const devMode = raw.GATEHOUSE_DEV_MODE || raw.NODE_ENV === 'development';
  const publicUrl = new URL(
    raw.GATEHOUSE_PUBLIC_URL ?? raw.NEXTAUTH_URL ?? requireInDev(devMode, 'GATEHOUSE_PUBLIC_URL'),
  );
  // next-auth builds its callback URLs from NEXTAUTH_URL; keep the two in step.
  source.NEXTAUTH_URL ??= publicUrl.origin;
  return {
    devMode,
    databaseUrl: raw.DATABASE_URL ?? requireInDevOr(devMode, 'DATABASE_URL', DEV_DATABASE_URL),
    encryptionKey: resolveEncryptionKey(raw.GATEHOUSE_ENCRYPTION_KEY, devMode),
    authSecret: resolveAuthSecret(raw.NEXTAUTH_SECRET ?? raw.AUTH_SECRET, devMode),
    publicUrl,
    bootstrap: parseBootstrap(raw, devMode),
    oidc: parseOidc(raw),
  };
}

// `pnpm dev` works on a fresh checkout against the local PostgreSQL the tests use.
const DEV_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/gatehouse_dev';

function requireInDev(devMode: boolean, name: string): string {
  if (devMode) return 'http://localhost:3000';
  throw new Error(`${name} (or NEXTAUTH_URL) is required: the URL users open the console at.`);
}

function requireInDevOr(devMode: boolean, name: string, fallback: string): string {
  if (devMode) return fallback;
  throw new Error(`${name} is required, e.g. postgresql://user:password@host:5432/gatehouse`);
}

/** Accepts 32 bytes as base64, base64url or hex (`openssl rand -base64 32`). */
export function decodeEncryptionKey(text: string): Buffer | undefined {
  const candidates = [
    /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : undefined,
    /^[A-Za-z0-9+/]{43}=?$/.test(text) ? Buffer.from(text, 'base64') : undefined,
    /^[A-Za-z0-9_-]{43}$/.test(text) ? Buffer.from(text, 'base64url') : undefined,
  ];
  return candidates.find((key) => key?.length === 32);
}

function resolveEncryptionKey(text: string | undefined, devMode: boolean): Buffer {
  if (text !== undefined) {
    const key = decodeEncryptionKey(text);
    if (key) return key;
    throw new Error(
      'GATEHOUSE_ENCRYPTION_KEY must be 32 random bytes as base64, base64url or hex; ' +
        'create one with `openssl rand -base64 32`.',
    );
  }
  if (!devMode) {
    throw new Error(
      'GATEHOUSE_ENCRYPTION_KEY is required: it encrypts identity-provider secrets and agent ' +
        'keys at rest. Create one with `openssl rand -base64 32` and keep it safe.',
    );
  }
  warnLoudly(
    'GATEHOUSE_ENCRYPTION_KEY is not set: using a fixed development key. Secrets stored now are ' +
      'readable by anyone with this source code. Never run like this in production.',
  );
  return createHash('sha256').update('gatehouse development encryption key').digest();
}

function resolveAuthSecret(secret: string | undefined, devMode: boolean): string {
  if (secret !== undefined) {
    if (secret.length < 32) throw new Error('NEXTAUTH_SECRET must be at least 32 characters.');
    return secret;
  }
  if (!devMode) {
    throw new Error(
      'NEXTAUTH_SECRET (or AUTH_SECRET) is required: it protects sign-in sessions. ' +
        'Create one with `openssl rand -base64 32`.',
    );
  }
  warnLoudly('NEXTAUTH_SECRET is not set: using a fixed development secret for sessions.');
  return 'gatehouse-development-session-secret-not-for-production';
}

const MIN_BOOTSTRAP_PASSWORD_LENGTH = 12;

function parseBootstrap(raw: z.infer<typeof ZRawEnv>, devMode: boolean): ConsoleEnv['bootstrap'] {
  const email = raw.GATEHOUSE_BOOTSTRAP_EMAIL;
  const password = raw.GATEHOUSE_BOOTSTRAP_PASSWORD;
  if (email === undefined && password === undefined) {
    if (raw.GATEHOUSE_BOOTSTRAP_TOKEN !== undefined) {
      throw new Error('GATEHOUSE_BOOTSTRAP_TOKEN needs GATEHOUSE_BOOTSTRAP_EMAIL and _PASSWORD.');
    }
    return undefined;
  }
  if (email === undefined || password === undefined) {
    throw new Error(
      'Set both GATEHOUSE_BOOTSTRAP_EMAIL and GATEHOUSE_BOOTSTRAP_PASSWORD, or none.',
    );
  }
  if (!devMode && password.length < MIN_BOOTSTRAP_PASSWORD_LENGTH) {
    throw new Error(
      `GATEHOUSE_BOOTSTRAP_PASSWORD must be at least ${MIN_BOOTSTRAP_PASSWORD_LENGTH} characters ` +
        '(shorter ones are accepted only in development mode).',
    );
  }
  return { email: email.toLowerCase(), password, token: raw.GATEHOUSE_BOOTSTRAP_TOKEN };
}

function parseOidc(raw: z.infer<typeof ZRawEnv>): ConsoleEnv['oidc'] {
  const issuer = raw.GATEHOUSE_OIDC_ISSUER;
  const clientId = raw.GATEHOUSE_OIDC_CLIENT_ID;
  const clientSecret = raw.GATEHOUSE_OIDC_CLIENT_SECRET;
  if (issuer === undefined && clientId === undefined && clientSecret === undefined) {
    return undefined;
  }
  if (issuer === undefined || clientId === undefined || clientSecret === undefined) {
    throw new Error(
      'Console sign-in with OpenID Connect needs GATEHOUSE_OIDC_ISSUER, ' +
        'GATEHOUSE_OIDC_CLIENT_ID and GATEHOUSE_OIDC_CLIENT_SECRET together.',
    );
  }
  return { issuer, clientId, clientSecret, name: raw.GATEHOUSE_OIDC_NAME ?? 'single sign-on' };
}

function warnLoudly(message: string): void {
  console.warn(`\n${'!'.repeat(78)}\n!! ${message}\n${'!'.repeat(78)}\n`);
}

/** `next build` loads server code to prerender pages; runtime checks and start-up work wait. */
export function isNextBuildPhase(): boolean {
  return process.env.NEXT_PHASE === 'phase-production-build';
}
