import { mkdir, mkdtemp, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { linkSharedLibraries } from './link-shared-libraries';

let packageDir: string | undefined;

afterEach(async () => {
  if (packageDir) await rm(packageDir, { recursive: true, force: true });
});

describe('linkSharedLibraries', () => {
  it('creates the sonames the loader looks for, relative, and tolerates a second run', async () => {
    packageDir = await mkdtemp(join(tmpdir(), 'gatehouse-pg-links-'));
    await mkdir(join(packageDir, 'native', 'lib'), { recursive: true });
    await writeFile(join(packageDir, 'native', 'lib', 'libicuuc.so.60.2'), 'the library');
    await writeFile(
      join(packageDir, 'native', 'pg-symlinks.json'),
      JSON.stringify([
        { source: 'native/lib/libicuuc.so.60.2', target: 'native/lib/libicuuc.so.60' },
        { source: 'native/lib/libicuuc.so.60.2', target: 'native/lib/libicuuc.so' },
      ]),
    );

    await linkSharedLibraries(packageDir);
    await linkSharedLibraries(packageDir);

    for (const name of ['libicuuc.so.60', 'libicuuc.so']) {
      const link = join(packageDir, 'native', 'lib', name);
      expect(await readlink(link)).toBe('libicuuc.so.60.2');
      expect(await readFile(link, 'utf8')).toBe('the library');
    }
  });

  it('does nothing for a build without a link list', async () => {
    packageDir = await mkdtemp(join(tmpdir(), 'gatehouse-pg-links-'));
    await expect(linkSharedLibraries(packageDir)).resolves.toBe(undefined);
  });
});
