// The role-mapping expression language: a tiny, total, side-effect-free grammar compiled to
// closures when a configuration is applied. No eval, no Function, no regex, no loops: evaluation
// visits each node once, so its cost is bounded by the expression's size (≤ 400 tokens, nesting
// ≤ 32). Any type error at evaluation throws, and the caller denies access: errors never allow.
//
//   expression := or
//   or         := and ('||' and)*
//   and        := unary ('&&' unary)*
//   unary      := '!' unary | comparison
//   comparison := operand (('==' | '!=' | 'in' | 'contains' | 'startsWith' | 'endsWith') operand)?
//   operand    := string | number | true | false | null | path | '(' expression ')'
//               | '[' (literal (',' literal)*)? ']'
//   path       := a dotted name (`email`, `groups`, `realm_access.roles`, `claims.x`), resolved
//                 by the caller's `readPath` (the agent maps standard fields and raw claims).
//
// Example: `"cvat-admins" in groups || email endsWith "@corp.example"`.
import { ExpressionSyntaxError, tokenizeExpression, type Token } from './tokenize-expression';

export { ExpressionSyntaxError };

export class ExpressionEvaluationError extends Error {
  override name = 'ExpressionEvaluationError';
}

type Value = unknown;
/** Resolves a dotted path against the subject (the agent's signed-in subject). */
export type PathReader<S> = (subject: S, path: string) => unknown;
type Evaluate<S> = (subject: S) => Value;
export type CompiledExpression<S> = (subject: S) => boolean;

const MAX_DEPTH = 32;
const KEYWORDS = new Set(['true', 'false', 'null', 'in', 'contains', 'startsWith', 'endsWith']);
const OPERATORS = new Set(['==', '!=', 'in', 'contains', 'startsWith', 'endsWith']);

export function compileExpression<S>(
  source: string,
  readPath: PathReader<S>,
): CompiledExpression<S> {
  const parser = new Parser<S>(tokenizeExpression(source), readPath);
  const evaluate = parser.parseExpression(0);
  parser.expectEnd();
  return (subject) => {
    const result = evaluate(subject);
    if (typeof result !== 'boolean') {
      throw new ExpressionEvaluationError(
        `the expression gave ${describe(result)}, not true or false`,
      );
    }
    return result;
  };
}

