// The curl examples of the docs against the console's routes: every call they show must be a
// route file under apps/console/app/api/v1 that exports that method, so a renamed or removed
// endpoint fails here rather than in a reader's terminal. (The examples were also run against a
// `pnpm dev` console when written; this guards them from drifting.)
import { describe, expect, it } from 'vitest';
import { readRepositoryFile, shellBlocks } from './read-doc';

interface Call {
  doc: string;
  method: string;
  path: string;
}

/** Each curl command of the doc's ```sh blocks that calls `$GATEHOUSE_URL/api/v1/…`. */
function readCalls(doc: string): Call[] {
  return shellBlocks(readRepositoryFile(doc)).flatMap((block) =>
    // One piece per curl command: from `curl` to the next one.
    block.split(/\bcurl\b/).flatMap((command) => {
      const path = /"\$GATEHOUSE_URL(\/api\/v1\/[^"?]*)/.exec(command)?.[1];
      if (!path) return [];
      const method = /\s-X (\w+)/.exec(command)?.[1] ?? (/\s-d\s/.test(command) ? 'POST' : 'GET');
      return [{ doc, method, path }];
    }),
  );
}

/** `/api/v1/deployments/$deployment/idps` → `apps/console/app/api/v1/deployments/[id]/idps/route.ts`. */
function routeFileOf(path: string): string {
  const segments = path.split('/').map((segment) => (segment.startsWith('$') ? '[id]' : segment));
  return `apps/console/app${segments.join('/')}/route.ts`;
}

const calls = ['docs/api.md', 'docs/operations.md'].flatMap(readCalls);

describe('the API calls shown in the docs', () => {
  it('are found (the examples are still written the way this test reads them)', () => {
    expect(calls.filter((call) => call.doc === 'docs/api.md').length).toBeGreaterThanOrEqual(10);
    expect(calls.map((call) => `${call.method} ${call.path}`)).toContain(
      'POST /api/v1/applications/$application/presets/cvat',
    );
  });

  it.each(calls.map((call) => [`${call.method} ${call.path}`, call.doc, call] as const))(
    '%s (%s) is a route of the console',
    (_, __, call) => {
      let source: string;
      try {
        source = readRepositoryFile(routeFileOf(call.path));
      } catch {
        throw new Error(`${call.doc}: no route file ${routeFileOf(call.path)} for ${call.path}`);
      }
      expect(source, `${routeFileOf(call.path)} exports ${call.method}`).toMatch(
        new RegExp(`export (const|async function) ${call.method}\\b`),
      );
    },
  );
});
