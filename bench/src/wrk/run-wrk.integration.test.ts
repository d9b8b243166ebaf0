import { spawnSync } from 'node:child_process';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runWrk } from './run-wrk';

// wrk comes from Debian and `pnpm bench` installs it; where it is missing there is nothing to run.
const hasWrk = spawnSync('sh', ['-c', 'command -v wrk'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!hasWrk)('runWrk', () => {
  it('sends every header of the script, brackets and quotes included', async () => {
    let seen: IncomingHttpHeaders | undefined;
    const server = createServer((req, res) => {
      seen ??= req.headers;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const report = await runWrk({
        url: `http://127.0.0.1:${port}/`,
        headers: { Cookie: 'a=1; b="x]]y"', 'X-Probe': 'yes' },
        threads: 1,
        connections: 1,
        durationSeconds: 1,
      });
      expect(report.requests).toBeGreaterThan(0);
      expect(seen?.cookie).toBe('a=1; b="x]]y"');
      expect(seen?.['x-probe']).toBe('yes');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 20_000);
});
