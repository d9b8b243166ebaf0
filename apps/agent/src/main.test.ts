import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT_INVALID_ENVIRONMENT } from './exit-codes';
import { findFreePort, pollUntil, probe } from './control/testing/http-probe';

const agentDir = fileURLToPath(new URL('..', import.meta.url));

interface Exit {
  code: number | null;
  stderr: string;
  stdout: string;
}

/** `tsx src/main.ts` as operators run it, with exactly `env` (plus PATH). */
function runMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: agentDir,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, exited };
}

describe('main.ts', () => {
  it('exits non-zero on a bad environment with one message naming each bad variable', async () => {
    const { exited } = runMain({
      PROVISIONING_KEY: 'not-a-key',
      CONSOLE_URL: 'ftp://console.example.com',
      ADMIN_PORT: 'ninety',
    });
    const { code, stderr } = await exited;
    expect(code).toBe(EXIT_INVALID_ENVIRONMENT);
    expect(stderr).toContain('The Gatehouse agent cannot start: its environment is invalid.');
    for (const variable of [
      'PROVISIONING_KEY is not a provisioning key',
      'PROVISIONING_SECRET is not set',
      'CONSOLE_URL is not an http(s) URL',
      'ADMIN_PORT is not a number',
    ]) {
      expect(stderr).toContain(variable);
    }
  }, 20_000);

  it('runs with the console unreachable, answers probes, and stops cleanly on SIGTERM', async () => {
    const [adminPort, consolePort] = [await findFreePort(), await findFreePort()];
    const { child, exited } = runMain({
      PROVISIONING_KEY: 'ghk_maintest0001',
      PROVISIONING_SECRET: 'ghs_main-test-secret-0123456789',
      CONSOLE_URL: `http://127.0.0.1:${consolePort}`,
      ADMIN_PORT: String(adminPort),
      STATE_DIR: join(tmpdir(), `gatehouse-main-test-${process.pid}`),
      LOG_LEVEL: 'warn',
    });
    try {
      const health = await pollUntil(
        () => probe(`http://127.0.0.1:${adminPort}/healthz`),
        (response) => response.status === 200,
        15_000,
      );
      expect(health.body).toBe('ok\n');
      expect((await probe(`http://127.0.0.1:${adminPort}/readyz`)).status).toBe(503);
    } finally {
      child.kill('SIGTERM');
    }
    const { code, stdout } = await exited;
    expect(code).toBe(0);
    expect(stdout).toContain('configuration pull failed');
  }, 20_000);
});
