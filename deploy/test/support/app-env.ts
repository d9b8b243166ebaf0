import { pathToFileURL } from 'node:url';
import { readText, repositoryPath } from './repository';

export type AppName = 'agent' | 'console' | 'dev-idp' | 'demo-upstream';

/**
 * The variables an app's `src/env.ts` validates: the keys of its top-level `z.object({...})`.
 * Read from the source so a variable renamed there fails these tests until the deploy files follow.
 */
export function readEnvKeys(app: AppName): Set<string> {
  const source = readText(`apps/${app}/src/env.ts`);
  const start = source.search(/z\.(?:strict)?[oO]bject\(\{/);
  if (start < 0) throw new Error(`apps/${app}/src/env.ts has no z.object({ … }) to read`);
  const keys = new Set<string>();
  let depth = 0;
  let line = '';
  for (const char of source.slice(source.indexOf('{', start))) {
    if (char === '{' || char === '(' || char === '[') depth += 1;
    if (char === '}' || char === ')' || char === ']') depth -= 1;
    if (depth === 0) break;
    if (char === '\n') {
      const key = /^\s*([A-Z][A-Z0-9_]*)\s*:/.exec(line)?.[1];
      if (key) keys.add(key);
      line = '';
    } else if (depth === 1) {
      line += char;
    }
  }
  if (keys.size === 0) throw new Error(`found no variables in apps/${app}/src/env.ts`);
  return keys;
}

export type EnvVerdict = { ok: true } | { ok: false; message: string };

/** Runs the app's own environment validation (its env.ts) over `source`. */
export async function validateAppEnv(
  app: AppName,
  source: Record<string, string>,
): Promise<EnvVerdict> {
  const module = (await import(
    pathToFileURL(repositoryPath(`apps/${app}/src/env.ts`)).href
  )) as Record<string, unknown>;
  const validate = ['parseEnv', 'readEnv', 'loadEnv']
    .map((name) => module[name])
    .find((candidate) => typeof candidate === 'function') as
    ((input: Record<string, string>) => unknown) | undefined;
  if (!validate) throw new Error(`apps/${app}/src/env.ts exports no parseEnv/readEnv/loadEnv`);
  try {
    // A copy: the console's parser fills in NEXTAUTH_URL on the object it is given.
    const result = validate({ ...source }) as { ok?: boolean; problems?: unknown } | undefined;
    if (result?.ok === false) return { ok: false, message: JSON.stringify(result.problems) };
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
