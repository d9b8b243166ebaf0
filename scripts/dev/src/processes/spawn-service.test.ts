import { afterEach, describe, expect, it } from 'vitest';
import { createDevLog } from '../log/dev-log';
import { spawnService, type Service } from './spawn-service';
import { waitUntilReady } from './wait-until-ready';

const lines: string[] = [];
const log = createDevLog((text) => lines.push(text));
let service: Service | undefined;

afterEach(async () => {
  await service?.stop();
  service = undefined;
  lines.length = 0;
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A service that starts a helper in its group, as `next dev` starts its server process.
// It reports the helper only once its signal handling is in place.
const WITH_HELPER = `
  IGNORE_TERM;
  const { spawn } = require('node:child_process');
  const helper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  console.log('helper ' + helper.pid);
  setInterval(() => {}, 1000);
`;

function start(ignoreTerm: boolean): Service {
  const script = WITH_HELPER.replace(
    'IGNORE_TERM',
    ignoreTerm ? "process.on('SIGTERM', () => console.log('ignoring SIGTERM'))" : '',
  );
  return spawnService({
    name: 'sample',
    args: ['-e', script],
    cwd: process.cwd(),
    env: { PATH: process.env.PATH },
    log,
    stopTimeoutMs: 1_000,
  });
}

async function helperPid(running: Service): Promise<number> {
  let pid: number | undefined;
  await waitUntilReady(running, {
    probe: () => {
      pid = Number(/helper (\d+)/.exec(lines.join(''))?.[1]) || undefined;
      return Promise.resolve(pid !== undefined);
    },
    timeoutMs: 30_000,
    hint: '',
    signal: new AbortController().signal,
  });
  return pid ?? 0;
}

describe('spawnService', () => {
  it('prefixes its output and stops it with everything it started', async () => {
    service = start(false);
    const helper = await helperPid(service);
    expect(lines.some((line) => line.startsWith('sample   | helper '))).toBe(true);
    expect(service.wanted).toBe(true);

    expect(await service.stop()).toEqual({ code: null, signal: 'SIGTERM' });
    expect(service.wanted).toBe(false);
    expect(isAlive(service.pid)).toBe(false);
    expect(isAlive(helper)).toBe(false);
  });

  it('kills a service that ignores SIGTERM once the stop timeout has passed', async () => {
    service = start(true);
    await helperPid(service);
    expect(await service.stop()).toEqual({ code: null, signal: 'SIGKILL' });
    expect(lines.join('')).toContain('ignoring SIGTERM');
  });

  it('reports an exit while starting with the last lines it printed', async () => {
    service = spawnService({
      name: 'broken',
      args: ['-e', "console.error('cannot bind port 1234'); process.exit(3)"],
      cwd: process.cwd(),
      env: { PATH: process.env.PATH },
      log,
    });
    await expect(
      waitUntilReady(service, {
        probe: () => Promise.resolve(false),
        timeoutMs: 30_000,
        hint: '',
        signal: new AbortController().signal,
      }),
    ).rejects.toThrow(/broken exited \(exit code 3\) while starting[^]*cannot bind port 1234/);
  });
});
