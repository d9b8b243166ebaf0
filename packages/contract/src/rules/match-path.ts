import type { TRule } from '../config/rule';

export type PathMatcher = (path: string) => boolean;

/**
 * Rule paths are normalized already (the contract refuses anything else), and so is the request
 * path, so plain string comparison is exact. PREFIX is segment-wise: `/api` matches `/api` and
 * `/api/…` but never `/apikeys`; a prefix ending in `/` matches what is under it.
 */
export function compilePathMatcher(rule: Pick<TRule, 'pathMatch' | 'path'>): PathMatcher {
  const { path } = rule;
  switch (rule.pathMatch) {
    case 'EXACT':
      return (candidate) => candidate === path;
    case 'PREFIX': {
      if (path.endsWith('/')) return (candidate) => candidate.startsWith(path);
      const under = `${path}/`;
      return (candidate) => candidate === path || candidate.startsWith(under);
    }
    case 'REGEX': {
      // Anchored and free of catastrophic shapes: checked by the contract before we get here.
      const pattern = new RegExp(path, 'u');
      return (candidate) => pattern.test(candidate);
    }
  }
}
