// Helpers for the tests that hold the docs to the code: they read markdown the simple way the
// docs are written (### sections, | tables |, ```sh blocks), nothing more general.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../paths';

export function readRepositoryFile(path: string): string {
  return readFileSync(join(REPOSITORY_ROOT, path), 'utf8');
}

/** `### heading` → the lines under it, up to the next heading of any level. */
export function splitSections(markdown: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^#{1,6} (.*)$/.exec(line);
    if (heading) {
      current = [];
      sections.set(heading[1] ?? '', current);
    } else {
      current?.push(line);
    }
  }
  return sections;
}

/** The first cell of each body row of the tables in `lines` (not headers, not `| --- |` rules). */
export function firstCells(lines: string[]): string[] {
  const rows = lines.filter((line) => line.startsWith('|'));
  const isRule = (row: string | undefined) => row !== undefined && /^\|[\s|:-]+\|$/.test(row);
  return rows
    .filter((row, index) => !isRule(row) && !isRule(rows[index + 1]))
    .map((row) => row.split('|')[1]?.trim() ?? '');
}

/** The contents of the ```sh code blocks. */
export function shellBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```sh\n([^]*?)```/g)].map((match) => match[1] ?? '');
}
