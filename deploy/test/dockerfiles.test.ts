// The Dockerfiles in apps/*/, checked without a Docker engine: what they copy exists and reaches
// the build context, the workspace packages each app needs are copied, and the tool versions
// they pin match the workspace's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AppName } from './support/app-env';
import {
  isIgnored,
  parseDockerfile,
  readArgDefaults,
  readContextCopies,
  type Instruction,
} from './support/dockerfile';
import { exists, parseYamlDocuments, readText, repositoryPath } from './support/repository';

const APPS: AppName[] = ['agent', 'console', 'demo-upstream', 'dev-idp'];
const dockerignore = readText('.dockerignore');
// pnpm 12 writes two documents: the pnpm version's own lock, then the workspace's.
const lockfile = parseYamlDocuments(readText('pnpm-lock.yaml')).at(-1) as {
  importers: Record<string, Record<string, Record<string, { version: string }> | undefined>>;
};

function readDockerfile(app: AppName): Instruction[] {
  return parseDockerfile(readText(`apps/${app}/Dockerfile`));
}

/** The lockfile's version of a package the workspace root depends on. */
function lockedRootVersion(name: string): string {
  const root = lockfile.importers['.']!;
  const entry = root.devDependencies?.[name] ?? root.dependencies?.[name];
  if (!entry) throw new Error(`${name} is not a dependency of the workspace root`);
  return entry.version.replace(/\(.*$/, '');
}

/** Workspace packages `app` depends on, transitively (`dev`: devDependencies of `app` too). */
function workspaceDependencies(app: AppName, dev: boolean): Set<string> {
  const found = new Set<string>();
  const visit = (directory: string, includeDev: boolean) => {
    const manifest = JSON.parse(
      readFileSync(repositoryPath(directory, 'package.json'), 'utf8'),
    ) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const ranges = { ...manifest.dependencies, ...(includeDev ? manifest.devDependencies : {}) };
    for (const [name, range] of Object.entries(ranges)) {
      if (!range.startsWith('workspace:')) continue;
      const target = locateWorkspacePackage(name);
      if (found.has(target)) continue;
      found.add(target);
      visit(target, false);
    }
  };
  visit(`apps/${app}`, dev);
  return found;
}

function locateWorkspacePackage(name: string): string {
  for (const directory of Object.keys(lockfile.importers)) {
    if (directory === '.') continue;
    const manifest = JSON.parse(readText(`${directory}/package.json`)) as { name: string };
    if (manifest.name === name) return directory;
  }
  throw new Error(`workspace package ${name} not found`);
}

describe.each(APPS)('apps/%s/Dockerfile', (app) => {
  const instructions = readDockerfile(app);
  const copies = readContextCopies(instructions);
  const finalStage = Math.max(...instructions.map(({ stage }) => stage));
  const final = instructions.filter(({ stage }) => stage === finalStage);

  it('copies only files that exist and that .dockerignore lets into the context', () => {
    expect(copies.length).toBeGreaterThan(0);
    for (const source of copies) {
      const path = source.replace(/^\.\//, '').replace(/\/$/, '');
      expect({ source, exists: exists(path), ignored: isIgnored(dockerignore, path) }).toEqual({
        source,
        exists: true,
        ignored: false,
      });
    }
  });

  it('copies every workspace package the app needs (or pnpm cannot install it)', () => {
    // The console's and the agent's build stages install devDependencies too (`next build`
    // type-checks tests; the agent builds its bundle).
    const needed = workspaceDependencies(app, app === 'console' || app === 'agent');
    const copied = new Set(copies.map((source) => source.replace(/\/(package\.json)?$/, '')));
    expect([...needed].filter((directory) => !copied.has(directory))).toEqual([]);
    expect(copied.has(`apps/${app}`) || copied.has(`apps/${app}/package.json`)).toBe(true);
  });

  it('pins pnpm to the packageManager of package.json', () => {
    const packageManager = (JSON.parse(readText('package.json')) as { packageManager: string })
      .packageManager;
    expect(`pnpm@${readArgDefaults(instructions).get('PNPM_VERSION')}`).toBe(packageManager);
  });

  it('runs as a non-root numeric user, with a healthcheck', () => {
    const user = final.filter(({ keyword }) => keyword === 'USER').at(-1)?.args;
    expect(user).toMatch(/^[1-9]\d*(:\d+)?$/);
    expect(final.some(({ keyword }) => keyword === 'HEALTHCHECK')).toBe(true);
  });
});

describe('apps/agent/Dockerfile (bundle)', () => {
  const instructions = readDockerfile('agent');

  it('builds dist/main.mjs with the workspace build and runs it with plain node', () => {
    const runs = instructions.filter(({ keyword }) => keyword === 'RUN').map(({ args }) => args);
    expect(runs.some((args) => args.includes('pnpm --filter @gatehouse/agent build'))).toBe(true);
    const agentManifest = JSON.parse(readText('apps/agent/package.json')) as {
      scripts: Record<string, string>;
    };
    expect(agentManifest.scripts.start).toBe('node dist/main.mjs');
    const entrypoint = instructions.filter(({ keyword }) => keyword === 'ENTRYPOINT').at(-1);
    expect(JSON.parse(entrypoint!.args)).toEqual(['node', 'dist/main.mjs']);
  });
});

describe.each(['demo-upstream', 'dev-idp'] as const)('apps/%s/Dockerfile (tsx)', (app) => {
  const instructions = readDockerfile(app);

  it("runs TypeScript with the workspace's tsx version, through its ESM loader", () => {
    expect(readArgDefaults(instructions).get('TSX_VERSION')).toBe(lockedRootVersion('tsx'));
    const tsxManifest = JSON.parse(readText('node_modules/tsx/package.json')) as {
      exports: Record<string, unknown>;
    };
    expect(tsxManifest.exports['.']).toBe('./dist/loader.mjs');
    const entrypoint = instructions.filter(({ keyword }) => keyword === 'ENTRYPOINT').at(-1);
    expect(JSON.parse(entrypoint!.args)).toEqual([
      'node',
      '--import',
      '/opt/tsx/node_modules/tsx/dist/loader.mjs',
      'src/main.ts',
    ]);
  });
});

describe('apps/console/Dockerfile (migrations)', () => {
  it("carries the workspace's Prisma version and the files prisma migrate deploy reads", () => {
    const instructions = readDockerfile('console');
    expect(readArgDefaults(instructions).get('PRISMA_VERSION')).toBe(lockedRootVersion('prisma'));
    const copies = readContextCopies(instructions);
    expect(copies).toEqual(expect.arrayContaining(['prisma.config.ts', 'prisma']));
  });
});

describe('apps/agent/Dockerfile (state and probes)', () => {
  const instructions = readDockerfile('agent');
  const text = instructions.map(({ keyword, args }) => `${keyword} ${args}`).join('\n');

  it('keeps STATE_DIR on a volume owned by the runtime user', () => {
    expect(text).toContain('STATE_DIR=/var/lib/gatehouse');
    expect(text).toContain('VOLUME ["/var/lib/gatehouse"]');
    expect(text).toContain('chown 1000:1000 /var/lib/gatehouse');
  });

  it("probes /healthz on the admin port, whose default is the agent's", () => {
    const healthcheck = instructions.find(({ keyword }) => keyword === 'HEALTHCHECK')!.args;
    expect(healthcheck).toContain("process.env.ADMIN_PORT||9773)+'/healthz'");
    expect(readText('apps/agent/src/env.ts')).toMatch(/ADMIN_PORT[\s\S]*default\(9773\)/);
  });
});
