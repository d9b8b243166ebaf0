import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inheritedEnv } from './env';
import { CONSOLE_DIR, NEXT_BIN, REPO_ROOT } from './paths';

// Everything that ends up in the console's build: its own sources and the workspace packages
// Next compiles into it. Tests are left out; they do not change the build.
const INPUTS = [
  join(CONSOLE_DIR, 'app'),
  join(CONSOLE_DIR, 'src'),
  join(CONSOLE_DIR, 'instrumentation.ts'),
  join(CONSOLE_DIR, 'next.config.ts'),
  join(CONSOLE_DIR, 'postcss.config.mjs'),
  join(CONSOLE_DIR, 'package.json'),
  join(REPO_ROOT, 'packages/contract/src'),
  join(REPO_ROOT, 'packages/db/src'),
  join(REPO_ROOT, 'pnpm-lock.yaml'),
];
const STAMP = join(CONSOLE_DIR, '.next', 'e2e-build-stamp');

/**
 * `next build` when the console's sources differ from the last build's (a stamp of their
 * content beside the build), so a rerun without changes starts at once.
 */
export async function ensureConsoleBuild(options: { skip: boolean }): Promise<'built' | 'fresh'> {
  const digest = await hashInputs();
  const built = existsSync(join(CONSOLE_DIR, '.next', 'BUILD_ID'));
  if (built && (options.skip || (await readStamp()) === digest)) return 'fresh';
  await runNextBuild();
  await writeFile(STAMP, digest);
  return 'built';
}

async function readStamp(): Promise<string | null> {
  try {
    return await readFile(STAMP, 'utf8');
  } catch {
    return null;
  }
}

async function hashInputs(): Promise<string> {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of await listFiles(input)) {
      hash
        .update(`${file}\0`)
        .update(await readFile(file))
        .update('\0');
    }
  }
  return hash.digest('hex');
}

async function listFiles(path: string): Promise<string[]> {
  if (!existsSync(path)) return [];
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function runNextBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, 'build'], {
      cwd: CONSOLE_DIR,
      env: inheritedEnv({
        NEXT_TELEMETRY_DISABLED: '1',
        NODE_ENV: 'production',
        GATEHOUSE_SKIP_BUILD_TYPECHECK: '1',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`next build failed (exit ${code}):\n${output}`));
    });
  });
}
