// What the Node images run, rebuilt here the way their Dockerfiles do (no Docker engine on CI):
// `pnpm deploy --prod` of the app alone (the agent with its bundle in place of its sources),
// started from that directory, answering the Dockerfile's own HEALTHCHECK path. Catches an app
// that needs a devDependency, a workspace file outside its package, or a healthcheck pointing at
// nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAgentBundle } from '@gatehouse/agent/build';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDockerfile } from './support/dockerfile';
import { findFreePort, runToCompletion, startProcess, waitForAnswer } from './support/processes';
import { REPOSITORY_ROOT, readText, repositoryPath } from './support/repository';
import { generateSampleSecrets } from './support/sample-secrets';

const TSX_LOADER = repositoryPath('node_modules/tsx/dist/loader.mjs');
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'gatehouse-image-recipe-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

interface Recipe {
  app: 'agent' | 'demo-upstream' | 'dev-idp';
  /** What the Dockerfile does to the deployed directory after `pnpm deploy`. */
  prepare?(appDir: string): Promise<void>;
  /** The image's ENTRYPOINT arguments after `node`. */
  entrypoint: string[];
  /** Environment the container would get; `port` is the one its healthcheck reads. */
  environment(port: number, stateDir: string): Promise<Record<string, string>>;
}

const RECIPES: Recipe[] = [
  {
    app: 'agent',
    // Built straight into the deployed directory, as the Dockerfile's /app/dist: its imports
    // resolve from that directory's production node_modules alone.
    prepare: async (appDir) => {
      await rm(join(appDir, 'src'), { recursive: true, force: true });
      await buildAgentBundle(join(appDir, 'dist'));
    },
    entrypoint: ['dist/main.mjs'],
    // The console is unreachable (a closed port): the agent still starts and reports health.
    environment: async (port, stateDir) => {
      const secrets = generateSampleSecrets();
      return {
        PROVISIONING_KEY: secrets.PROVISIONING_KEY!,
        PROVISIONING_SECRET: secrets.PROVISIONING_SECRET!,
        CONSOLE_URL: `http://127.0.0.1:${await findFreePort()}`,
        ADMIN_PORT: String(port),
        STATE_DIR: stateDir,
      };
    },
  },
  {
    app: 'demo-upstream',
    entrypoint: ['--import', TSX_LOADER, 'src/main.ts'],
    environment: (port) => Promise.resolve({ DEMO_UPSTREAM_PORT: String(port) }),
  },
  {
    app: 'dev-idp',
    entrypoint: ['--import', TSX_LOADER, 'src/main.ts'],
    environment: (port) => Promise.resolve({ DEV_IDP_PORT: String(port) }),
  },
];

/** The path the image's HEALTHCHECK fetches, e.g. `/healthz`. */
function readHealthcheckPath(app: Recipe['app']): string {
  const healthcheck = parseDockerfile(readText(`apps/${app}/Dockerfile`)).find(
    ({ keyword }) => keyword === 'HEALTHCHECK',
  );
  const path = /\+'(\/[^']*)'\)/.exec(healthcheck?.args ?? '')?.[1];
  if (!path) throw new Error(`apps/${app}/Dockerfile has no HEALTHCHECK fetching a path`);
  return path;
}

describe.each(RECIPES.map((recipe) => [recipe.app, recipe] as const))(
  'the %s image',
  (app, recipe) => {
    it('runs from its production dependencies alone and answers its healthcheck', async () => {
      const appDir = join(workDir, app);
      const deploy = await runToCompletion(
        'pnpm',
        ['--filter', `@gatehouse/${app}`, '--prod', 'deploy', appDir],
        { cwd: REPOSITORY_ROOT, env: { ...(process.env as Record<string, string>), CI: 'true' } },
      );
      expect(deploy.code, deploy.output).toBe(0);
      await recipe.prepare?.(appDir);

      const port = await findFreePort();
      const running = startProcess(process.execPath, recipe.entrypoint, {
        cwd: appDir,
        // As in the image: nothing else from this machine's environment.
        env: {
          PATH: process.env.PATH ?? '',
          TSX_DISABLE_CACHE: '1',
          ...(await recipe.environment(port, join(workDir, `${app}-state`))),
        },
      });
      try {
        const status = await waitForAnswer(
          `http://127.0.0.1:${port}${readHealthcheckPath(app)}`,
          running,
        );
        expect(status, running.output()).toBe(200);
      } finally {
        const { code } = await running.stop('SIGTERM');
        expect(code, running.output()).toBe(0);
      }
    });
  },
);
