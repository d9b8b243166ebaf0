// The agent as images and the benchmark run it: one ES module with the workspace's TypeScript
// (the agent and @gatehouse/contract) compiled in and npm dependencies left as imports, resolved
// from the agent's node_modules. Running src/main.ts through tsx instead compiles every module
// at start-up in every process and keeps an esbuild service process beside each: measured, a
// primary and two workers take about 90 MB more (PSS) that way (docs/performance.md).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** `dist/main.mjs`: the file images and the benchmark start with `node`. */
export const AGENT_BUNDLE_PATH = fileURLToPath(new URL('../../dist/main.mjs', import.meta.url));

export async function buildAgentBundle(): Promise<string> {
  const manifest = JSON.parse(await readFile(`${PACKAGE_DIR}/package.json`, 'utf8')) as {
    dependencies: Record<string, string>;
  };
  // Workspace packages are TypeScript source, which Node 20 cannot load: they go in the bundle.
  const external = Object.keys(manifest.dependencies).filter(
    (name) => !name.startsWith('@gatehouse/'),
  );
  await build({
    entryPoints: [`${PACKAGE_DIR}/src/main.ts`],
    outfile: AGENT_BUNDLE_PATH,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    // Stack traces map back to the TypeScript with `node --enable-source-maps`.
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return AGENT_BUNDLE_PATH;
}
