import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgentBundle } from './build-agent';

let outdir: string;
let main: string;

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'gatehouse-agent-bundle-'));
  main = await buildAgentBundle(outdir);
}, 60_000);

afterAll(() => rm(outdir, { recursive: true, force: true }));

/** The npm packages a module loads as it is imported: its static imports, followed. */
async function staticPackages(file: string, seen = new Set<string>()): Promise<Set<string>> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const source = await readFile(file, 'utf8');
  for (const [, specifier] of source.matchAll(/^(?:import|export)\b[^'"]*?from "([^"]+)"/gm)) {
    if (specifier?.startsWith('./') || specifier?.startsWith('../')) {
      for (const name of await staticPackages(join(dirname(file), specifier), seen)) {
        packages.add(name);
      }
    } else if (specifier !== undefined && !specifier.startsWith('node:')) {
      packages.add(specifier);
    }
  }
  return packages;
}

/** The chunk main.mjs imports lazily for one side (`run-worker`, `run-agent`). */
async function lazyChunk(name: string): Promise<string> {
  const source = await readFile(main, 'utf8');
  const found = new RegExp(`import\\("(\\./chunks/${name}-[^"]+)"\\)`).exec(source);
  if (!found?.[1]) throw new Error(`main.mjs does not import ${name} lazily`);
  return join(outdir, found[1]);
}

describe('the agent bundle', () => {
  it('starts a worker without what only a primary, Redis or SAML needs', async () => {
    const worker = await staticPackages(await lazyChunk('run-worker'));
    // Each of these costs megabytes per worker process (docs/performance.md).
    expect(worker).not.toContain('prom-client');
    expect(worker).not.toContain('undici');
    expect(worker).not.toContain('ioredis');
    expect(worker).not.toContain('@node-saml/node-saml');
    expect(worker).toContain('undici/lib/dispatcher/pool.js');
  });

  it('starts a primary without the request pipeline', async () => {
    const primary = await staticPackages(await lazyChunk('run-agent'));
    expect(primary).toContain('prom-client');
    expect(primary).not.toContain('undici/lib/dispatcher/pool.js');
    expect(primary).not.toContain('openid-client');
    expect(primary).not.toContain('jose');
  });
});