class Parser<S> {
  #index = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly readPath: PathReader<S>,
  ) {}

  parseExpression(depth: number): Evaluate<S> {
    if (depth > MAX_DEPTH)
      throw new ExpressionSyntaxError('expression nests too deeply', this.#peek().at);
    return this.#parseOr(depth);
  }

  expectEnd(): void {
    const token = this.#peek();
    if (token.kind !== 'end')
      throw new ExpressionSyntaxError(`unexpected ${show(token)}`, token.at);
  }

  #parseOr(depth: number): Evaluate<S> {
    let left = this.#parseAnd(depth);
    while (this.#accept('punct', '||')) {
      const [a, b] = [left, this.#parseAnd(depth)];
      left = (subject) => requireBoolean(a(subject), '||') || requireBoolean(b(subject), '||');
    }
    return left;
  }

  #parseAnd(depth: number): Evaluate<S> {
    let left = this.#parseUnary(depth);
    while (this.#accept('punct', '&&')) {
      const [a, b] = [left, this.#parseUnary(depth)];
      left = (subject) => requireBoolean(a(subject), '&&') && requireBoolean(b(subject), '&&');
    }
    return left;
  }

  #parseUnary(depth: number): Evaluate<S> {
    if (this.#accept('punct', '!')) {
      if (depth + 1 > MAX_DEPTH)
        throw new ExpressionSyntaxError('expression nests too deeply', this.#peek().at);
      const operand = this.#parseUnary(depth + 1);
      return (subject) => !requireBoolean(operand(subject), '!');
    }
    return this.#parseComparison(depth);
  }

  #parseComparison(depth: number): Evaluate<S> {
    const left = this.#parseOperand(depth);
    const token = this.#peek();
    const operator =
      (token.kind === 'punct' || token.kind === 'name') && OPERATORS.has(token.value)
        ? token.value
        : null;
    if (operator === null) return left;
    this.#index += 1;
    const right = this.#parseOperand(depth);
    return (subject) => compare(operator, left(subject), right(subject));
  }

  #parseOperand(depth: number): Evaluate<S> {
    const token = this.#next();
    switch (token.kind) {
      case 'string':
      case 'number': {
        const { value } = token;
        return () => value;
      }
      case 'name':
        return this.#parseName(token);
      case 'punct':
        if (token.value === '(') {
          const inner = this.parseExpression(depth + 1);
          this.#expect(')');
          return inner;
        }
        if (token.value === '[') return this.#parseList();
        break;
      case 'end':
        break;
    }
    throw new ExpressionSyntaxError(`expected a value but found ${show(token)}`, token.at);
  }

  #parseName(token: Extract<Token, { kind: 'name' }>): Evaluate<S> {
    if (token.value === 'true') return () => true;
    if (token.value === 'false') return () => false;
    if (token.value === 'null') return () => null;
    if (KEYWORDS.has(token.value)) {
      throw new ExpressionSyntaxError(`expected a value but found "${token.value}"`, token.at);
    }
    const path = token.value;
    const readPath = this.readPath;
    return (subject) => readPath(subject, path) ?? null;
  }

  #parseList(): Evaluate<S> {
    const items: Value[] = [];
    if (!this.#accept('punct', ']')) {
      do {
        const token = this.#next();
        if (token.kind !== 'string' && token.kind !== 'number') {
          throw new ExpressionSyntaxError('a list holds only strings and numbers', token.at);
        }
        items.push(token.value);
      } while (this.#accept('punct', ','));
      this.#expect(']');
    }
    return () => items;
  }

  #peek(): Token {
    return this.tokens[this.#index] ?? { kind: 'end', at: 0 };
  }

  #next(): Token {
    const token = this.#peek();
    if (token.kind !== 'end') this.#index += 1;
    return token;
  }

  #accept(kind: 'punct', value: string): boolean {
    const token = this.#peek();
    if (token.kind !== kind || token.value !== value) return false;
    this.#index += 1;
    return true;
  }

  #expect(value: string): void {
    const token = this.#peek();
    if (!this.#accept('punct', value)) {
      throw new ExpressionSyntaxError(`expected "${value}" but found ${show(token)}`, token.at);
    }
  }
}

// A missing claim is null: it is in nothing, contains nothing and starts with nothing, so a user
// without the claim simply does not match. Mixing types (a list where a string belongs) throws.
function compare(operator: string, left: Value, right: Value): boolean {
  switch (operator) {
    case '==':
      return requireScalar(left, operator) === requireScalar(right, operator);
    case '!=':
      return requireScalar(left, operator) !== requireScalar(right, operator);
    case 'in':
      return contains(right, left);
    case 'contains':
      return contains(left, right);
    case 'startsWith':
    case 'endsWith': {
      if (left === null || right === null) return false;
      if (typeof left !== 'string' || typeof right !== 'string') {
        throw new ExpressionEvaluationError(
          `${operator} compares two strings, not ${describe(left)} and ${describe(right)}`,
        );
      }
      return operator === 'startsWith' ? left.startsWith(right) : left.endsWith(right);
    }
  }
  throw new ExpressionEvaluationError(`unknown operator ${operator}`);
}

function contains(container: Value, item: Value): boolean {
  if (container === null || item === null) return false;
  const needle = requireScalar(item, 'in');
  if (Array.isArray(container)) return container.some((element) => element === needle);
  if (typeof container === 'string' && typeof needle === 'string')
    return container.includes(needle);
  throw new ExpressionEvaluationError(
    `cannot look for ${describe(item)} in ${describe(container)}`,
  );
}

function requireScalar(value: Value, operator: string): string | number | boolean | null {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
    return value as string | number | boolean | null;
  }
  throw new ExpressionEvaluationError(`${operator} cannot compare ${describe(value)}`);
}

function requireBoolean(value: Value, operator: string): boolean {
  if (typeof value === 'boolean') return value;
  throw new ExpressionEvaluationError(`${operator} needs true or false, not ${describe(value)}`);
}

function describe(value: Value): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function show(token: Token): string {
  return token.kind === 'end' ? 'the end of the expression' : `"${String(token.value)}"`;
}
