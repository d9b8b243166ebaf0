import { readdirSync } from 'node:fs';
import { readText, repositoryPath } from './repository';

export interface Chart {
  directory: string;
  templates: Map<string, string>;
}

export function readChart(directory: string): Chart {
  const templates = new Map<string, string>();
  for (const name of readdirSync(repositoryPath(directory, 'templates'))) {
    templates.set(name, readText(`${directory}/templates/${name}`));
  }
  return { directory, templates };
}

/** Every `.Values.a.b` (or `$.Values.a.b`) path the templates read. */
export function listValuesReferences(chart: Chart): Set<string> {
  const paths = new Set<string>();
  for (const text of chart.templates.values()) {
    for (const match of text.matchAll(/\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)) {
      paths.add(match[1]!.slice(1));
    }
  }
  return paths;
}

/** Dotted paths of values.yaml down to its leaves (scalars, lists, empty maps). */
export function listValuesPaths(values: unknown, prefix = ''): string[] {
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return [prefix];
  const entries = Object.entries(values);
  if (entries.length === 0) return [prefix];
  return entries.flatMap(([key, value]) =>
    listValuesPaths(value, prefix === '' ? key : `${prefix}.${key}`),
  );
}

export function hasPath(values: unknown, path: string): boolean {
  let current: unknown = values;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !(key in current)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
}

/** Opening actions (if, with, range, define) minus `end`s; zero when balanced. */
export function countUnclosedBlocks(template: string): number {
  let open = 0;
  for (const match of template.matchAll(/\{\{-?\s*(if|with|range|define|end)\b/g)) {
    open += match[1] === 'end' ? -1 : 1;
    if (open < 0) return open;
  }
  return open;
}

export function deepMerge(base: unknown, override: unknown): unknown {
  if (
    base === null ||
    override === null ||
    typeof base !== 'object' ||
    typeof override !== 'object' ||
    Array.isArray(base) ||
    Array.isArray(override)
  ) {
    return override;
  }
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override)) {
    merged[key] = key in merged ? deepMerge(merged[key], value) : value;
  }
  return merged;
}
