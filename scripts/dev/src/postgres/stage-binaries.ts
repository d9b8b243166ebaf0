import { cp, lstat, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { PostgresBinaries } from './locate-binaries';
import { findBlockingDirectory, type ServerAccount } from './server-account';

/**
 * The binaries where `account` can run them. Usually where pnpm installed them; but a checkout
 * under a private directory such as /root hides them from the server's account, so then they are
 * copied once (about 60 MB) to a world-readable cache in the temporary directory.
 */
export async function stageBinaries(
  binaries: PostgresBinaries,
  account: ServerAccount,
): Promise<PostgresBinaries> {
  if (!(await findBlockingDirectory(account, binaries.postgres))) return binaries;
  const { name, version } = JSON.parse(
    await readFile(join(binaries.packageDir, 'package.json'), 'utf8'),
  ) as { name: string; version: string };
  const staged = join(tmpdir(), `gatehouse-${name.replace(/[@/]/g, '_')}-${version}`);
  const relocate = (path: string) => join(staged, relative(binaries.packageDir, path));
  const result = {
    packageDir: staged,
    initdb: relocate(binaries.initdb),
    postgres: relocate(binaries.postgres),
  };
  if (await isTrustedDirectory(staged)) return result;
  // Copied under a temporary name and renamed, so a half-finished copy is never used.
  const partial = `${staged}.${process.pid}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true, mode: 0o755 });
  await cp(join(binaries.packageDir, 'native'), join(partial, 'native'), {
    recursive: true,
    verbatimSymlinks: true,
  });
  await rename(partial, staged).catch(async (error: NodeJS.ErrnoException) => {
    // A concurrent start staged them first.
    await rm(partial, { recursive: true, force: true });
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  });
  return result;
}

/**
 * The temporary directory is shared with every local user: use a staged copy only if this
 * process's user made it and nobody else can write to it, or another user could plant binaries.
 */
async function isTrustedDirectory(path: string): Promise<boolean> {
  const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!info) return false;
  if (!info.isDirectory() || info.uid !== process.getuid?.() || (info.mode & 0o022) !== 0) {
    throw new Error(
      `${path} exists but was not made by this user or is writable by others; remove it ` +
        '(it should hold a copy of the embedded PostgreSQL binaries) and start again.',
    );
  }
  return true;
}
