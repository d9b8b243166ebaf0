// main.ts's refusals, which must come before anything starts. The whole stack running and stopping
// is dev.integration.test.ts.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { readdir, rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createDataDir, pickDevPorts } from './testing/run-dev-runner';

const packageDir = new URL('..', import.meta.url);
const cleanUps: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0)) await cleanUp();
});

function runMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: packageDir,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  );
}

describe('main.ts', () => {
  it('names every invalid variable and starts nothing', async () => {
    const { code, output } = await runMain({
      DEV_CONSOLE_PORT: 'three thousand',
      DATABASE_URL: 'mysql://localhost/gatehouse',
      GATEHOUSE_BOOTSTRAP_TOKEN: 'ght_short',
    });
    expect(code).toBe(1);
    expect(output).toContain("The dev runner's environment is invalid");
    for (const variable of ['DEV_CONSOLE_PORT', 'DATABASE_URL', 'GATEHOUSE_BOOTSTRAP_TOKEN']) {
      expect(output).toContain(variable);
    }
  });

  it('refuses taken ports up front, naming the variable that moves each', async () => {
    const dataDir = await createDataDir();
    cleanUps.push(() => rm(dataDir, { recursive: true, force: true }));
    const ports = await pickDevPorts();
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(ports.console, '127.0.0.1', resolve));
    cleanUps.push(() => new Promise((resolve) => server.close(resolve)));

    const { code, output } = await runMain({
      DATA_DIR: dataDir,
      DEV_POSTGRES_PORT: String(ports.postgres),
      DEV_CONSOLE_PORT: String(ports.console),
      DEV_IDP_PORT: String(ports.idp),
      DEMO_UPSTREAM_PORT: String(ports.upstream),
      DEV_AGENT_PORT: String(ports.upstream), // the same port twice
      DEV_AGENT_ADMIN_PORT: String(ports.agentAdmin),
    });
    expect(code).toBe(1);
    expect(output).toContain(`${ports.console} is in use (console; set DEV_CONSOLE_PORT)`);
    expect(output).toContain(`${ports.upstream} is given twice (agent; set DEV_AGENT_PORT)`);
    // Refused before the first step: no database was created.
    expect(await readdir(dataDir)).toEqual([]);
  });
});
