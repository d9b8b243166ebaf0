/**
 * Rules match the *normalized* request path (the agent's normalize step runs first), so a rule
 * path that is not itself normalized could never match and would silently leave a path
 * unprotected or unexposed. We refuse such paths instead: fail closed, and tell the admin why.
 */
export function checkRulePath(path: string): string | null {
  if (!path.startsWith('/')) return 'must start with "/"';
  if (path.length > 2048) return 'is longer than 2048 characters';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (/[\s\u0000-\u001f\u007f]/.test(path))
    return 'must not contain whitespace or control characters';
  if (path.includes('\\')) return 'must not contain a backslash';
  if (path.includes('?') || path.includes('#')) {
    return 'must not contain "?" or "#": rules match the path only, never the query string';
  }
  if (path.includes('%'))
    return 'must be written decoded (no "%" escapes): rules match the decoded path';
  if (path.includes('//')) return 'must not contain "//"';
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) {
    return 'must not contain "." or ".." segments';
  }
  return null;
}
