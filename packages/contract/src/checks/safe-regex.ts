/**
 * Regex rules run against every request, so a pattern must be cheap to evaluate and must say
 * exactly what it matches. We accept only anchored patterns (`^…$`) in a conservative subset:
 * no backreferences or lookaround, and no quantified group that itself contains a quantifier or
 * an alternation (the shapes behind catastrophic backtracking, e.g. `^(a+)+$` or `^(a|a)*$`).
 * Returns an error message, or null when the pattern is acceptable.
 */
export function checkSafeRegex(pattern: string): string | null {
  if (pattern.length > 512) return 'is longer than 512 characters';
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) {
    return 'must be anchored: start with "^" and end with "$"';
  }
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return `does not parse: ${(error as Error).message}`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'must not use backreferences';
  if (/\(\?<?[=!]/.test(pattern)) return 'must not use lookahead or lookbehind';
  return findNestedQuantifier(pattern);
}

interface Group {
  hasQuantifier: boolean;
  hasAlternation: boolean;
}

function findNestedQuantifier(pattern: string): string | null {
  const stack: Group[] = [{ hasQuantifier: false, hasAlternation: false }];
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i];
    if (char === '\\') {
      i += 1;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (!top) return 'has unbalanced parentheses';
    switch (char) {
      case '[':
        inClass = true;
        break;
      case '(':
        stack.push({ hasQuantifier: false, hasAlternation: false });
        i = skipGroupModifier(pattern, i);
        break;
      case '|':
        top.hasAlternation = true;
        break;
      case ')': {
        const closed = stack.pop();
        const parent = stack[stack.length - 1];
        if (!closed || !parent) return 'has unbalanced parentheses';
        if (isQuantifier(pattern, i + 1) && (closed.hasQuantifier || closed.hasAlternation)) {
          return 'must not repeat a group that contains a quantifier or "|" (catastrophic backtracking)';
        }
        if (closed.hasQuantifier) parent.hasQuantifier = true;
        break;
      }
      default:
        if (isQuantifier(pattern, i)) top.hasQuantifier = true;
    }
  }
  return null;
}

function isQuantifier(pattern: string, index: number): boolean {
  const char = pattern[index];
  if (char === '*' || char === '+' || char === '?') return true;
  return char === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(index));
}

// `(?:` and `(?<name>` open a group; their `?` is not a quantifier.
function skipGroupModifier(pattern: string, open: number): number {
  if (pattern[open + 1] !== '?') return open;
  if (pattern[open + 2] === '<') {
    const end = pattern.indexOf('>', open);
    return end === -1 ? open : end;
  }
  return open + 2;
}
