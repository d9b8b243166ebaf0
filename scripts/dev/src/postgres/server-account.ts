import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { dirname, parse } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The operating-system account PostgreSQL runs as when this process is root. */
export interface ServerAccount {
  name: string;
  uid: number;
  gid: number;
}

// PostgreSQL refuses to run as root (initdb and postgres both exit), so as root we run them as a
// dedicated system account without a login shell or home; a shared one such as `nobody` would let
// every daemon running as `nobody` read the database files.
export const SERVER_ACCOUNT_NAME = 'gatehouse';

/** Undefined when not root: PostgreSQL then runs as the current user. */
export async function ensureServerAccount(): Promise<ServerAccount | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = await findAccount(SERVER_ACCOUNT_NAME);
  if (existing) return existing;
  try {
    await run('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--home-dir',
      '/nonexistent',
      '--shell',
      '/usr/sbin/nologin',
      SERVER_ACCOUNT_NAME,
    ]);
  } catch (error) {
    // A concurrent start may have created it between the lookup and useradd.
    const created = await findAccount(SERVER_ACCOUNT_NAME);
    if (created) return created;
    throw new Error(
      `Running as root, the embedded PostgreSQL needs the system user "${SERVER_ACCOUNT_NAME}", ` +
        `and creating it failed (${String(error)}). Create it yourself ` +
        `(useradd --system --user-group ${SERVER_ACCOUNT_NAME}), run as a normal user, ` +
        'or set DATABASE_URL.',
      { cause: error },
    );
  }
  const created = await findAccount(SERVER_ACCOUNT_NAME);
  if (!created) throw new Error(`useradd succeeded but "${SERVER_ACCOUNT_NAME}" is not found.`);
  return created;
}

async function findAccount(name: string): Promise<ServerAccount | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/**
 * The outermost directory on the way to `path` that `account` may not enter (no search
 * permission), or undefined when it can reach `path`.
 */
export async function findBlockingDirectory(
  account: ServerAccount,
  path: string,
): Promise<{ directory: string; mode: number } | undefined> {
  const ancestors: string[] = [];
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    ancestors.unshift(dir);
    if (dir === parse(path).root) break;
  }
  for (const directory of ancestors) {
    const info = await stat(directory);
    const bit = info.uid === account.uid ? 0o100 : info.gid === account.gid ? 0o010 : 0o001;
    if ((info.mode & bit) === 0) return { directory, mode: info.mode & 0o777 };
  }
  return undefined;
}

/**
 * Throws, naming the directory in the way, unless `account` can reach `path`. Checked up front
 * because initdb would otherwise fail with a bare "Permission denied"; the usual cause is a
 * checkout under /root (mode 700).
 */
export async function assertReachable(account: ServerAccount, path: string): Promise<void> {
  const blocking = await findBlockingDirectory(account, path);
  if (!blocking) return;
  throw new Error(
    `The embedded PostgreSQL runs as user "${account.name}" (PostgreSQL refuses root), and ` +
      `that user cannot enter ${blocking.directory} (mode ${blocking.mode.toString(8)}) on the ` +
      `way to ${path}. Set DATA_DIR to a directory outside it, run as a normal user, or set ` +
      'DATABASE_URL.',
  );
}
