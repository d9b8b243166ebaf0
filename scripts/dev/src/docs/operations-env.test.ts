// docs/operations.md's environment reference against the code: each `### … (`<path>/env.ts`)`
// section must list exactly the variables that file reads, so neither can change alone.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../paths';
import { firstCells, readRepositoryFile, splitSections } from './read-doc';

// Set by Next.js itself for the code it runs, never by an operator.
const SET_BY_NEXT = new Set(['NEXT_PHASE', 'NEXT_RUNTIME']);

/** The variables an env.ts reads: its zod schema's keys and any direct process.env reads. */
function readVariables(source: string): string[] {
  const schemaKeys = [...source.matchAll(/^\s+([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{2,}):/gm)];
  const directReads = [...source.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)];
  return [...new Set([...schemaKeys, ...directReads].map((match) => match[1] ?? ''))]
    .filter((name) => !SET_BY_NEXT.has(name))
    .sort();
}

const sections = [...splitSections(readRepositoryFile('docs/operations.md'))].flatMap(
  ([heading, lines]) => {
    const path = /`([^`]+\/env\.ts)`/.exec(heading)?.[1];
    return path ? [{ heading, path, lines }] : [];
  },
);

describe('docs/operations.md, environment reference', () => {
  it('has a section for the env.ts of every program', () => {
    const programs = readdirSync(join(REPOSITORY_ROOT, 'apps'))
      .map((app) => `apps/${app}/src/env.ts`)
      .filter((path) => {
        try {
          readRepositoryFile(path);
          return true;
        } catch {
          return false;
        }
      });
    expect(programs.length).toBeGreaterThanOrEqual(4);
    expect(sections.map((section) => section.path).sort()).toEqual(
      [...programs, 'scripts/dev/src/env.ts'].sort(),
    );
  });

  it.each(sections.map((section) => [section.path, section] as const))(
    'lists exactly the variables %s reads',
    (path, section) => {
      const documented = firstCells(section.lines).map((cell) => {
        const name = /^`([A-Z][A-Z0-9_]*)`$/.exec(cell)?.[1];
        if (!name)
          throw new Error(`${section.heading}: write one \`VARIABLE\` per row, not "${cell}"`);
        return name;
      });
      expect(documented.length, 'one row per variable').toBe(new Set(documented).size);
      expect([...documented].sort()).toEqual(readVariables(readRepositoryFile(path)));
    },
  );
});
