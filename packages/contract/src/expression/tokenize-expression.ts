// The lexer of the role-mapping expression language (grammar in compile-expression.ts).

export type Token =
  | { kind: 'string'; value: string; at: number }
  | { kind: 'number'; value: number; at: number }
  | { kind: 'name'; value: string; at: number }
  | { kind: 'punct'; value: string; at: number }
  | { kind: 'end'; at: number };

export class ExpressionSyntaxError extends Error {
  constructor(message: string, at: number) {
    super(`${message} at character ${at + 1}`);
    this.name = 'ExpressionSyntaxError';
  }
}

const MAX_TOKENS = 400;
const PUNCTUATION = ['&&', '||', '==', '!=', '!', '(', ')', '[', ']', ','];
const NAME = /[A-Za-z_][\w-]*(?:\.[\w-]+)*/y;
const NUMBER = /-?\d{1,15}(?:\.\d{1,15})?/y;

export function tokenizeExpression(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at] ?? '';
    if (/\s/.test(char)) {
      at += 1;
      continue;
    }
    if (tokens.length >= MAX_TOKENS) {
      throw new ExpressionSyntaxError(`expression is longer than ${MAX_TOKENS} tokens`, at);
    }
    if (char === '"' || char === "'") {
      const { value, next } = readString(source, at);
      tokens.push({ kind: 'string', value, at });
      at = next;
      continue;
    }
    const punctuation = PUNCTUATION.find((candidate) => source.startsWith(candidate, at));
    if (punctuation) {
      tokens.push({ kind: 'punct', value: punctuation, at });
      at += punctuation.length;
      continue;
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(source);
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]), at });
      at += number[0].length;
      continue;
    }
    NAME.lastIndex = at;
    const name = NAME.exec(source);
    if (name) {
      tokens.push({ kind: 'name', value: name[0], at });
      at += name[0].length;
      continue;
    }
    throw new ExpressionSyntaxError(`unexpected "${char}"`, at);
  }
  tokens.push({ kind: 'end', at });
  return tokens;
}

function readString(source: string, start: number): { value: string; next: number } {
  const quote = source[start];
  let value = '';
  for (let at = start + 1; at < source.length; at += 1) {
    const char = source[at];
    if (char === quote) return { value, next: at + 1 };
    if (char === '\\') {
      const escaped = source[at + 1];
      if (escaped !== '\\' && escaped !== '"' && escaped !== "'") {
        throw new ExpressionSyntaxError('only \\\\, \\" and \\\' escapes are allowed', at);
      }
      value += escaped;
      at += 1;
      continue;
    }
    value += char;
  }
  throw new ExpressionSyntaxError('unterminated string', start);
}
