import { readFile, symlink } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';

interface LinkEntry {
  source: string;
  target: string;
}

/**
 * Recreates the shared-library symlinks (`libicuuc.so.60` → `libicuuc.so.60.2`) that npm tarballs
 * cannot carry. The binaries package would do this in a postinstall script, but the workspace
 * denies dependency install scripts (pnpm-workspace.yaml), so it happens here, once, before the
 * first start. Idempotent; safe to run concurrently.
 */
export async function linkSharedLibraries(packageDir: string): Promise<void> {
  const listFile = join(packageDir, 'native', 'pg-symlinks.json');
  let entries: LinkEntry[];
  try {
    entries = JSON.parse(await readFile(listFile, 'utf8')) as LinkEntry[];
  } catch (error) {
    // Builds without a list (macOS packages ship real files) need no links.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const { source, target } of entries) {
    const linkPath = join(packageDir, target);
    // Relative, so the link survives the package directory being moved.
    const linkValue = relative(dirname(linkPath), join(packageDir, source));
    try {
      await symlink(linkValue, linkPath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Already there: linked by an earlier start, a concurrent one, or the postinstall script.
      if (code === 'EEXIST') continue;
      throw new Error(
        `Could not link ${basename(linkPath)} in ${dirname(linkPath)} (${code ?? String(error)}); ` +
          'the embedded PostgreSQL needs write access to its package directory once.',
        { cause: error },
      );
    }
  }
}
