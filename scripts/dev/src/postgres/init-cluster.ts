import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PostgresBinaries } from './locate-binaries';
import { LogTail } from '../processes/log-tail';
import type { ServerAccount } from './server-account';

export const SUPERUSER = 'postgres';

// Kept beside the cluster so a second start can connect; PostgreSQL ignores unknown files in its
// data directory, and the directory is private to the server's account (mode 700).
const PASSWORD_FILE = 'gatehouse-password';

/**
 * Runs initdb into an empty `dataDir` with a random superuser password: loopback connections
 * need it (scram-sha-256), so other local users of a shared machine cannot read the dev database.
 */
export async function initCluster(options: {
  binaries: PostgresBinaries;
  dataDir: string;
  account: ServerAccount | undefined;
  onLog: ((line: string) => void) | undefined;
}): Promise<void> {
  const password = randomBytes(24).toString('base64url');
  // initdb reads the password from a file the server's account can read; it exists only while
  // initdb runs. (Not /dev/stdin: Node's stdio pipes are sockets, which initdb cannot open.)
  const passwordDir = await mkdtemp(join(tmpdir(), 'gatehouse-initdb-'));
  const passwordFile = join(passwordDir, 'password');
  try {
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (options.account) {
      await chown(passwordDir, options.account.uid, options.account.gid);
      await chown(passwordFile, options.account.uid, options.account.gid);
    }
    await runInitdb(options, passwordFile);
  } finally {
    await rm(passwordDir, { recursive: true, force: true });
  }
  await writeFile(join(options.dataDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
}

async function runInitdb(
  options: Parameters<typeof initCluster>[0],
  passwordFile: string,
): Promise<void> {
  const tail = new LogTail(options.onLog);
  const child = spawn(
    options.binaries.initdb,
    [
      `--pgdata=${options.dataDir}`,
      `--username=${SUPERUSER}`,
      '--auth=scram-sha-256',
      `--pwfile=${passwordFile}`,
      // The C locale with UTF-8 behaves the same on every machine, whatever locales it has.
      '--no-locale',
      '--encoding=UTF8',
      '--no-instructions',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.account && { uid: options.account.uid, gid: options.account.gid }),
    },
  );
  tail.follow(child.stdout);
  tail.follow(child.stderr);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) {
    throw new Error(
      `initdb failed (exit ${code}) for ${options.dataDir}:\n${tail.text()}\n` +
        'Fix the cause above and start again; initdb removed what it had written.',
    );
  }
}

export async function readClusterPassword(dataDir: string): Promise<string> {
  try {
    return (await readFile(join(dataDir, PASSWORD_FILE), 'utf8')).trim();
  } catch (error) {
    throw new Error(
      `${dataDir} holds a PostgreSQL cluster but not its ${PASSWORD_FILE} file ` +
        `(${(error as NodeJS.ErrnoException).code ?? String(error)}), so Gatehouse cannot ` +
        'connect to it. Delete the directory to start with an empty database, or set DATABASE_URL.',
      { cause: error },
    );
  }
}
