import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments, type ScalarTag } from 'yaml';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function repositoryPath(...parts: string[]): string {
  return join(REPOSITORY_ROOT, ...parts);
}

export function readText(relativePath: string): string {
  return readFileSync(repositoryPath(relativePath), 'utf8');
}

export function exists(relativePath: string): boolean {
  return existsSync(repositoryPath(relativePath));
}

/** A value tagged by Docker Compose's merge directives (`!reset`, `!override`). */
export class ComposeMergeTag {
  constructor(
    readonly tag: '!reset' | '!override',
    readonly value: unknown,
  ) {}
}

// Compose's merge tags apply to sequences and maps; the yaml library resolves tags on
// collections through `collection` tags, on plain values through scalar tags.
const composeTags = (['!reset', '!override'] as const).flatMap((tag) => [
  {
    tag,
    collection: 'seq' as const,
    resolve: (value: unknown) =>
      new ComposeMergeTag(tag, (value as { toJSON(): unknown }).toJSON()),
  },
  {
    tag,
    collection: 'map' as const,
    resolve: (value: unknown) =>
      new ComposeMergeTag(tag, (value as { toJSON(): unknown }).toJSON()),
  },
  { tag, resolve: (value: string) => new ComposeMergeTag(tag, value) } satisfies ScalarTag,
]);

export function readYaml(relativePath: string): unknown {
  return parse(readText(relativePath), { customTags: composeTags, strict: true });
}

export function parseYamlDocuments(text: string): unknown[] {
  return parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) throw new Error(document.errors.join('\n'));
    return document.toJS() as unknown;
  });
}
