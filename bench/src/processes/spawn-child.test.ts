import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spawnChild } from './spawn-child';

/** Running, as opposed to gone or a zombie waiting for init to reap it. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('spawnChild', () => {
  it('stops what the child started along with it (as nginx starts its workers)', async () => {
    // A shell that leaves a grandchild behind when it is terminated, as an nginx master
    // killed outright leaves its workers.
    const child = spawnChild('shell', 'sh', ['-c', 'sleep 60 & echo "grandchild $!"; wait'], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    });
    const grandchild = Number((await child.waitFor(/grandchild (\d+)/, 5_000))[1]);
    expect(isAlive(grandchild)).toBe(true);

    await child.stop();

    // The kernel may take a moment to reap it; poll briefly rather than assert a time.
    for (let attempt = 0; attempt < 50 && isAlive(grandchild); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(isAlive(grandchild)).toBe(false);
  });
});
