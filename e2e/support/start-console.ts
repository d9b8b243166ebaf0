import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { inheritedEnv } from './env';
import { findFreePort } from './free-port';
import { CONSOLE_DIR, NEXT_BIN, RESULTS_DIR } from './paths';

export interface RunningConsole {
  url: string;
  stop(): Promise<void>;
}

export interface ConsoleSecrets {
  databaseUrl: string;
  encryptionKey: string;
  authSecret: string;
}

/**
 * `next start` of the built console on a free loopback port, configured like production (no dev
 * mode: every secret given). Its output goes to test-results/console.log.
 */
export async function startConsole(secrets: ConsoleSecrets): Promise<RunningConsole> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  await mkdir(RESULTS_DIR, { recursive: true });
  const log = createWriteStream(join(RESULTS_DIR, 'console.log'), { flags: 'a' });
  const child = spawn(
    process.execPath,
    [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: CONSOLE_DIR,
      env: inheritedEnv({
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URL: secrets.databaseUrl,
        GATEHOUSE_ENCRYPTION_KEY: secrets.encryptionKey,
        NEXTAUTH_SECRET: secrets.authSecret,
        GATEHOUSE_PUBLIC_URL: url,
        NEXTAUTH_URL: url,
        GATEHOUSE_DEV_MODE: '',
        GATEHOUSE_BOOTSTRAP_EMAIL: '',
        GATEHOUSE_BOOTSTRAP_PASSWORD: '',
        GATEHOUSE_BOOTSTRAP_TOKEN: '',
        GATEHOUSE_OIDC_ISSUER: '',
        GATEHOUSE_OIDC_CLIENT_ID: '',
        GATEHOUSE_OIDC_CLIENT_SECRET: '',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  await waitUntilServing(url, child);
  return { url, stop: () => stopChild(child) };
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `The console exited with ${child.exitCode}; see e2e/test-results/console.log.`,
      );
    }
    try {
      const response = await fetch(`${url}/sign-in`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await delay(250);
  }
  await stopChild(child);
  throw new Error('The console did not answer within 120 s; see e2e/test-results/console.log.');
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
