import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertReachable } from './server-account';

// An account that owns nothing on this machine: only the "other" permission bits apply to it.
const stranger = { name: 'stranger', uid: 4_000_001, gid: 4_000_001 };
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gatehouse-reachable-'));
  await chmod(root, 0o755);
  await mkdir(join(root, 'open', 'inner'), { recursive: true });
  await mkdir(join(root, 'private', 'inner'), { recursive: true });
  await chmod(join(root, 'private'), 0o700);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('assertReachable', () => {
  it('accepts a path whose every ancestor others may enter', async () => {
    await expect(assertReachable(stranger, join(root, 'open', 'inner', 'postgres'))).resolves.toBe(
      undefined,
    );
  });

  it('names the directory that blocks the account, like a checkout under /root', async () => {
    await expect(
      assertReachable(stranger, join(root, 'private', 'inner', 'postgres')),
    ).rejects.toThrow(`cannot enter ${join(root, 'private')} (mode 700)`);
  });
});
