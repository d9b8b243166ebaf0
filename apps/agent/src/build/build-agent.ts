// The agent as images and the benchmark run it: ES modules (main.mjs and the chunks it imports
// lazily) with the workspace's TypeScript (the agent and @gatehouse/contract) compiled in and npm
// dependencies left as imports, resolved from the node_modules above the output directory.
// Running src/main.ts through tsx instead compiles every module at start-up in every process and
// keeps an esbuild service process beside each: measured, a primary and two workers take about
// 90 MB more (PSS) that way (docs/performance.md).
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { AGENT_BUNDLE_PATH } from './bundle-path';

export { AGENT_BUNDLE_PATH };

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Writes the bundle to `outdir` (emptied first; default apps/agent/dist) and returns the path of
 * its main.mjs. Elsewhere than the default, `outdir` must sit below a node_modules holding the
 * agent's dependencies, as the image's /app/dist does.
 */
export async function buildAgentBundle(outdir = dirname(AGENT_BUNDLE_PATH)): Promise<string> {
  const manifest = JSON.parse(await readFile(`${PACKAGE_DIR}/package.json`, 'utf8')) as {
    dependencies: Record<string, string>;
  };
  // Workspace packages are TypeScript source, which Node 20 cannot load: they go in the bundle.
  const external = Object.keys(manifest.dependencies).filter(
    (name) => !name.startsWith('@gatehouse/'),
  );
  await rm(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { main: `${PACKAGE_DIR}/src/main.ts` },
    outdir,
    outExtension: { '.js': '.mjs' },
    // The agent imports what only some processes need when they need it (a primary never loads
    // the pipeline, a worker without REDIS_URL never loads ioredis, node-saml waits for the
    // first SAML sign-in); split chunks keep those imports lazy, as they are under tsx, where a
    // single file would hoist every npm import to its top.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    // Stack traces map back to the TypeScript with `node --enable-source-maps`.
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return join(outdir, 'main.mjs');
}
